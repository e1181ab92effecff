import type { MenuItemConstructorOptions } from 'electron'
import type { AppStatus, UpdateStatus } from '../../shared/ipc/payloads.js'
import { joinMessage } from '../../shared/text/message-parts.js'
import { scheduleLine, scheduleMenuItems } from './schedule-items.js'

export interface TrayActions {
  generateReport(): void
  /** "Cancel report", shown while a report runs. */
  cancelReport?(): void
  openSettings(): void
  openReportsFolder(): void
  quit(): void
  /** Opens the newest report (validated path); the item is disabled while there is none. */
  openLastReport?(): void
  setStartAtLogin?(enabled: boolean): void
  openLogsFolder?(): void
  copyDiagnostics?(): void
  /** Present only where updates are enabled (a packaged app). */
  checkForUpdates?(): void
  installUpdate?(): void
  postponeUpdate?(): void
  /** "Pause schedule" / "Resume schedule"; shown while a schedule is set. */
  setSchedulePaused?(paused: boolean): void
}

/** What the menu shows besides the status: login-item state, read from the OS (or the autostart file). */
export interface TrayMenuExtras {
  startAtLogin: boolean
  update?: UpdateStatus
}

/** The offer (version, release notes, consent) or the download's progress, above everything else. */
function updateItems(update: UpdateStatus | undefined, actions: TrayActions): MenuItemConstructorOptions[] {
  if (!update || !actions.installUpdate) return []
  const version = update.version ?? ''
  if (update.state === 'downloading')
    return [
      {
        id: 'update-progress',
        label: `Downloading version ${version}… ${Math.round(update.percent ?? 0)} %`,
        enabled: false,
      },
      { type: 'separator' },
    ]
  if (update.state === 'installing')
    return [
      { id: 'update-progress', label: `Restarting to install version ${version}…`, enabled: false },
      { type: 'separator' },
    ]
  if (update.state !== 'available' || update.dismissed) return []
  const install = actions.installUpdate.bind(actions)
  const later = actions.postponeUpdate?.bind(actions)
  return [
    { id: 'update-available', label: `Version ${version} is available`, enabled: false },
    // Release notes are shown in the window, as text; the tray cannot show more than a line.
    { id: 'update-release-notes', label: 'Release notes…', click: () => actions.openSettings() },
    { id: 'update-install', label: 'Install and restart', click: () => install() },
    ...(later
      ? [{ id: 'update-later', label: 'Later', click: () => later() } satisfies MenuItemConstructorOptions]
      : []),
    { type: 'separator' },
  ]
}

function checkForUpdatesItem(update: UpdateStatus | undefined, actions: TrayActions): MenuItemConstructorOptions[] {
  const check = actions.checkForUpdates?.bind(actions)
  if (!check) return []
  const state = update?.state
  const busy = state === 'checking' || state === 'downloading' || state === 'installing'
  return [
    {
      id: 'check-for-updates',
      label: state === 'checking' ? 'Checking for updates…' : 'Check for updates',
      enabled: !busy,
      click: () => check(),
    },
  ]
}

/** "Generating… collecting threats 40 %": the same words for the menu item and the tooltip. */
export function progressLabel(status: AppStatus): string | null {
  return status.progress ? `Generating… ${status.progress.phase} ${Math.round(status.progress.percent)} %` : null
}

/**
 * Pure: the tray menu for a status. The menu is rebuilt on every status change rather than toggled, because
 * macOS ignores `enabled` on top-level tray items changed later and Linux needs `setContextMenu` again anyway.
 * While a report runs, "Generate report now" becomes a disabled progress line, so a second click does nothing.
 * When generating is unavailable the reason is shown as its own line (sublabels and item tooltips exist only on
 * macOS).
 */
