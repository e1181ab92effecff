import { Menu, Tray, nativeImage } from 'electron'
import type { AppState, AppStatus } from '../../shared/ipc/payloads.js'
import { buildTrayMenuTemplate, trayTooltip, type TrayActions, type TrayMenuExtras } from './tray-menu.js'

/** Owns the Tray (held here so it is not garbage-collected) and redraws icon, tooltip and menu per status. */
export class AppTray {
  private readonly tray: Tray
  private shownState: AppState | null = null

  constructor(
    private readonly iconFor: (state: AppState) => string,
    private readonly actions: TrayActions,
    initial: AppStatus,
    private readonly extras: () => TrayMenuExtras = () => ({ startAtLogin: false }),
  ) {
    this.tray = new Tray(nativeImage.createFromPath(iconFor(initial.state)))
    // Linux desktops may never emit click; the context menu is the primary way in, click is a shortcut.
    this.tray.on('click', () => actions.openSettings())
    this.update(initial)
  }

  private last: AppStatus | null = null

  /** Redraws with the last status (after "Start at login" changed). */
  redraw(): void {
    if (this.last) this.update(this.last)
  }

  update(status: AppStatus): void {
    this.last = status
    if (status.state !== this.shownState) {
      this.tray.setImage(nativeImage.createFromPath(this.iconFor(status.state)))
      this.shownState = status.state
    }
    this.tray.setToolTip(trayTooltip(status))
    this.tray.setContextMenu(Menu.buildFromTemplate(buildTrayMenuTemplate(status, this.actions, this.extras())))
  }

  destroy(): void {
    this.tray.destroy()
  }
}
