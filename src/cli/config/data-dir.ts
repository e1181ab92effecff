/**
 * Where the CLI keeps run state, history and (by default) reports: `--data-dir`, else UNIFI_SCANNER_DATA_DIR,
 * else the platform's per-user data folder. The desktop app uses its own folder; the CLI never guesses `./`.
 */
import path from 'node:path'
import os from 'node:os'
import { DATA_DIR_ENV, type Environment } from './env.js'

const APP_DIR = 'unifi-scanner'

export interface DataDirInput {
  flag?: string | undefined
  env: Environment
  platform?: NodeJS.Platform
  home?: string
}

export function resolveDataDir(input: DataDirInput): string {
  const explicit = input.flag?.trim() || input.env[DATA_DIR_ENV]?.trim()
  if (explicit) return path.resolve(explicit)
  return defaultDataDir(input.env, input.platform ?? process.platform, input.home ?? os.homedir())
}

export function defaultDataDir(env: Environment, platform: NodeJS.Platform, home: string): string {
  if (platform === 'win32') {
    const base = env.LOCALAPPDATA || env.APPDATA || path.win32.join(home, 'AppData', 'Local')
    return path.win32.join(base, APP_DIR)
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_DIR)
  // XDG says a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME
  const base = xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.local', 'share')
  return path.posix.join(base, APP_DIR)
}

/** Reports folder: `--out`, else `report.outputDir` from the settings, else `<data-dir>/reports`. */
export function resolveReportsDir(options: {
  out?: string | undefined
  outputDir?: string | undefined
  dataDir: string
}): string {
  const chosen = options.out?.trim() || options.outputDir
  return chosen ? path.resolve(chosen) : path.join(options.dataDir, 'reports')
}
