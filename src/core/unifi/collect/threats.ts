/**
 * Threats from all three places a console may keep them: v2
 * traffic-flows filtered to intrusion prevention, legacy `stat/ips/event`, and system-log SECURITY
 * entries (read once with the events). Each source is tried independently and the results merged. Request
 * bodies and firmware differences: docs/controller-api.md#traffic-flows,
 * docs/controller-api.md#legacy-ips-events.
 */
import type { CollectedThreat } from '../model.js'
import { EndpointUnsupportedError } from '../errors.js'
import { legacyPath, legacyRead, v2Path, v2Read } from '../endpoints.js'
import { mergeThreats } from '../merge-threats.js'
import { readLegacyPages, readV2Pages, type PagingOutcome } from '../paging.js'
import { parseLegacyIps, parseTrafficFlowThreat } from '../parse/threats.js'
import { isPlainObject } from '../schemas/primitives.js'
import { Rejections, SourceLog } from '../source-log.js'
import { inWindow, isFatal, noteUnsupported, skipIfKnownUnsupported, type CollectContext } from './context.js'
import { keepPage, pageRecords, type PageRecords } from './page-records.js'
import { shapeProblem, truncationNote, type EventsResult } from './events.js'

export interface ThreatsResult {
  threats: CollectedThreat[]
  /** Endpoints that answered, in the order tried. */
  sources: string[]
  log: SourceLog
}

const FLOW_PAGE = 1000
const FLOW_MAX_PAGES = 100
const IPS_PAGE = 10_000
const IPS_MAX_PAGES = 20

export async function collectThreats(
  ctx: CollectContext,
  events: () => Promise<EventsResult>,
  signal: AbortSignal,
): Promise<ThreatsResult> {
  // One log per branch, joined in a fixed order: the record must not depend on which answer came first.
  const branchLogs = [new SourceLog(), new SourceLog(), new SourceLog()] as const
  const [flows, legacy, fromEvents] = await Promise.all([
    trafficFlowThreats(ctx, branchLogs[0], signal),
    legacyIpsThreats(ctx, branchLogs[1], signal),
    eventThreats(branchLogs[2], events),
  ])
  const log = new SourceLog()
  for (const branch of branchLogs) log.append(branch)
  const sources: string[] = []
  for (const attempt of log.attempts) {
    if ((attempt.outcome === 'used' || attempt.outcome === 'empty') && !sources.includes(attempt.endpoint)) {
      sources.push(attempt.endpoint)
    }
  }
  return { threats: mergeThreats([flows, legacy, fromEvents]), sources, log }
}

async function trafficFlowThreats(
  ctx: CollectContext,
  log: SourceLog,
  signal: AbortSignal,
): Promise<CollectedThreat[]> {
  const endpoint = 'traffic-flows'
  if (skipIfKnownUnsupported(ctx, log, 'threats', endpoint)) return []
  const path = v2Path(ctx.session, ctx.site, endpoint)
  const threats: CollectedThreat[] = []
  const rejections = new Rejections()
  const prepare = (items: readonly unknown[]): PageRecords<CollectedThreat> => {
    const page = pageRecords<CollectedThreat>()
    for (const item of items) {
      if (!isPlainObject(item)) {
        page.rejected.push(shapeProblem(item, ''))
        continue
      }
      const threat = parseTrafficFlowThreat(item)
      if (threat !== null && inWindow(threat.timestampMs, ctx.window)) page.records.push(threat)
    }
    return page
  }
  const onPage = (page: PageRecords<CollectedThreat>): void => keepPage(page, threats, rejections)
  try {
    let outcome: PagingOutcome
    let detail: string | null = null
    try {
      outcome = await readV2Pages({
        fetchPage: (pageNumber, pageSignal) =>
          v2Read(ctx.session, path, endpoint, pageSignal, currentFlowQuery(ctx, pageNumber)),
        prepare,
        onPage,
        maxPages: FLOW_MAX_PAGES,
        concurrency: ctx.session.maxConcurrentRequests,
        signal,
        endpoint,
      })
    } catch (error) {
      // Older firmware rejects the current query body (400/405/422) but answers the old one.
      if (!(error instanceof EndpointUnsupportedError) || error.status === 404 || threats.length > 0) throw error
      detail = `the current query was refused (${error.detail}); used the older query format`
      outcome = await readV2Pages({
        fetchPage: (pageNumber, pageSignal) =>
          v2Read(ctx.session, path, endpoint, pageSignal, {
            limit: FLOW_PAGE,
            offset: pageNumber * FLOW_PAGE,
            timeRange: timeRangeFor(ctx),
          }),
        prepare,
        onPage,
        maxPages: FLOW_MAX_PAGES,
        concurrency: 1,
        signal,
        endpoint,
      })
    }
    log.used(
      'threats',
      endpoint,
      threats.length,
      outcome.truncated,
      detail ?? truncationNote(outcome.truncated, outcome.total),
      rejections,
    )
    ctx.book.markWorking('threats', endpoint)
    return threats
  } catch (error) {
    if (isFatal(error)) throw error
    if (error instanceof EndpointUnsupportedError) noteUnsupported(ctx, log, 'threats', error, null)
    else log.failed('threats', endpoint, error, rejections)
    return threats
  }
}

