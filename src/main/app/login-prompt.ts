import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Logger } from '../../core/logger.js'
import type { LoginItem } from './login-item.js'

export interface LoginPromptDeps {
  /** The app's data folder: a marker file there records that the question was asked. */
  dataDir: string
  /** Only an installed app can register a login item (unsigned dev builds cannot). */
  isPackaged: boolean
  loginItem: LoginItem
  /** Shows the question; resolves true for "Start at login". */
  ask: () => Promise<boolean>
  logger: Logger
}

const MARKER = 'start-at-login-asked'

/**
 * "Start at login" is asked once, after the first start of the installed app, and only turned on when the admin
 * says so (never silently). Any answer is remembered; the tray's checkbox changes it later. Resolves whether it
 * asked.
 */
export async function askStartAtLoginOnce(deps: LoginPromptDeps): Promise<boolean> {
  const marker = path.join(deps.dataDir, MARKER)
  if (!deps.isPackaged || existsSync(marker)) return false
  let enabled: boolean
  try {
    enabled = deps.loginItem.isEnabled()
  } catch {
    enabled = false
  }
  if (enabled) {
    await remember(marker)
    return false
  }
  const yes = await deps.ask()
  await remember(marker)
  if (yes) {
    try {
      deps.loginItem.setEnabled(true)
    } catch (error) {
      deps.logger.warn('start at login not enabled', { reason: error instanceof Error ? error.message : 'unknown' })
    }
  }
  deps.logger.info('start at login asked', { enabled: yes })
  return true
}

async function remember(marker: string): Promise<void> {
  await mkdir(path.dirname(marker), { recursive: true })
  await writeFile(marker, `${new Date().toISOString()}\n`, 'utf8')
}

export const START_AT_LOGIN_QUESTION = {
  message: 'Start UniFi Scanner when you log in?',
  detail:
    'It starts quietly in the tray and writes reports on its schedule. You can change this any time with ' +
    '"Start at login" in the tray menu.',
  buttons: ['Start at login', 'Not now'],
}
