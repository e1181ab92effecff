import path from 'node:path'
import { safeStorage } from 'electron'
import Store from 'electron-store'
import type { Logger } from '../../core/logger.js'
import { createFileSettingsService } from './create-settings-service.js'
import type { SettingsService } from './settings-service.js'

/**
 * Settings persisted by electron-store in the app's data folder: `config.json` (plain) and `secrets.json`
 * (safeStorage ciphertext). electron-store's own `migrations` are not used: ours are pure and tested.
 */
export function createElectronSettingsSource(userDataDir: string, logger: Logger): SettingsService {
  return createFileSettingsService({
    file: path.join(userDataDir, 'config.json'),
    createPlainStore: () => new Store<Record<string, unknown>>({ name: 'config', cwd: userDataDir }),
    secretFile: path.join(userDataDir, 'secrets.json'),
    // Not clearInvalidConfig: an unreadable file is backed up and reported, never emptied without a word.
    createSecretStore: () => new Store<Record<string, unknown>>({ name: 'secrets', cwd: userDataDir }),
    safeStorage,
    logger,
    now: Date.now,
  })
}
