import type { Settings } from '../../shared/settings.js'

/**
 * Whether the UniFi connection has what a run needs: a controller URL and either an API key or a local admin
 * username and password. Reachability is not checked here; that is what a run (or "Test connection") reports.
 */
export function isUnifiConfigured(settings: Settings): boolean {
  const { url, apiKey, username, password } = settings.unifi
  if (!url) return false
  return Boolean(apiKey) || (Boolean(username) && Boolean(password))
}
