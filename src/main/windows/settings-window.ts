import { BrowserWindow } from 'electron'
import type { PushTarget } from '../ipc/push.js'
import type { TrustedSenders } from '../security/trusted-senders.js'
import { settingsWindowOptions } from './window-options.js'

export interface SettingsWindowDeps {
  preloadPath: string
  /** `app://renderer/index.html`, or in development the dev server URL. */
  pageUrl: string
  isPackaged: boolean
  trustedSenders: TrustedSenders
}

/**
 * The one settings & status window: created on demand and destroyed on close (no state lives in the renderer),
 * while the app keeps running in the tray. Its webContents id is trusted for IPC only while it exists.
 */
export class SettingsWindow {
  private window: BrowserWindow | null = null

  constructor(private readonly deps: SettingsWindowDeps) {}

  show(): void {
    const existing = this.window
    if (existing && !existing.isDestroyed()) {
      if (existing.isMinimized()) existing.restore()
      existing.show()
      existing.focus()
      return
    }
    this.window = this.create()
  }

  /** The open window (parent for dialogs), or null. */
  browserWindow(): BrowserWindow | null {
    const window = this.window
    return window && !window.isDestroyed() ? window : null
  }

  pushTargets(): PushTarget[] {
    const window = this.window
    return window && !window.isDestroyed() ? [window.webContents] : []
  }

  private create(): BrowserWindow {
    const window = new BrowserWindow(
      settingsWindowOptions({ preloadPath: this.deps.preloadPath, isPackaged: this.deps.isPackaged }),
    )
    const id = window.webContents.id
    this.deps.trustedSenders.add(id)
    window.webContents.once('destroyed', () => this.deps.trustedSenders.remove(id))
    window.once('ready-to-show', () => window.show())
    window.on('closed', () => {
      if (this.window === window) this.window = null
    })
    void window.loadURL(this.deps.pageUrl)
    return window
  }
}
