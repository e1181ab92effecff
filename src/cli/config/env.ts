/**
 * Environment variables the CLI reads. They override the config file so secrets can come from the
 * service manager or a CI secret store instead of a file on disk. The UniFi ones are listed here; each
 * integration declares its own (`env` on its fields), read from the registry.
 */
import type { IntegrationField, IntegrationMeta } from '../../core/integrations/contract.js'

export interface EnvBinding {
  name: string
  /** Path in the Settings object, e.g. `['unifi', 'url']` or `['integrations', 'cloudflare', 'apiToken']`. */
  path: readonly string[]
  /** Converts the raw value into what the settings schema expects. */
  parse?: (raw: string) => unknown
}

const commaList = (raw: string): string[] =>
  raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')

export const UNIFI_ENV_BINDINGS: readonly EnvBinding[] = [
  { name: 'UNIFI_URL', path: ['unifi', 'url'] },
  { name: 'UNIFI_SITE', path: ['unifi', 'site'] },
  { name: 'UNIFI_API_KEY', path: ['unifi', 'apiKey'] },
  { name: 'UNIFI_USERNAME', path: ['unifi', 'username'] },
  { name: 'UNIFI_PASSWORD', path: ['unifi', 'password'] },
  { name: 'UNIFI_TLS_FINGERPRINT', path: ['unifi', 'tlsFingerprint'] },
  { name: 'UNIFI_CA_FILE', path: ['unifi', 'caFile'] },
]

/** `true`/`false`/`1`/`0`/`yes`/`no`; anything else is passed on for the schema to refuse with its message. */
const flag = (raw: string): unknown => {
  const value = raw.trim().toLowerCase()
  if (['true', '1', 'yes'].includes(value)) return true
  if (['false', '0', 'no'].includes(value)) return false
  return raw
}

/** A number, or the text itself for the schema to refuse. */
const number = (raw: string): unknown => (raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw)

const PARSE_BY_KIND: Partial<Record<IntegrationField['kind'], (raw: string) => unknown>> = {
  list: commaList,
  number,
  boolean: flag,
}

/** Every environment variable: the UniFi ones, then each integration field that names one. */
export function envBindings(integrations: readonly IntegrationMeta[]): EnvBinding[] {
  const fromIntegrations = integrations.flatMap((integration) =>
    integration.fields.flatMap((field): EnvBinding[] => {
      if (field.env === undefined) return []
      const parse = PARSE_BY_KIND[field.kind]
      return [{ name: field.env, path: ['integrations', integration.id, field.key], ...(parse ? { parse } : {}) }]
    }),
  )
  return [...UNIFI_ENV_BINDINGS, ...fromIntegrations]
}

export const DATA_DIR_ENV = 'UNIFI_SCANNER_DATA_DIR'

export type Environment = Readonly<Record<string, string | undefined>>

/** The bindings that are set (non-empty) in `env`, with their parsed values. */
export function readEnvironment(
  env: Environment,
  bindings: readonly EnvBinding[],
): { binding: EnvBinding; value: unknown }[] {
  const found: { binding: EnvBinding; value: unknown }[] = []
  for (const binding of bindings) {
    const raw = env[binding.name]
    if (raw === undefined || raw.trim() === '') continue
    found.push({ binding, value: binding.parse ? binding.parse(raw) : raw })
  }
  return found
}
