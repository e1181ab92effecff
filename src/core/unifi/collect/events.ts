/**
 * Events for the window: the v2 system log first; when the console lacks it (404) or refuses the query
 * (400), the legacy `stat/event` list, paged by offset. IPS alerts found on either path go to the threat
 * collection, never into the event list (they would be counted twice).
 */
import type { CollectedEvent, CollectedThreat } from '../model.js'
import { EndpointUnsupportedError } from '../errors.js'
import { legacyPath, legacyRead } from '../endpoints.js'
import { readLegacyPages } from '../paging.js'
import { parseLegacyEvent, parseSystemLogRecord, systemLogEvent } from '../parse/events.js'
import { isSystemLogThreat, parseLegacyIps, systemLogThreat } from '../parse/threats.js'
import { isPlainObject } from '../schemas/primitives.js'
import { slimEventRaw } from '../event-raw-fields.js'
import { Rejections, SourceLog } from '../source-log.js'
import { keepPage, pageRecords, type PageRecords } from './page-records.js'
import { ALL_SEVERITIES, readSystemLog } from './system-log.js'
import { inWindow, isFatal, noteUnsupported, skipIfKnownUnsupported, type CollectContext } from './context.js'

export interface EventsResult {
  events: CollectedEvent[]
  /** IPS alerts met while reading events (system-log SECURITY entries or legacy `EVT_IPS_IpsAlert`). */
  threats: CollectedThreat[]
  /** `system-log`, `stat/event` or `none`. */
  source: string
  /** Why system-log threats are missing, when the system log could not be read. */
  systemLogProblem: string | null
  log: SourceLog
}

const LEGACY_PAGE = 3000
const LEGACY_MAX_PAGES = 50

export async function collectEvents(ctx: CollectContext, signal: AbortSignal): Promise<EventsResult> {
  const log = new SourceLog()
  const result: EventsResult = { events: [], threats: [], source: 'none', systemLogProblem: null, log }
  const rejections = new Rejections()
  if (!skipIfKnownUnsupported(ctx, log, 'events', 'system-log/all')) {
    try {
      const outcome = await readSystemLog(
        ctx,
        'all',
        ALL_SEVERITIES,
        {
          prepare: (items) => {
            const page = eventPage()
            for (const item of items) {
              const entry = parseSystemLogRecord(item)
              if (entry === null) {
                page.rejected.push(shapeProblem(item, 'a system-log entry without key, event or text'))
                continue
              }
              if (!inWindow(entry.timestamp, ctx.window)) continue
              if (isSystemLogThreat(entry)) {
                const threat = systemLogThreat(entry)
                if (threat !== null) page.threats.push(threat)
                continue
              }
              if (isPlainObject(item)) page.records.push(systemLogEvent(entry, item, 'system-log', 'event'))
            }
            return page
          },
          onPage: (page) => keepEventPage(page, result, rejections),
        },
        signal,
      )
      log.used(
        'events',
        'system-log/all',
        result.events.length,
        outcome.truncated,
        truncationNote(outcome.truncated, outcome.total),
        rejections,
      )
      if (outcome.truncated) {
        log.warn(`The system log holds more entries than were read (${truncationNote(true, outcome.total) ?? ''}).`)
      }
      result.source = 'system-log'
      ctx.book.markWorking('events', 'system-log/all')
      noteSkipped(log, rejections.count)
      return finish(result)
    } catch (error) {
      if (isFatal(error)) throw error
      if (error instanceof EndpointUnsupportedError) noteUnsupported(ctx, log, 'events', error, 'stat/event')
      else log.failed('events', 'system-log/all', error, rejections)
      result.systemLogProblem = describeProblem(log)
    }
  } else {
    result.systemLogProblem = 'the system log is not available on this controller'
  }
  await collectLegacyEvents(ctx, result, signal)
  return finish(result)
}

