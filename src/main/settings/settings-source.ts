import type { Settings } from '../../shared/settings.js'

/** Where main reads the current settings from; electron-store in the app, memory in tests. */
export interface SettingsSource {
  read(): Settings
}
