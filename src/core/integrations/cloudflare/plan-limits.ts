/**
 * Per-zone look-back limits from the GraphQL settings node, and clipping of the report window to them.
 * The settings change only with the plan, so they are cached for the integration's lifetime; when the node
 * cannot be read the documented plan defaults are assumed (and the report says the window may be clipped).
 */
import type { ReportWindow } from '../../unifi/model.js'
import { TOKEN_INVALID } from './api-errors.js'
import type { CloudflareClient } from './client.js'
import { chunk, runZoneBatch } from './graphql.js'
import type { CloudflareZone, DatasetLimits, PlanId, QueriedWindow, ZoneLimits } from './model.js'
import { datasetSettingsSchema } from './schemas.js'

const HOUR = 3600
const DAY = 24 * HOUR

/** Cloudflare's documented look-back for security events and zone DNS analytics by plan (seconds). */
const PLAN_DEFAULTS: Record<PlanId, { events: number; dnsHistory: number; dnsDuration: number }> = {
  free: { events: DAY, dnsHistory: 8 * DAY, dnsDuration: 7 * DAY },
  pro: { events: DAY, dnsHistory: 31 * DAY, dnsDuration: 31 * DAY },
  business: { events: 3 * DAY, dnsHistory: 31 * DAY, dnsDuration: 31 * DAY },
  enterprise: { events: 30 * DAY, dnsHistory: 62 * DAY, dnsDuration: 62 * DAY },
  unknown: { events: DAY, dnsHistory: 8 * DAY, dnsDuration: 7 * DAY },
}

/** Keeps clear of the API's own clock: a bound exactly at the limit is rejected if our clock runs late. */
const CLOCK_MARGIN_MS = 60_000

export type LimitsCache = Map<string, ZoneLimits>

export function createLimitsCache(): LimitsCache {
  return new Map()
}

export function planDefaultLimits(plan: PlanId): ZoneLimits {
  const d = PLAN_DEFAULTS[plan]
  return {
    securityEvents: { enabled: true, maxDurationSeconds: d.events, notOlderThanSeconds: d.events, maxPageSize: null },
    dns: { enabled: true, maxDurationSeconds: d.dnsDuration, notOlderThanSeconds: d.dnsHistory, maxPageSize: null },
    assumed: true,
  }
}

const SETTINGS_SELECTION = `      settings {
        firewallEventsAdaptiveGroups { enabled maxDuration notOlderThan maxPageSize }
        dnsAnalyticsAdaptiveGroups { enabled maxDuration notOlderThan maxPageSize }
      }`

/**
 * Limits for each zone (cached by API URL and zone id). An auth failure propagates; any other failure
 * falls back to the plan defaults for the zones concerned.
 */
export async function zoneLimits(
  client: CloudflareClient,
  zones: readonly CloudflareZone[],
  cache: LimitsCache,
): Promise<Map<string, ZoneLimits>> {
  const key = (zone: CloudflareZone) => `${client.apiUrl}|${zone.id}`
  const missing = zones.filter((zone) => !cache.has(key(zone)))
  for (const batch of chunk(missing)) {
    const results = await runZoneBatch(client, {
      operation: 'CloudflareZoneLimits',
      what: 'plan limits',
      zoneIds: batch.map((z) => z.id),
      variablesFor: () => ({}),
      selectionFor: () => SETTINGS_SELECTION,
    })
    results.forEach((result, index) => {
      const zone = batch[index]
      if (zone === undefined) return
      if (!result.ok) {
        if (result.error.code === TOKEN_INVALID) throw result.error
        return
      }
      const parsed = parseZoneSettings(result.node['settings'])
      if (parsed !== null) cache.set(key(zone), parsed)
    })
  }
  return new Map(zones.map((zone) => [zone.id, cache.get(key(zone)) ?? planDefaultLimits(zone.plan)]))
}

/** Reads one zone's `settings` node; null when it does not have the expected shape. */
export function parseZoneSettings(settings: unknown): ZoneLimits | null {
  if (typeof settings !== 'object' || settings === null) return null
  const node = settings as Record<string, unknown>
  const events = datasetSettingsSchema.safeParse(node['firewallEventsAdaptiveGroups'] ?? node['firewallEventsAdaptive'])
  const dns = datasetSettingsSchema.safeParse(node['dnsAnalyticsAdaptiveGroups'] ?? node['dnsAnalyticsAdaptive'])
  if (!events.success || !dns.success) return null
  return { securityEvents: toLimits(events.data), dns: toLimits(dns.data), assumed: false }
}

export function toLimits(raw: {
  enabled: boolean
  maxDuration: number
  notOlderThan: number
  maxPageSize?: number | undefined
}): DatasetLimits {
  return {
    enabled: raw.enabled,
    maxDurationSeconds: raw.maxDuration,
    notOlderThanSeconds: raw.notOlderThan,
    maxPageSize: raw.maxPageSize ?? null,
  }
}

/** The report window clipped to what the dataset allows, in whole seconds. */
export function clipWindow(window: ReportWindow, limits: DatasetLimits, now: number): QueriedWindow {
  const until = Math.floor(Math.min(window.until, now) / 1000) * 1000
  const retentionStart = Math.ceil((now - limits.notOlderThanSeconds * 1000 + CLOCK_MARGIN_MS) / 1000) * 1000
  const durationStart = until - limits.maxDurationSeconds * 1000
  const requested = Math.ceil(window.since / 1000) * 1000
  const earliest = Math.max(retentionStart, durationStart)
  if (requested >= earliest) return { since: Math.min(requested, until), until, clipped: null }
  const reason = retentionStart >= durationStart ? 'retention' : 'max-duration'
  const limitSeconds = reason === 'retention' ? limits.notOlderThanSeconds : limits.maxDurationSeconds
  return { since: Math.min(earliest, until), until, clipped: { requestedSince: window.since, limitSeconds, reason } }
}
