/**
 * Builds the renderer's view of the settings. Secrets are dropped field by field (not by copying and deleting),
 * so a secret added to the schema later cannot leak by default: the view type would not compile without it.
 */
import type { Settings } from '../settings.js'
import type { SettingsView } from './payloads.js'

export function toSettingsView(settings: Settings): SettingsView {
  const { password, apiKey, ...unifi } = settings.unifi
  const { apiToken, ...cloudflare } = settings.cloudflare
  return {
    schemaVersion: settings.schemaVersion,
    unifi,
    cloudflare,
    breaker: settings.breaker,
    report: settings.report,
    thresholds: settings.thresholds,
    secretsSet: {
      'unifi.password': isSet(password),
      'unifi.apiKey': isSet(apiKey),
      'cloudflare.apiToken': isSet(apiToken),
    },
  }
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== ''
}
