import path from 'node:path'
import { pathToFileURL } from 'node:url'

export interface AppPaths {
  preload: string
  rendererIndex: string
  /** URL of the page the window shows: the dev server in development, the built file otherwise. */
  pageUrl: string
  trayDir: string
  /** The bundled headless CLI (`out/cli/index.js`). */
  cliEntry: string
}

/**
 * Where the built pieces live relative to the bundled main (`out/main/index.js`) and the app folder.
 * `devServerUrl` is electron-vite's ELECTRON_RENDERER_URL, honoured only in unpackaged builds.
 */
export function appPaths(mainDir: string, appPath: string, devServerUrl: string | undefined): AppPaths {
  const rendererIndex = path.join(mainDir, '../renderer/index.html')
  return {
    preload: path.join(mainDir, '../preload/index.cjs'),
    rendererIndex,
    pageUrl: devServerUrl ?? pathToFileURL(rendererIndex).href,
    trayDir: path.join(appPath, 'resources', 'tray'),
    // `npm run build` bundles the headless CLI beside main; the demo runs its `simulate` command.
    cliEntry: path.join(mainDir, '../cli/index.js'),
  }
}
