// Where the Electron binary for packaging is: the one `npm install` fetched into node_modules/electron/dist, or
// the folder named by ELECTRON_OVERRIDE_DIST_PATH (the variable Electron's own launcher honours). Probed through
// files only: require('electron') would start a download attempt.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

const DEFAULT_EXECUTABLE = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
}

/** The folder holding the Electron executable, or null when no binary is there. */
export function findElectronDist({ electronDir, env = process.env, platform = process.platform }) {
  const pathFile = path.join(electronDir, 'path.txt')
  const executable = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : (DEFAULT_EXECUTABLE[platform] ?? 'electron')
  const override = env['ELECTRON_OVERRIDE_DIST_PATH']
  const dist = override ? path.resolve(override) : path.join(electronDir, 'dist')
  if (executable === '' || executable.includes('..')) return null
  return existsSync(path.join(dist, executable)) ? dist : null
}

export const NO_ELECTRON_MESSAGE =
  'dist: no Electron binary found (node_modules/electron/dist is missing) — run "node node_modules/electron/install.js" where the download is possible, then run this again.'
