import type { Notice, SettingsView } from '../../shared/ipc/payloads.js'

/** Pure: the banners the settings imply — a recovered settings file, secrets that will not survive a restart. */
export function settingsNotices(view: SettingsView): Notice[] {
  const notices: Notice[] = []
  if (view.recovery) notices.push({ id: 'settings-recovered', level: 'warning', message: view.recovery.message })
  const warning = view.secretStorage?.warning
  if (warning) notices.push({ id: 'secrets-session-only', level: 'warning', message: warning })
  for (const alert of view.secretAlerts ?? []) notices.push({ id: alert.id, level: 'warning', message: alert.message })
  return notices
}
