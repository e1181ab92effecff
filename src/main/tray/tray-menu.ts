import type { MenuItemConstructorOptions } from 'electron'
import type { AppStatus } from '../../shared/ipc/payloads.js'

export interface TrayActions {
  generateReport(): void
  openSettings(): void
  openReportsFolder(): void
  quit(): void
}

/**
 * Pure: the tray menu for a status. The menu is rebuilt on every status change rather than toggled, because
 * macOS ignores `enabled` on top-level tray items changed later and Linux needs `setContextMenu` again anyway.
 * When "Generate report now" is unavailable the reason is shown as its own line (sublabels and item tooltips
 * exist only on macOS).
 */
export function buildTrayMenuTemplate(status: AppStatus, actions: TrayActions): MenuItemConstructorOptions[] {
  const reason = status.generateBlockedReason
  const generate: MenuItemConstructorOptions[] = status.progress
    ? [
        {
          id: 'generate-report',
          label: `Generating… ${status.progress.phase} ${Math.round(status.progress.percent)} %`,
          enabled: false,
        },
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
  return [
    { id: 'status', label: `UniFi Scanner: ${status.headline}`, enabled: false },
    { type: 'separator' },
    ...generate,
    { type: 'separator' },
    {
      id: 'open-settings',
      label: 'Settings & status…',
      accelerator: 'CmdOrCtrl+,',
      click: () => actions.openSettings(),
    },
    { id: 'open-reports-folder', label: 'Open reports folder', click: () => actions.openReportsFolder() },
    { type: 'separator' },
    { id: 'quit', label: 'Quit UniFi Scanner', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
  ]
}

/** The tooltip next to the icon: headline plus what to do. */
export function trayTooltip(status: AppStatus): string {
  return `UniFi Scanner: ${status.headline}\n${status.detail}`
}
