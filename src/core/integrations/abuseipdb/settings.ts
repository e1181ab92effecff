/**
 * The threat-intelligence integration's own settings, stored at `settings.integrations.abuseipdb`, and the
 * fields the settings window, the CLI's environment and `check` show for them. Only the API key counts as
 * "configured": the tuning numbers have defaults.
 */
import { z } from 'zod'
import { apiBaseUrlSetting, optionalText } from '../../../shared/settings.js'
import type { IntegrationField, IntegrationRequirement } from '../contract.js'
import { DEFAULT_ABUSEIPDB_API_URL } from './client.js'

export const DEFAULT_MAX_LOOKUPS = 50
export const DEFAULT_CACHE_TTL_HOURS = 24
export const DEFAULT_HIGH_SCORE = 75

export const abuseipdbSettingsSchema = z.object({
  apiKey: optionalText,
  /** API base up to and including `/api/v2`, for tests and proxies: https only, except loopback. */
  apiUrl: apiBaseUrlSetting,
  maxLookupsPerRun: z.number().int().min(0).max(1000).default(DEFAULT_MAX_LOOKUPS),
  cacheTtlHours: z
    .number()
    .min(1)
    .max(24 * 30)
    .default(DEFAULT_CACHE_TTL_HOURS),
  maxAgeInDays: z.number().int().min(1).max(365).default(90),
  highScore: z.number().int().min(1).max(100).default(DEFAULT_HIGH_SCORE),
})
export type AbuseipdbSettings = z.output<typeof abuseipdbSettingsSchema>

export const ABUSEIPDB_FIELDS: readonly IntegrationField[] = [
  {
    key: 'apiKey',
    label: 'API key',
    kind: 'secret',
    required: false,
    env: 'ABUSEIPDB_API_KEY',
    help: 'An AbuseIPDB APIv2 key (abuseipdb.com → Account → API). Without one, only the offline country and network owner are shown.',
  },
  {
    key: 'maxLookupsPerRun',
    label: 'Look-ups per report',
    kind: 'number',
    required: false,
    env: 'ABUSEIPDB_MAX_LOOKUPS',
    help: `At most this many addresses are looked up per report, most frequent first (default ${DEFAULT_MAX_LOOKUPS}; the free plan allows 1,000 a day).`,
  },
  {
    key: 'cacheTtlHours',
    label: 'Keep answers for (hours)',
    kind: 'number',
    required: false,
    env: 'ABUSEIPDB_CACHE_TTL_HOURS',
    help: `A known address is looked up again only after this many hours (default ${DEFAULT_CACHE_TTL_HOURS}).`,
  },
  {
    key: 'highScore',
    label: 'Known-abusive from score',
    kind: 'number',
    required: false,
    help: `Addresses with this abuse confidence score or more count as known-abusive (default ${DEFAULT_HIGH_SCORE}).`,
  },
  {
    key: 'apiUrl',
    label: 'API URL',
    kind: 'url',
    required: false,
    env: 'ABUSEIPDB_API_URL',
    help: `Only for proxies and tests; defaults to ${DEFAULT_ABUSEIPDB_API_URL}.`,
    placeholder: DEFAULT_ABUSEIPDB_API_URL,
  },
]

/** The addresses come from the UniFi console: without it there is nothing to look up. */
export const ABUSEIPDB_REQUIREMENTS: readonly IntegrationRequirement[] = [
  {
    key: 'unifiController',
    label: 'UniFi controller',
    isMet: (settings) => settings.unifi.url !== undefined,
  },
  {
    key: 'unifiCredentials',
    label: 'UniFi credentials',
    isMet: (settings) =>
      settings.unifi.apiKey !== undefined ||
      (settings.unifi.username !== undefined && settings.unifi.password !== undefined),
  },
]

export const ABUSEIPDB_SETTINGS = {
  id: 'abuseipdb',
  displayName: 'Threat intelligence',
  settingsSchema: abuseipdbSettingsSchema,
} as const
