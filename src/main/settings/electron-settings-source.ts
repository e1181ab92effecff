import Store from 'electron-store'
import type { Logger } from '../../core/logger.js'
import { defaultSettings, settingsSchema, type Settings } from '../../shared/settings.js'
import type { SettingsSource } from './settings-source.js'

/**
 * Settings persisted by electron-store (`config.json` in the app's data folder), validated with the shared schema
 * on every read. An invalid file is left untouched and the defaults are used, with a warning in the log.
 */
export function createElectronSettingsSource(logger: Logger): SettingsSource {
  const store = new Store<Record<string, unknown>>({ name: 'config' })
  return {
    read(): Settings {
      const parsed = settingsSchema.safeParse(store.store)
      if (parsed.success) return parsed.data
      logger.warn('settings file is invalid; using defaults', {
        file: store.path,
        problems: parsed.error.issues.length,
      })
      return defaultSettings()
    },
  }
}
