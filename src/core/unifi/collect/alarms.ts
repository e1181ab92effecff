/**
 * Alarms: `list/alarm`, else `stat/alarm` (which one exists varies by firmware), and
 * when neither has anything — Network 10.x often keeps the legacy list empty — the system log's
 * `critical` class. Only alarms inside the report window count: unarchived is not the same as new.
 */
import type { CollectedEvent } from '../model.js'
import { EndpointUnsupportedError } from '../errors.js'
import { legacyPath, legacyRead } from '../endpoints.js'
import { parseLegacyEvent, parseSystemLogEntry } from '../parse/events.js'
import { slimEventRaw } from '../event-raw-fields.js'
import { Rejections, SourceLog } from '../source-log.js'
import { inWindow, isFatal, noteUnsupported, skipIfKnownUnsupported, type CollectContext } from './context.js'
import { shapeProblem, truncationNote } from './events.js'
import { keepPage, pageRecords } from './page-records.js'
import { readSystemLog } from './system-log.js'

export interface AlarmsResult {
  alarms: CollectedEvent[]
  source: string
  log: SourceLog
}

const LEGACY_ALARMS = ['list/alarm', 'stat/alarm'] as const

export async function collectAlarms(ctx: CollectContext, signal: AbortSignal): Promise<AlarmsResult> {
  const log = new SourceLog()
  let emptySource: string | null = null
  for (const [index, endpoint] of LEGACY_ALARMS.entries()) {
    if (skipIfKnownUnsupported(ctx, log, 'alarms', endpoint)) continue
    try {
      const { data } = await legacyRead(ctx.session, legacyPath(ctx.session, ctx.site, endpoint), endpoint, signal)
      const rejections = new Rejections()
      const alarms = parseAll(data, endpoint, ctx, rejections)
      if (alarms.length > 0 || rejections.count > 0) {
        log.used('alarms', endpoint, alarms.length, false, null, rejections)
        ctx.book.markWorking('alarms', endpoint)
        return { alarms, source: endpoint, log }
      }
      log.used(
        'alarms',
        endpoint,
        0,
        false,
        `${endpoint} has no alarms in the report window; also asking the system log.`,
      )
      emptySource = endpoint
      break
    } catch (error) {
      if (isFatal(error)) throw error
      const next = LEGACY_ALARMS[index + 1] ?? 'system-log/critical'
      if (error instanceof EndpointUnsupportedError) noteUnsupported(ctx, log, 'alarms', error, next)
      else log.failed('alarms', endpoint, error)
    }
  }
  return collectCriticalLog(ctx, log, emptySource, signal)
}

async function collectCriticalLog(
  ctx: CollectContext,
  log: SourceLog,
  emptySource: string | null,
  signal: AbortSignal,
): Promise<AlarmsResult> {
  const endpoint = 'system-log/critical'
  const fallback = { alarms: [], source: emptySource ?? 'none', log }
  if (skipIfKnownUnsupported(ctx, log, 'alarms', endpoint)) return fallback
  const alarms: CollectedEvent[] = []
  const rejections = new Rejections()
  try {
    const outcome = await readSystemLog(
      ctx,
      'critical',
      ['HIGH', 'VERY_HIGH'],
      {
        prepare: (items) => {
          const page = pageRecords<CollectedEvent>()
          for (const item of items) {
            const alarm = parseSystemLogEntry(item, 'system-log/critical', 'alarm')
            if (alarm === null) page.rejected.push(shapeProblem(item, 'a system-log entry without key, event or text'))
            else if (inWindow(alarm.timestampMs, ctx.window)) page.records.push(alarm)
          }
          return page
        },
        onPage: (page) => keepPage(page, alarms, rejections),
      },
      signal,
    )
    log.used(
      'alarms',
      endpoint,
      alarms.length,
      outcome.truncated,
      truncationNote(outcome.truncated, outcome.total),
      rejections,
    )
    if (alarms.length === 0) return fallback
    ctx.book.markWorking('alarms', endpoint)
    return { alarms, source: endpoint, log }
  } catch (error) {
    if (isFatal(error)) throw error
    if (error instanceof EndpointUnsupportedError) noteUnsupported(ctx, log, 'alarms', error, null)
    else log.failed('alarms', endpoint, error, rejections)
    return alarms.length > 0 ? { alarms, source: endpoint, log } : fallback
  }
}

function parseAll(
  data: readonly unknown[],
  endpoint: string,
  ctx: CollectContext,
  rejections: Rejections,
): CollectedEvent[] {
  const origin = endpoint === 'list/alarm' ? 'list/alarm' : 'stat/alarm'
  const alarms: CollectedEvent[] = []
  const seen = new Set<string>()
  for (const item of data) {
    const alarm = parseLegacyEvent(item, origin, 'alarm')
    if (alarm === null) {
      rejections.add(shapeProblem(item, 'an alarm without key or message'))
      continue
    }
    if (!inWindow(alarm.timestampMs, ctx.window)) continue
    if (alarm.id !== null) {
      if (seen.has(alarm.id)) continue
      seen.add(alarm.id)
    }
    alarms.push({ ...alarm, raw: slimEventRaw(alarm.raw) })
  }
  return alarms.sort((a, b) => (a.timestampMs ?? 0) - (b.timestampMs ?? 0))
}
