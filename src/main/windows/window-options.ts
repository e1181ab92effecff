import type { BrowserWindowConstructorOptions } from 'electron'

export interface SettingsWindowOptionsInput {
  /** Absolute path of the CJS preload (`out/preload/index.cjs`): a sandboxed preload cannot be ESM. */
  preloadPath: string
  /** DevTools only in unpackaged builds. */
  isPackaged: boolean
}

/**
 * Options of the settings & status window. Every security-relevant flag is set explicitly (Electron checklist
 * items 2–4, 6, 8–10) so that a changed default or a copied template cannot weaken them silently.
 */
export function settingsWindowOptions(input: SettingsWindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'UniFi Scanner',
    width: 960,
    height: 720,
    minWidth: 640,
    minHeight: 480,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle click would otherwise try to open a link in a new window (denied anyway by the open handler).
      disableBlinkFeatures: 'Auxclick',
      devTools: !input.isPackaged,
    },
  }
}
