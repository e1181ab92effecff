/**
 * What the Cloudflare integration hands to its report section: one typed view-model shared by the fetch
 * and the renderer (the earlier product crashed because template and data disagreed on shape). Every part
 * (security events, DNS, tunnels) carries its own status so the section can show what worked and what did not.
 */

export type PlanId = 'free' | 'pro' | 'business' | 'enterprise' | 'unknown'

export interface CloudflareZone {
  id: string
  name: string
  /** Zone status as Cloudflare reports it (`active`, `pending`, …); null when the API left it out. */
  status: string | null
  plan: PlanId
  /** Plan name as shown on the dashboard, e.g. "Free Website"; null when unknown. */
  planName: string | null
  accountId: string | null
  accountName: string | null
}

/** Look-back limits of one GraphQL dataset for one zone, from the settings node (seconds). */
export interface DatasetLimits {
  enabled: boolean
  maxDurationSeconds: number
  notOlderThanSeconds: number
  maxPageSize: number | null
}

export interface ZoneLimits {
  securityEvents: DatasetLimits
  dns: DatasetLimits
  /** True when the settings node could not be read and the documented plan defaults were used. */
  assumed: boolean
}

/** The window actually queried for one zone and dataset, after clipping to the plan's limits. */
export interface QueriedWindow {
  since: number
  until: number
  /**
   * Set when the report window started earlier than the plan allows: `retention` = data older than
   * `limitSeconds` is gone; `max-duration` = one query may span at most `limitSeconds`.
   */
  clipped: { requestedSince: number; limitSeconds: number; reason: 'retention' | 'max-duration' } | null
}

export interface CountedItem {
  /** The grouped value (IP, country code, host, path, …). */
  key: string
  /** Estimated events (count × sample interval). */
  count: number
}

export interface BlockedIp extends CountedItem {
  country: string | null
  asn: string | null
}

export interface ActionSourceCount {
  /** Cloudflare's spelling, normalised to lower case with underscores (`managed_challenge`). */
  action: string
  /** Product that acted, as Cloudflare spells it (`firewallManaged`). */
  source: string
  count: number
}

export interface SecurityTotals {
  total: number
  blocked: number
  challenged: number
  logged: number
  /** Allowed, skipped, bypassed, solved challenges, closed connections and unknown actions. */
  other: number
}

/** One raw security event, kept as a sample of what was blocked. */
export interface SecurityEventSample {
  datetime: string
  action: string
  source: string
  clientIp: string
  country: string | null
  host: string | null
  /** Path and query as Cloudflare recorded them (may be URL-encoded attack strings). */
  path: string | null
  userAgent: string | null
  zoneName: string
}

export interface ZoneSecurityEvents {
  zone: CloudflareZone
  window: QueriedWindow
  totals: SecurityTotals
  byActionSource: ActionSourceCount[]
  topBlockedIps: BlockedIp[]
  topBlockedCountries: CountedItem[]
  topBlockedHosts: CountedItem[]
  topBlockedPaths: CountedItem[]
  topBlockedUserAgents: CountedItem[]
  recentBlocked: SecurityEventSample[]
  /** True when Cloudflare sampled the data (some sample interval above 1): counts are estimates. */
  sampled: boolean
}

/** The same figures as one zone's, combined over every zone, plus the per-zone breakdown. */
export interface SecurityEventsResult extends Omit<ZoneSecurityEvents, 'zone' | 'window'> {
  zones: ZoneSecurityEvents[]
}

export interface DnsTotals {
  total: number
  noError: number
  nxDomain: number
  servFail: number
  /** Every other response code (REFUSED, FORMERR, …). */
  other: number
}

export interface ZoneDnsAnalytics {
  zone: CloudflareZone
  window: QueriedWindow
  totals: DnsTotals
  /** Response code strings (`NOERROR`, `NXDOMAIN`, …) with their counts. */
  byResponseCode: CountedItem[]
  byQueryType: CountedItem[]
}

export interface DnsAnalyticsResult {
  zones: ZoneDnsAnalytics[]
  totals: DnsTotals
  byQueryType: CountedItem[]
}

export type TunnelStatus = 'healthy' | 'degraded' | 'down' | 'inactive'

export interface TunnelSummary {
  id: string
  name: string
  accountId: string
  status: TunnelStatus
  createdAt: string | null
  /** When the tunnel last lost all edge connections; null while connected. */
  connsInactiveAt: string | null
  /** Active edge connections (pending reconnects excluded); null when the connections call failed. */
  activeConnections: number | null
  connectors: number | null
  connectorVersions: string[]
  colos: string[]
  originIps: string[]
}

export interface TunnelsResult {
  tunnels: TunnelSummary[]
  /** Accounts whose tunnels were listed. */
  accountIds: string[]
}

/** Outcome of one part: its data, a failure text, or why it did not run. */
export type PartResult<T> =
  | { status: 'ok'; value: T }
  | { status: 'failed'; message: string; errorKind: string }
  | { status: 'skipped'; reason: string }

export interface CloudflareData {
  /** Zones the report covers (after the `zones` setting filter). */
  zones: CloudflareZone[]
  securityEvents: PartResult<SecurityEventsResult>
  dns: PartResult<DnsAnalyticsResult>
  tunnels: PartResult<TunnelsResult>
  /** Plain-English notes: clipped windows, zones not found, per-zone failures, sampled data. */
  notes: string[]
  /** Plain-English problems that did not stop the run ("Failed to fetch DNS analytics: …"). */
  problems: string[]
}
