/**
 * One Cloudflare run: zones first, then security events, DNS analytics and tunnels in parallel. Each part
 * fails on its own and the data says what worked; the run as a whole fails only on an auth problem or
 * when no part produced anything (then with the most telling error, so an outage counts toward the breaker).
 */
import { ScannerError, toScannerError } from '../../errors.js'
import type { ReportWindow } from '../../unifi/model.js'
import { TOKEN_INVALID } from './api-errors.js'
import type { CloudflareClient } from './client.js'
import { fetchDnsAnalytics } from './dns.js'
import type { CloudflareData, CloudflareZone, PartResult, ZoneLimits } from './model.js'
import { zoneLimits, type LimitsCache } from './plan-limits.js'
import { fetchSecurityEvents, type ZoneFailure } from './security-events.js'
import { fetchTunnels } from './tunnels.js'
import { accountIdsOf, listZones, selectZones } from './zones.js'
import { asSentence } from '../../../shared/text/message-parts.js'

export interface FetchInput {
  client: CloudflareClient
  window: ReportWindow
  now: () => number
  accountId: string | undefined
  zoneFilter: readonly string[]
  limitsCache: LimitsCache
}

type Attempt<T> = { ok: true; value: T } | { ok: false; error: ScannerError }

async function attempt<T>(run: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await run() }
  } catch (error) {
    return { ok: false, error: toScannerError(error) }
  }
}

export async function fetchCloudflareData(input: FetchInput): Promise<CloudflareData> {
  const { client, window, now } = input
  const notes: string[] = []
  const problems: string[] = []

  const zonesAttempt = await attempt(() => listZones(client))
  // The zone list is the first call: any auth failure there means the token itself is the problem.
  if (!zonesAttempt.ok) failFastOn(zonesAttempt.error, true)
  const allZones = zonesAttempt.ok ? zonesAttempt.value : []
  const { selected: zones, unmatched } = selectZones(allZones, input.zoneFilter)
  for (const name of unmatched)
    notes.push(`Zone "${name}" from the settings was not found among the zones this token can read.`)
  if (!zonesAttempt.ok) problems.push(`Failed to list zones: ${zonesAttempt.error.message}`)

  const accountIds = input.accountId ? [input.accountId] : accountIdsOf(allZones)
  const limitsPromise = zones.length > 0 ? attempt(() => zoneLimits(client, zones, input.limitsCache)) : null
  const [events, dns, tunnels] = await Promise.all([
    analyticsPart(limitsPromise, zones, zonesAttempt, (limits) =>
      fetchSecurityEvents(client, zones, limits, window, now()),
    ),
    analyticsPart(limitsPromise, zones, zonesAttempt, (limits) =>
      fetchDnsAnalytics(client, zones, limits, window, now()),
    ),
    accountIds.length === 0 ? null : attempt(() => fetchTunnels(client, accountIds)),
  ])

  const noZonesReason = !zonesAttempt.ok
    ? 'the zone list could not be read'
    : allZones.length > 0
      ? 'none of the zones in the settings is readable with this token'
      : null
  const securityEvents = settle(events, 'security events', noZonesReason, notes, problems)
  const dnsPart = settle(dns, 'DNS analytics', noZonesReason, notes, problems)
  let tunnelsPart: CloudflareData['tunnels']
  if (tunnels === null) {
    tunnelsPart = { status: 'skipped', reason: 'Tunnel status skipped: account id not available.' }
    notes.push('Tunnel status skipped: account id not available (enter it in the Cloudflare settings).')
  } else if (!tunnels.ok) {
    failFastOn(tunnels.error)
    tunnelsPart = { status: 'failed', message: tunnels.error.message, errorKind: tunnels.error.kind }
    problems.push(`Failed to fetch tunnel status: ${tunnels.error.message}`)
  } else {
    tunnelsPart = { status: 'ok', value: tunnels.value.result }
    for (const failure of tunnels.value.connectionFailures) {
      problems.push(`Failed to fetch connections of tunnel ${failure.tunnel}: ${failure.error.message}`)
    }
  }

  const data: CloudflareData = { zones, securityEvents, dns: dnsPart, tunnels: tunnelsPart, notes, problems }
  const failures = [zonesAttempt, events, dns, tunnels].flatMap((a) => (a !== null && !a.ok ? [a.error] : []))
  const anyOk = [securityEvents, dnsPart, tunnelsPart].some((part) => part.status === 'ok')
  if (!anyOk && failures.length > 0) throw wholeRunFailure(failures)
  return data
}

interface AnalyticsFetch<T> {
  result: T
  failures: ZoneFailure[]
  unavailable: CloudflareZone[]
}

async function analyticsPart<T>(
  limitsPromise: Promise<Attempt<Map<string, ZoneLimits>>> | null,
  zones: readonly CloudflareZone[],
  zonesAttempt: Attempt<CloudflareZone[]>,
  run: (limits: Map<string, ZoneLimits>) => Promise<AnalyticsFetch<T>>,
): Promise<Attempt<AnalyticsFetch<T>> | null> {
  if (limitsPromise === null || zones.length === 0) return null
  const limits = await limitsPromise
  if (!limits.ok) return limits
  return attempt(() => run(limits.value))
}

/** Records per-zone failures as notes; a part fails when every zone failed. */
function settle<T extends { zones: unknown[] }>(
  outcome: Attempt<AnalyticsFetch<T>> | null,
  what: string,
  noZonesReason: string | null,
  notes: string[],
  problems: string[],
): PartResult<T> {
  if (outcome === null) {
    return { status: 'skipped', reason: asSentence(`No ${what}: ${noZonesReason ?? 'the token can read no zones'}`) }
  }
  if (!outcome.ok) {
    failFastOn(outcome.error)
    problems.push(`Failed to fetch ${what}: ${outcome.error.message}`)
    return { status: 'failed', message: outcome.error.message, errorKind: outcome.error.kind }
  }
  const { result, failures, unavailable } = outcome.value
  for (const zone of unavailable) notes.push(`${capitalise(what)} are not available on the plan of zone ${zone.name}.`)
  for (const failure of failures) failFastOn(failure.error)
  if (result.zones.length === 0 && failures.length > 0) {
    const first = failures[0] as ZoneFailure
    problems.push(`Failed to fetch ${what}: ${first.error.message}`)
    return { status: 'failed', message: first.error.message, errorKind: first.error.kind }
  }
  for (const failure of failures)
    problems.push(`Failed to fetch ${what} for zone ${failure.zone.name}: ${failure.error.message}`)
  if (result.zones.length === 0)
    return { status: 'skipped', reason: `${capitalise(what)} are not available for these zones.` }
  return { status: 'ok', value: result }
}

/**
 * A rejected token and cancellation end the run: the other parts would fail the same way. A 403 on one
 * feature (a missing permission) only fails that part, unless `anyAuth` (the first call) is set.
 */
function failFastOn(error: ScannerError, anyAuth = false): void {
  if (error.kind === 'auth' && (anyAuth || error.code === TOKEN_INVALID)) throw error
  if (error.kind === 'aborted' || error.kind === 'timeout') throw error
}

/** Prefer an error that counts (an outage) over a configuration one, so outages trip the breaker. */
function wholeRunFailure(errors: ScannerError[]): ScannerError {
  const order = ['rate-limited', 'server', 'unreachable', 'too-large', 'parse', 'internal']
  const counted = errors.filter((e) => order.includes(e.kind))
  const first = counted[0] ?? errors[0]
  if (first === undefined) return new ScannerError('internal', 'CLOUDFLARE_NO_DATA', 'Cloudflare returned no data.')
  return first
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