/** The query body of the web UI on current firmware: every filter present, empty when unused. */
function currentFlowQuery(ctx: CollectContext, pageNumber: number): Record<string, unknown> {
  const empty = [
    'risk',
    'action',
    'direction',
    'protocol',
    'policy',
    'service',
    'source_host',
    'source_mac',
    'source_ip',
    'source_port',
    'source_network_id',
    'source_domain',
    'source_zone_id',
    'source_region',
    'destination_host',
    'destination_mac',
    'destination_ip',
    'destination_port',
    'destination_network_id',
    'destination_domain',
    'destination_zone_id',
    'destination_region',
    'in_network_id',
    'out_network_id',
    'next_ai_query',
    'except_for',
  ]
  return {
    timestampFrom: ctx.window.since,
    timestampTo: ctx.window.until,
    pageNumber,
    pageSize: FLOW_PAGE,
    skip_count: false,
    search_text: '',
    policy_type: ['INTRUSION_PREVENTION'],
    ...Object.fromEntries(empty.map((name) => [name, []])),
  }
}

function timeRangeFor(ctx: CollectContext): string {
  const hours = (ctx.now() - ctx.window.since) / 3_600_000
  return hours <= 1 ? '1h' : hours <= 24 ? '24h' : hours <= 168 ? '7d' : '30d'
}

async function legacyIpsThreats(ctx: CollectContext, log: SourceLog, signal: AbortSignal): Promise<CollectedThreat[]> {
  const endpoint = 'stat/ips/event'
  if (skipIfKnownUnsupported(ctx, log, 'threats', endpoint)) return []
  const path = legacyPath(ctx.session, ctx.site, endpoint)
  const threats: CollectedThreat[] = []
  const rejections = new Rejections()
  try {
    const outcome = await readLegacyPages({
      fetchPage: (start, limit, pageSignal) =>
        legacyRead(ctx.session, path, endpoint, pageSignal, {
          start: ctx.window.since,
          end: ctx.window.until,
          _sort: '-time',
          _start: start,
          _limit: limit,
        }),
      prepare: (items) => {
        const page = pageRecords<CollectedThreat>()
        for (const item of items) {
          const threat = parseLegacyIps(item)
          if (threat === null) page.rejected.push(shapeProblem(item, 'an IPS record without a timestamp'))
          else if (inWindow(threat.timestampMs, ctx.window)) page.records.push(threat)
        }
        return page
      },
      onPage: (page) => keepPage(page, threats, rejections),
      limit: IPS_PAGE,
      concurrency: ctx.session.maxConcurrentRequests,
      maxPages: IPS_MAX_PAGES,
      signal,
    })
    const note =
      threats.length === 0
        ? 'empty; Network 9.3 and later often leave this list empty and keep threats in traffic flows'
        : null
    log.used(
      'threats',
      endpoint,
      threats.length,
      outcome.truncated,
      truncationNote(outcome.truncated, outcome.total) ?? note,
      rejections,
    )
    ctx.book.markWorking('threats', endpoint)
    return threats
  } catch (error) {
    if (isFatal(error)) throw error
    if (error instanceof EndpointUnsupportedError) noteUnsupported(ctx, log, 'threats', error, null)
    else log.failed('threats', endpoint, error, rejections)
    return threats
  }
}

async function eventThreats(log: SourceLog, events: () => Promise<EventsResult>): Promise<CollectedThreat[]> {
  const result = await events()
  if (result.source === 'system-log') {
    log.used('threats', 'system-log', result.threats.length)
    return result.threats
  }
  log.unsupported(
    'threats',
    'system-log',
    `No system-log threat entries: ${result.systemLogProblem ?? 'no event source answered'}.`,
  )
  if (result.threats.length > 0) log.used('threats', 'stat/event', result.threats.length)
  return result.threats
}
