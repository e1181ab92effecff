/**
 * The Cloudflare integration: edge security events, DNS analytics and tunnel health for the report.
 * Detection is by credentials: the API token is the one required field; setting any other Cloudflare field
 * without a token is a partial configuration that the runtime reports.
 */
import { ConfigError } from '../../errors.js'
import type { Settings } from '../../../shared/settings.js'
import type { CredentialField, Integration, IntegrationContext } from '../contract.js'
import { createCloudflareClient, type CloudflareClient } from './client.js'
import { fetchCloudflareData } from './fetch-data.js'
import type { CloudflareData } from './model.js'
import { createLimitsCache, type LimitsCache } from './plan-limits.js'
import { renderCloudflareSection } from './section.js'
import { verifyToken } from './token-verify.js'

export const CLOUDFLARE_FIELDS: readonly CredentialField[] = [
  {
    key: 'apiToken',
    label: 'API token',
    required: true,
    secret: true,
    help: 'A scoped API token (not the Global API Key) with Zone Read, Zone Analytics Read and Cloudflare Tunnel Read.',
    isSet: (s: Settings) => s.cloudflare.apiToken !== undefined,
  },
  {
    key: 'accountId',
    label: 'Account ID',
    required: false,
    secret: false,
    help: 'Needed for tunnel status when it cannot be read from your zones.',
    isSet: (s: Settings) => s.cloudflare.accountId !== undefined,
  },
  {
    key: 'zones',
    label: 'Zones',
    required: false,
    secret: false,
    help: 'Zone names or ids to include; leave empty for every zone the token can read.',
    isSet: (s: Settings) => s.cloudflare.zones.length > 0,
  },
  {
    key: 'apiUrl',
    label: 'API URL',
    required: false,
    secret: false,
    help: 'Only for proxies and tests; defaults to https://api.cloudflare.com/client/v4.',
    isSet: (s: Settings) => s.cloudflare.apiUrl !== undefined,
  },
]

export interface CloudflareIntegrationOptions {
  /** Plan limits per zone; one cache per integration instance (they change only with the plan). */
  limitsCache?: LimitsCache
}

export function createCloudflareIntegration(options: CloudflareIntegrationOptions = {}): Integration<CloudflareData> {
  const limitsCache = options.limitsCache ?? createLimitsCache()
  return {
    id: 'cloudflare',
    displayName: 'Cloudflare',
    description: 'Security events, DNS analytics and tunnel health from your Cloudflare account',
    fields: CLOUDFLARE_FIELDS,
    async fetch(ctx: IntegrationContext): Promise<CloudflareData> {
      const settings = ctx.settings.cloudflare
      const data = await fetchCloudflareData({
        client: clientFor(ctx),
        window: ctx.window,
        now: () => ctx.now(),
        accountId: settings.accountId,
        zoneFilter: settings.zones,
        limitsCache,
      })
      // The run succeeds with what worked; each missing part is worth one line in the log.
      for (const problem of data.problems) ctx.logger.warn('Cloudflare: part of the data is missing', { problem })
      return data
    },
    renderSection: (data, ctx) => renderCloudflareSection(data, ctx),
    async testConnection(ctx) {
      return verifyToken(clientFor(ctx), ctx.settings.cloudflare.accountId)
    },
  }
}

function clientFor(ctx: Omit<IntegrationContext, 'window'>): CloudflareClient {
  const { apiToken, apiUrl } = ctx.settings.cloudflare
  if (apiToken === undefined) {
    throw new ConfigError('The Cloudflare API token is not set. Enter a scoped API token in the Cloudflare settings.')
  }
  return createCloudflareClient({
    token: apiToken,
    apiUrl,
    dispatcher: ctx.dispatcher,
    signal: ctx.signal,
    requestTimeoutMs: ctx.settings.breaker.timeoutMs,
    now: ctx.now,
  })
}

/** The instance the registry lists. */
export const cloudflareIntegration = createCloudflareIntegration()
