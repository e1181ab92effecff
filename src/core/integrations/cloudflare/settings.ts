/**
 * Cloudflare's own settings, stored at `settings.integrations.cloudflare`, and the fields the settings window,
 * the CLI's environment and `check` show for them.
 */
import { z } from 'zod'
import { apiBaseUrlSetting, optionalText } from '../../../shared/settings.js'
import type { IntegrationField } from '../contract.js'

export const cloudflareSettingsSchema = z.object({
  apiToken: optionalText,
  accountId: optionalText,
  /** Zone names or ids; empty = every zone the token can read. */
  zones: z.array(z.string().trim().min(1).max(253)).max(200).default([]),
  /** API base for tests and the simulator; https only, except loopback. */
  apiUrl: apiBaseUrlSetting,
})
export type CloudflareSettings = z.output<typeof cloudflareSettingsSchema>

export const CLOUDFLARE_FIELDS: readonly IntegrationField[] = [
  {
    key: 'apiToken',
    label: 'API token',
    kind: 'secret',
    required: true,
    env: 'CLOUDFLARE_API_TOKEN',
    help: 'A scoped API token (not the Global API Key) with Zone Read, Zone Analytics Read and Cloudflare Tunnel Read.',
  },
  {
    key: 'accountId',
    label: 'Account ID',
    kind: 'text',
    required: false,
    env: 'CLOUDFLARE_ACCOUNT_ID',
    help: 'Needed for tunnel status when it cannot be read from your zones.',
    placeholder: '32 hex characters, from the dashboard URL',
  },
  {
    key: 'zones',
    label: 'Zones',
    kind: 'list',
    required: false,
    env: 'CLOUDFLARE_ZONES',
    help: 'Zone names or ids to include; leave empty for every zone the token can read.',
    placeholder: 'example.com, example.org',
  },
  {
    key: 'apiUrl',
    label: 'API URL',
    kind: 'url',
    required: false,
    env: 'CLOUDFLARE_API_URL',
    help: 'Only for proxies and tests; defaults to https://api.cloudflare.com/client/v4.',
    placeholder: 'https://api.cloudflare.com/client/v4',
  },
]

/** Id and schema, for `integrationSettings(CLOUDFLARE_SETTINGS, settings)`. */
export const CLOUDFLARE_SETTINGS = {
  id: 'cloudflare',
  displayName: 'Cloudflare',
  settingsSchema: cloudflareSettingsSchema,
} as const
