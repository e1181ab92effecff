import type { Settings } from '../../shared/settings.js'

/** The secret values of one run's settings, for scrubbing anything that leaves the engine. */
export function runSecrets(settings: Settings): string[] {
  return [settings.unifi.password, settings.unifi.apiKey, settings.cloudflare.apiToken].filter(
    (value): value is string => value !== undefined && value !== '',
  )
}
