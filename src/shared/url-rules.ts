/**
 * Rules for the upstream addresses in the settings (UniFi console, Cloudflare API base). A stored secret is
 * sent to these addresses, so they must not be able to carry it off: credentials embedded in the URL are
 * refused (they would be printed wherever the address is shown), and plain `http:` is allowed only for
 * loopback, where the simulator and the tests listen. Messages never repeat the address itself.
 */

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i

/** `localhost`, `*.localhost`, 127.0.0.0/8 and `::1`: traffic that never leaves the machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase()
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true
  if (bare === '::1' || bare === '0:0:0:0:0:0:0:1') return true
  return /^127(?:\.\d{1,3}){3}$/.test(bare)
}

/** The authority part (`user:pass@host:port`) of an address typed with or without a scheme. */
function authorityOf(text: string): string {
  const withoutScheme = text.trim().replace(SCHEME, '')
  return withoutScheme.split(/[/?#]/)[0] ?? ''
}

/** True when the address carries `user@` or `user:pass@` before the host. */
export function hasUserinfo(text: string): boolean {
  return authorityOf(text).includes('@')
}

export const USERINFO_MESSAGE =
  'must not contain a user name or password (user:pass@host): enter credentials in their own fields'

/** Why `text` is not acceptable as the UniFi console address, or null. Bare `host[:port]` is fine. */
export function unifiAddressProblem(text: string): string | null {
  if (hasUserinfo(text)) return USERINFO_MESSAGE
  const scheme = SCHEME.exec(text.trim())?.[1]?.toLowerCase()
  if (scheme !== undefined && scheme !== 'https') {
    return 'must use https:// (UniFi consoles are only reached over HTTPS), or give just the host and port'
  }
  return null
}

/** Why `text` is not acceptable as an API base URL (absolute, https, or http on loopback), or null. */
export function apiBaseUrlProblem(text: string): string | null {
  if (hasUserinfo(text)) return USERINFO_MESSAGE
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return 'must be an absolute URL such as https://api.cloudflare.com/client/v4'
  }
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null
  return 'must use https:// (plain http:// is accepted only for this computer: localhost or 127.0.0.1)'
}

/** Why `text` is not acceptable as a delivery webhook (absolute, https, or http on loopback), or null. */
export function webhookUrlProblem(text: string): string | null {
  if (hasUserinfo(text)) return USERINFO_MESSAGE
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return 'must be an absolute URL such as https://hooks.slack.com/services/…'
  }
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null
  return 'must use https:// (plain http:// is accepted only for this computer: localhost or 127.0.0.1)'
}
