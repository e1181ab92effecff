/**
 * Authoritative DNS analytics: `dnsAnalyticsAdaptiveGroups` per zone, grouped by response code (strings:
 * NOERROR, NXDOMAIN, SERVFAIL … — never the integers 0/3/2 the earlier product compared against) and by
 * query type, with totals per zone and overall.
 */
import type { ReportWindow } from '../../unifi/model.js'
import { dimension, mergeCounts } from './aggregate.js'
import type { CloudflareClient } from './client.js'
import type {
  CloudflareZone,
  CountedItem,
  DnsAnalyticsResult,
  DnsTotals,
  QueriedWindow,
  ZoneDnsAnalytics,
  ZoneLimits,
} from './model.js'
import { groupRowSchema } from './schemas.js'
import { fetchZoneDataset, type ZoneFailure } from './zone-datasets.js'

function selection(i: number): string {
  const filter = `{ datetime_geq: $since${i}, datetime_leq: $until${i} }`
  return [
    `      total: dnsAnalyticsAdaptiveGroups(limit: 1, filter: ${filter}) {\n        count\n      }`,
    `      byResponseCode: dnsAnalyticsAdaptiveGroups(limit: 50, orderBy: [count_DESC], filter: ${filter}) {\n        count\n        dimensions { responseCode }\n      }`,
    `      byQueryType: dnsAnalyticsAdaptiveGroups(limit: 50, orderBy: [count_DESC], filter: ${filter}) {\n        count\n        dimensions { queryType }\n      }`,
  ].join('\n')
}

export interface DnsFetch {
  result: DnsAnalyticsResult
  failures: ZoneFailure[]
  unavailable: CloudflareZone[]
}

export async function fetchDnsAnalytics(
  client: CloudflareClient,
  zones: readonly CloudflareZone[],
  limits: ReadonlyMap<string, ZoneLimits>,
  window: ReportWindow,
  now: number,
): Promise<DnsFetch> {
  const { perZone, failures, unavailable } = await fetchZoneDataset(client, zones, limits, window, now, {
    dataset: 'dns',
    operation: 'CloudflareDnsAnalytics',
    what: 'DNS analytics',
    selection,
    parse: parseZoneDns,
  })
  return {
    result: {
      zones: perZone,
      totals: perZone.reduce((sum, z) => addDns(sum, z.totals), emptyDns()),
      byQueryType: mergeCounts(
        perZone.map((z) => z.byQueryType),
        50,
      ),
    },
    failures,
    unavailable,
  }
}

function groupCounts(value: unknown, dim: string): CountedItem[] {
  const parsed = groupRowSchema.array().safeParse(value ?? [])
  if (!parsed.success) return []
  return parsed.data.map((row) => ({ key: dimension(row, dim) ?? 'unknown', count: row.count }))
}

export function parseZoneDns(
  zone: CloudflareZone,
  window: QueriedWindow,
  node: Record<string, unknown>,
): ZoneDnsAnalytics {
  const byResponseCode = mergeCounts([groupCounts(node['byResponseCode'], 'responseCode')], 50)
  const byQueryType = mergeCounts([groupCounts(node['byQueryType'], 'queryType')], 50)
  const totalRows = groupRowSchema.array().safeParse(node['total'] ?? [])
  const summed = byResponseCode.reduce((sum, item) => sum + item.count, 0)
  const total = totalRows.success && totalRows.data[0] ? Math.max(totalRows.data[0].count, summed) : summed
  return { zone, window, totals: dnsTotals(byResponseCode, total), byResponseCode, byQueryType }
}

/** Response codes compared as strings, case-insensitively; anything unlisted counts as "other". */
export function dnsTotals(byResponseCode: readonly CountedItem[], total: number): DnsTotals {
  const count = (code: string) =>
    byResponseCode.filter((item) => item.key.toUpperCase() === code).reduce((sum, item) => sum + item.count, 0)
  const noError = count('NOERROR')
  const nxDomain = count('NXDOMAIN')
  const servFail = count('SERVFAIL')
  return { total, noError, nxDomain, servFail, other: Math.max(0, total - noError - nxDomain - servFail) }
}

function emptyDns(): DnsTotals {
  return { total: 0, noError: 0, nxDomain: 0, servFail: 0, other: 0 }
}

function addDns(a: DnsTotals, b: DnsTotals): DnsTotals {
  return {
    total: a.total + b.total,
    noError: a.noError + b.noError,
    nxDomain: a.nxDomain + b.nxDomain,
    servFail: a.servFail + b.servFail,
    other: a.other + b.other,
  }
}
