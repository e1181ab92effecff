import type { MenuItemConstructorOptions } from 'electron'
import type { AppStatus } from '../../shared/ipc/payloads.js'

export interface TrayActions {
  generateReport(): void
  openSettings(): void
  openReportsFolder(): void
  quit(): void
  /** Opens the newest report (validated path); the item is disabled while there is none. */
  openLastReport?(): void
  setStartAtLogin?(enabled: boolean): void
  openLogsFolder?(): void
  copyDiagnostics?(): void
}

/** What the menu shows besides the status: login-item state, read from the OS (or the autostart file). */
export interface TrayMenuExtras {
  startAtLogin: boolean
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
): MenuItemConstructorOptions[] {
  const reason = status.generateBlockedReason
  const progress = progressLabel(status)
  const generate: MenuItemConstructorOptions[] = progress
    ? [{ id: 'generate-report', label: progress, enabled: false }]
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
    ...generate,
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
    ...(troubleshooting.length > 0
      ? [{ id: 'troubleshooting', label: 'Troubleshooting', submenu: troubleshooting } as MenuItemConstructorOptions]
      : []),
    { type: 'separator' },
    { id: 'quit', label: 'Quit UniFi Scanner', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
  ]
}

/** The tooltip next to the icon: headline plus what to do, or the progress while a report runs. */
export function trayTooltip(status: AppStatus): string {
  const progress = progressLabel(status)
  return progress ? `UniFi Scanner: ${progress}` : `UniFi Scanner: ${status.headline}\n${status.detail}`
}
