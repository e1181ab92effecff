/**
 * The Cloudflare integration: edge security events, DNS analytics and tunnel health for the report.
 * Detection is by credentials: the API token is the one required field; setting any other Cloudflare field
 * without a token is a partial configuration that the runtime reports.
 */
import { ConfigError } from '../../errors.js'
import type { Integration, IntegrationContext } from '../contract.js'
import { integrationSettings } from '../values.js'
import { createCloudflareClient, type CloudflareClient } from './client.js'
import { fetchCloudflareData } from './fetch-data.js'
import type { CloudflareData } from './model.js'
import { createLimitsCache, type LimitsCache } from './plan-limits.js'
import { renderCloudflareSection } from './section.js'
import { CLOUDFLARE_FIELDS, CLOUDFLARE_SETTINGS, cloudflareSettingsSchema } from './settings.js'
import { verifyToken } from './token-verify.js'

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
    settingsSchema: cloudflareSettingsSchema,
    fields: CLOUDFLARE_FIELDS,
    privacyNote:
      'The API token is sent only to the Cloudflare API. Nothing from your UniFi network is sent to Cloudflare: the scanner only reads your zones, security events, DNS analytics and tunnels.',
    async fetch(ctx: IntegrationContext): Promise<CloudflareData> {
      const settings = integrationSettings(CLOUDFLARE_SETTINGS, ctx.settings)
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
      return verifyToken(clientFor(ctx), integrationSettings(CLOUDFLARE_SETTINGS, ctx.settings).accountId)
    },
  }
}

function clientFor(ctx: Omit<IntegrationContext, 'window'>): CloudflareClient {
  const { apiToken, apiUrl } = integrationSettings(CLOUDFLARE_SETTINGS, ctx.settings)
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