async function collectLegacyEvents(ctx: CollectContext, result: EventsResult, signal: AbortSignal): Promise<void> {
  const log = result.log
  if (skipIfKnownUnsupported(ctx, log, 'events', 'stat/event')) return
  const hours = Math.max(1, Math.ceil((ctx.now() - ctx.window.since) / 3_600_000) + 1)
  const path = legacyPath(ctx.session, ctx.site, 'stat/event')
  const rejections = new Rejections()
  const before = result.events.length
  try {
    const outcome = await readLegacyPages({
      fetchPage: (start, limit, pageSignal) =>
        legacyRead(ctx.session, path, 'stat/event', pageSignal, {
          _sort: '-time',
          within: hours,
          type: null,
          _start: start,
          _limit: limit,
        }),
      prepare: (items) => {
        const page = eventPage()
        for (const item of items) {
          if (isPlainObject(item) && item.key === 'EVT_IPS_IpsAlert') {
            const threat = parseLegacyIps(item, 'stat/event')
            if (threat !== null && inWindow(threat.timestampMs, ctx.window)) page.threats.push(threat)
            continue
          }
          const event = parseLegacyEvent(item, 'stat/event', 'event')
          if (event === null) page.rejected.push(shapeProblem(item, 'an event without key or message'))
          else if (inWindow(event.timestampMs, ctx.window))
            page.records.push({ ...event, raw: slimEventRaw(event.raw) })
        }
        return page
      },
      onPage: (page) => keepEventPage(page, result, rejections),
      limit: LEGACY_PAGE,
      concurrency: ctx.session.maxConcurrentRequests,
      maxPages: LEGACY_MAX_PAGES,
      signal,
    })
    log.used(
      'events',
      'stat/event',
      result.events.length - before,
      outcome.truncated,
      truncationNote(outcome.truncated, outcome.total),
      rejections,
    )
    if (outcome.truncated)
      log.warn(`The controller holds more events than it returned (${truncationNote(true, outcome.total) ?? ''}).`)
    result.source = 'stat/event'
    ctx.book.markWorking('events', 'stat/event')
    noteSkipped(log, rejections.count)
  } catch (error) {
    if (isFatal(error)) throw error
    if (error instanceof EndpointUnsupportedError) noteUnsupported(ctx, log, 'events', error, null)
    else log.failed('events', 'stat/event', error, rejections)
    log.warn('No event source answered: the report cannot list events for this window.')
  }
}

/** One page of events as it arrives: the events, and the IPS alerts met among them (for the threats). */
interface EventPage extends PageRecords<CollectedEvent> {
  threats: CollectedThreat[]
}

function eventPage(): EventPage {
  return { ...pageRecords<CollectedEvent>(), threats: [] }
}

function keepEventPage(page: EventPage, result: EventsResult, rejections: Rejections): void {
  keepPage(page, result.events, rejections)
  for (const threat of page.threats) result.threats.push(threat)
}

function finish(result: EventsResult): EventsResult {
  result.events.sort((a, b) => (a.timestampMs ?? 0) - (b.timestampMs ?? 0))
  return result
}

export function truncationNote(truncated: boolean, total: number | null): string | null {
  if (!truncated) return null
  return total !== null
    ? `truncated: the controller reported ${total} entries in all`
    : 'truncated: more entries exist than were read'
}

/** Why one record was rejected, in the words the coverage panel shows. */
export function shapeProblem(item: unknown, objectProblem: string): string {
  if (isPlainObject(item)) return objectProblem
  return Array.isArray(item)
    ? 'a list where a record was expected'
    : `a ${item === null ? 'null' : typeof item} where a record was expected`
}

function noteSkipped(log: SourceLog, skipped: number): void {
  if (skipped > 0) log.warn(`${skipped} event records had an unexpected shape and were skipped.`)
}

function describeProblem(log: SourceLog): string {
  const last = log.attempts[log.attempts.length - 1]
  return last?.detail ?? 'the system log could not be read'
}