export function buildTrayMenuTemplate(
  status: AppStatus,
  actions: TrayActions,
  extras: TrayMenuExtras = { startAtLogin: false },
  now: number = Date.now(),
): MenuItemConstructorOptions[] {
  const reason = status.generateBlockedReason
  const progress = progressLabel(status)
  const cancel = actions.cancelReport?.bind(actions)
  const generate: MenuItemConstructorOptions[] = progress
    ? [
        { id: 'generate-report', label: progress, enabled: false },
        ...(cancel ? [{ id: 'cancel-report', label: 'Cancel report', click: () => cancel() }] : []),
      ]
    : [
        {
          id: 'generate-report',
          label: 'Generate report now',
          enabled: reason === null,
          ...(reason === null ? {} : { sublabel: reason, toolTip: reason }),
          click: () => actions.generateReport(),
        },
        ...(reason === null ? [] : [{ id: 'generate-report-reason', label: reason, enabled: false }]),
      ]
  const optional = (id: string, label: string, run: (() => void) | undefined, enabled = true) =>
    run ? [{ id, label, enabled, click: () => run() } satisfies MenuItemConstructorOptions] : []
  const setStartAtLogin = actions.setStartAtLogin?.bind(actions)
  const troubleshooting: MenuItemConstructorOptions[] = [
    ...optional('open-logs-folder', 'Open logs folder', actions.openLogsFolder?.bind(actions)),
    ...optional('copy-diagnostics', 'Copy diagnostics', actions.copyDiagnostics?.bind(actions)),
  ]
  return [
    { id: 'status', label: `UniFi Scanner: ${status.headline}`, enabled: false },
    { type: 'separator' },
    ...updateItems(extras.update, actions),
    ...generate,
    ...lastReportItems(status, now),
    ...scheduleMenuItems(status.schedule, actions.setSchedulePaused?.bind(actions)),
    ...optional('open-last-report', 'Open last report', actions.openLastReport?.bind(actions), !!status.lastReport),
    { id: 'open-reports-folder', label: 'Open reports folder', click: () => actions.openReportsFolder() },
    { type: 'separator' },
    {
      id: 'open-settings',
      label: 'Settings & status…',
      accelerator: 'CmdOrCtrl+,',
      click: () => actions.openSettings(),
    },
    ...(setStartAtLogin
      ? [
          {
            id: 'start-at-login',
            label: 'Start at login',
            type: 'checkbox',
            checked: extras.startAtLogin,
            click: () => setStartAtLogin(!extras.startAtLogin),
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    ...checkForUpdatesItem(extras.update, actions),
    ...(troubleshooting.length > 0
      ? [{ id: 'troubleshooting', label: 'Troubleshooting', submenu: troubleshooting } as MenuItemConstructorOptions]
      : []),
    { type: 'separator' },
    { id: 'quit', label: 'Quit UniFi Scanner', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
  ]
}

/**
 * "Last report: today 07:00 · 3 severe, …" or "Last report failed (today 07:00): …": the newer of the last written
 * report and the last failed or cancelled run, as a disabled line. Nothing before the first run.
 */
export function lastReportLine(status: AppStatus, now: number): string | null {
  const report = status.lastReport
  const failedAt = status.lastErrorAt ?? null
  if (status.lastError && failedAt !== null && (report === null || failedAt >= report.finishedAt)) {
    const when = formatWhen(failedAt, now)
    if (status.lastError.kind === 'aborted') return `Last report cancelled (${when})`
    return joinMessage(`Last report failed (${when}): `, status.lastError.message)
  }
  if (report === null) return null
  return `Last report: ${formatWhen(report.finishedAt, now)} · ${report.headline}`
}

function lastReportItems(status: AppStatus, now: number): MenuItemConstructorOptions[] {
  const line = lastReportLine(status, now)
  return line === null ? [] : [{ id: 'last-report', label: truncate(line, 120), enabled: false }]
}

/** A menu line stays one line: long upstream messages are cut with an ellipsis. */
function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** "today 07:00", "yesterday 18:30" or "Fri 27 Nov 07:00", in the machine's time zone. */
export function formatWhen(at: number, now: number): string {
  const date = new Date(at)
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
  const day = (value: Date) => `${value.getFullYear()}-${value.getMonth()}-${value.getDate()}`
  if (day(date) === day(new Date(now))) return `today ${time}`
  if (day(date) === day(new Date(now - 86_400_000))) return `yesterday ${time}`
  const label = date.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' })
  return `${label} ${time}`
}

/** The tooltip next to the icon: headline plus what to do, or the progress while a report runs. */
export function trayTooltip(status: AppStatus): string {
  const progress = progressLabel(status)
  const schedule = scheduleLine(status.schedule)
  const text = progress ? `UniFi Scanner: ${progress}` : `UniFi Scanner: ${status.headline}\n${status.detail}`
  return schedule ? `${text}\n${schedule}` : text
}
