/**
 * Security (WAF/firewall) events for the report window: `firewallEventsAdaptiveGroups` aggregates by action
 * and source plus top blocked IPs, countries, hosts, paths and user agents, and a few raw blocked events from
 * `firewallEventsAdaptive`. Every zone gets its own window, clipped to its plan's limits; zones fail
 * independently.
 */
import type { ReportWindow } from '../../unifi/model.js'
import {
  TOP_N,
  actionBucket,
  addTotals,
  dimension,
  emptyTotals,
  estimatedCount,
  isSampled,
  mergeCounts,
  normaliseAction,
} from './aggregate.js'
import type { CloudflareClient } from './client.js'
import { fetchZoneDataset, type ZoneFailure } from './zone-datasets.js'
import type {
  ActionSourceCount,
  BlockedIp,
  CloudflareZone,
  CountedItem,
  QueriedWindow,
  SecurityEventSample,
  SecurityEventsResult,
  SecurityTotals,
  ZoneLimits,
  ZoneSecurityEvents,
} from './model.js'
import { firewallEventSchema, groupRowSchema, type GroupRow } from './schemas.js'

const SAMPLE_EVENTS = 5

function selection(i: number): string {
  const range = `datetime_geq: $since${i}, datetime_leq: $until${i}`
  const blocked = `{ ${range}, action: "block" }`
  const group = (alias: string, filter: string, dims: string) =>
    `      ${alias}: firewallEventsAdaptiveGroups(limit: ${alias === 'byAction' ? 100 : TOP_N}, orderBy: [count_DESC], filter: ${filter}) {\n` +
    `        count\n        avg { sampleInterval }\n        dimensions { ${dims} }\n      }`
  return [
    group('byAction', `{ ${range} }`, 'action source'),
    group('topIps', blocked, 'clientIP clientCountryName clientAsn'),
    group('topCountries', blocked, 'clientCountryName'),
    group('topHosts', blocked, 'clientRequestHTTPHost'),
    group('topPaths', blocked, 'clientRequestPath'),
    group('topUserAgents', blocked, 'userAgent'),
    `      recentBlocked: firewallEventsAdaptive(limit: ${SAMPLE_EVENTS}, orderBy: [datetime_DESC], filter: ${blocked}) {\n` +
      '        datetime action source clientIP clientCountryName clientRequestHTTPHost clientRequestPath clientRequestQuery userAgent\n' +
      '      }',
  ].join('\n')
}

export type { ZoneFailure } from './zone-datasets.js'

export interface SecurityEventsFetch {
  result: SecurityEventsResult
  failures: ZoneFailure[]
  /** Zones whose plan has the dataset switched off. */
  unavailable: CloudflareZone[]
}

export async function fetchSecurityEvents(
  client: CloudflareClient,
  zones: readonly CloudflareZone[],
  limits: ReadonlyMap<string, ZoneLimits>,
  window: ReportWindow,
  now: number,
): Promise<SecurityEventsFetch> {
  const { perZone, failures, unavailable } = await fetchZoneDataset(client, zones, limits, window, now, {
    dataset: 'securityEvents',
    operation: 'CloudflareSecurityEvents',
    what: 'security events',
    selection,
    parse: parseZoneEvents,
  })
  return { result: combine(perZone), failures, unavailable }
}

function rows(node: Record<string, unknown>, alias: string): GroupRow[] {
  const parsed = groupRowSchema.array().safeParse(node[alias] ?? [])
  return parsed.success ? parsed.data : []
}

function counted(list: GroupRow[], dim: string): CountedItem[] {
  return list
    .map((row) => ({ key: dimension(row, dim), count: estimatedCount(row) }))
    .filter((item): item is CountedItem => item.key !== null)
}

export function parseZoneEvents(
  zone: CloudflareZone,
  window: QueriedWindow,
  node: Record<string, unknown>,
): ZoneSecurityEvents {
  const byAction = rows(node, 'byAction')
  const byActionSource: ActionSourceCount[] = byAction.map((row) => ({
    action: normaliseAction(dimension(row, 'action') ?? 'unknown'),
    source: dimension(row, 'source') ?? 'unknown',
    count: estimatedCount(row),
  }))
  const totals = byActionSource.reduce<SecurityTotals>((sum, item) => {
    const bucket = actionBucket(item.action)
    return { ...sum, total: sum.total + item.count, [bucket]: sum[bucket] + item.count }
  }, emptyTotals())
  const topIps: BlockedIp[] = rows(node, 'topIps').flatMap((row) => {
    const ip = dimension(row, 'clientIP')
    return ip === null
      ? []
      : [
          {
            key: ip,
            count: estimatedCount(row),
            country: dimension(row, 'clientCountryName'),
            asn: dimension(row, 'clientAsn'),
          },
        ]
  })
  const groups = ['byAction', 'topIps', 'topCountries', 'topHosts', 'topPaths', 'topUserAgents'].map((a) =>
    rows(node, a),
  )
  return {
    zone,
    window,
    totals,
    byActionSource,
    topBlockedIps: topIps,
    topBlockedCountries: counted(rows(node, 'topCountries'), 'clientCountryName'),
    topBlockedHosts: counted(rows(node, 'topHosts'), 'clientRequestHTTPHost'),
    topBlockedPaths: counted(rows(node, 'topPaths'), 'clientRequestPath'),
    topBlockedUserAgents: counted(rows(node, 'topUserAgents'), 'userAgent'),
    recentBlocked: parseSamples(node['recentBlocked'], zone.name),
    sampled: groups.some(isSampled),
  }
}

/** Raw `firewallEventsAdaptive` rows → samples; rows that do not parse are skipped, not fatal. */
export function parseSamples(value: unknown, zoneName: string): SecurityEventSample[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((raw) => {
    const parsed = firewallEventSchema.safeParse(raw)
    if (!parsed.success) return []
    const e = parsed.data
    const path = e.clientRequestPath ? `${e.clientRequestPath}${e.clientRequestQuery ?? ''}` : null
    return [
      {
        datetime: e.datetime,
        action: normaliseAction(e.action),
        source: e.source ?? 'unknown',
        clientIp: e.clientIP ?? 'unknown',
        country: e.clientCountryName || null,
        host: e.clientRequestHTTPHost || null,
        path,
        userAgent: e.userAgent || null,
        zoneName,
      },
    ]
  })
}

function combine(zones: ZoneSecurityEvents[]): SecurityEventsResult {
  const byKey = new Map<string, ActionSourceCount>()
  for (const item of zones.flatMap((z) => z.byActionSource)) {
    const key = `${item.action}|${item.source}`
    const existing = byKey.get(key)
    byKey.set(key, existing ? { ...existing, count: existing.count + item.count } : { ...item })
  }
  return {
    zones,
    totals: zones.reduce((sum, z) => addTotals(sum, z.totals), emptyTotals()),
    byActionSource: [...byKey.values()].sort((a, b) => b.count - a.count),
    topBlockedIps: mergeCounts(zones.map((z) => z.topBlockedIps)),
    topBlockedCountries: mergeCounts(zones.map((z) => z.topBlockedCountries)),
    topBlockedHosts: mergeCounts(zones.map((z) => z.topBlockedHosts)),
    topBlockedPaths: mergeCounts(zones.map((z) => z.topBlockedPaths)),
    topBlockedUserAgents: mergeCounts(zones.map((z) => z.topBlockedUserAgents)),
    recentBlocked: zones
      .flatMap((z) => z.recentBlocked)
      .sort((a, b) => b.datetime.localeCompare(a.datetime))
      .slice(0, TOP_N),
    sampled: zones.some((z) => z.sampled),
  }
}
