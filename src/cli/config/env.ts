/**
 * Environment variables the CLI reads. They override the config file so secrets can come from the
 * service manager or a CI secret store instead of a file on disk.
 */

export interface EnvBinding {
  name: string
  /** Path in the Settings object, e.g. `['unifi', 'url']`. */
  path: readonly [string, string]
  /** Converts the raw value into what the settings schema expects. */
  parse?: (raw: string) => unknown
}

const commaList = (raw: string): string[] =>
  raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')

export const ENV_BINDINGS: readonly EnvBinding[] = [
  { name: 'UNIFI_URL', path: ['unifi', 'url'] },
  { name: 'UNIFI_SITE', path: ['unifi', 'site'] },
  { name: 'UNIFI_API_KEY', path: ['unifi', 'apiKey'] },
  { name: 'UNIFI_USERNAME', path: ['unifi', 'username'] },
  { name: 'UNIFI_PASSWORD', path: ['unifi', 'password'] },
  { name: 'UNIFI_TLS_FINGERPRINT', path: ['unifi', 'tlsFingerprint'] },
  { name: 'UNIFI_CA_FILE', path: ['unifi', 'caFile'] },
  { name: 'CLOUDFLARE_API_TOKEN', path: ['cloudflare', 'apiToken'] },
  { name: 'CLOUDFLARE_ACCOUNT_ID', path: ['cloudflare', 'accountId'] },
  { name: 'CLOUDFLARE_ZONES', path: ['cloudflare', 'zones'], parse: commaList },
  { name: 'CLOUDFLARE_API_URL', path: ['cloudflare', 'apiUrl'] },
]

export const DATA_DIR_ENV = 'UNIFI_SCANNER_DATA_DIR'

export type Environment = Readonly<Record<string, string | undefined>>

/** The bindings that are set (non-empty) in `env`, with their parsed values. */
export function readEnvironment(env: Environment): { binding: EnvBinding; value: unknown }[] {
  const found: { binding: EnvBinding; value: unknown }[] = []
  for (const binding of ENV_BINDINGS) {
    const raw = env[binding.name]
    if (raw === undefined || raw.trim() === '') continue
    found.push({ binding, value: binding.parse ? binding.parse(raw) : raw })
  }
  return found
}
