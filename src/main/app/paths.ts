import path from 'node:path'
import { APP_PAGE_URL } from '../security/app-protocol.js'

export interface AppPaths {
  preload: string
  /** The built renderer folder the `app://` scheme serves. */
  rendererDir: string
  /** URL of the page the window shows: the dev server in development, `app://renderer/index.html` otherwise. */
  pageUrl: string
  trayDir: string
  /** The bundled headless CLI (`out/cli/index.js`). */
  cliEntry: string
}

/**
 * Where the built pieces live relative to the bundled main (`out/main/index.js`) and the app folder.
 * `devServerUrl` is electron-vite's ELECTRON_RENDERER_URL, already checked by `devRendererUrl`.
 * `resourcesPath` is where a packaged app's extra resources (the tray icons) are copied beside the asar.
 */
export function appPaths(input: {
  mainDir: string
  appPath: string
  isPackaged: boolean
  resourcesPath: string
  devServerUrl: string | undefined
}): AppPaths {
  return {
    preload: path.join(input.mainDir, '../preload/index.cjs'),
    rendererDir: path.join(input.mainDir, '../renderer'),
    pageUrl: input.devServerUrl ?? APP_PAGE_URL,
    trayDir: input.isPackaged ? path.join(input.resourcesPath, 'tray') : path.join(input.appPath, 'resources', 'tray'),
    // `npm run build` bundles the headless CLI beside main; the demo runs its `simulate` command.
    cliEntry: path.join(input.mainDir, '../cli/index.js'),
  }
}
