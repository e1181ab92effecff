/**
 * When `schedule` runs a report: `--every DURATION` (first run at once, then at a fixed rate) or `--cron EXPR`
 * (standard 5-field cron in the report timezone, first run at the next match). Both are validated up front so a
 * typo fails at start with exit 1 instead of silently never running.
 */
import { Cron } from 'croner'
import { ConfigError } from '../../core/errors.js'
import { formatEvery, parseDuration } from './duration.js'

export interface ScheduleSpec {
  /** Plain-English description for the start-up line, e.g. "every 10m" or "cron 0 8 * * 1 (Europe/Berlin)". */
  readonly description: string
  /** Epoch ms of the first run for a schedule started at `now`. */
  firstRunAt(now: number): number
  /**
   * Epoch ms of the run after one that started at `lastStart`, given the clock reads `now` once it has
   * finished. Slots missed while a run was still going are coalesced into one run, never run twice.
   */
  nextRunAt(lastStart: number, now: number): number
}

export interface ScheduleOptions {
  every?: string | undefined
  cron?: string | undefined
  timezone: string
}

export function parseSchedule(options: ScheduleOptions): ScheduleSpec {
  const { every, cron, timezone } = options
  if (every !== undefined && cron !== undefined) {
    throw new ConfigError('Use either --every or --cron, not both.')
  }
  if (every !== undefined) return everySchedule(parseDuration(every))
  if (cron !== undefined) return cronSchedule(cron, timezone)
  throw new ConfigError('schedule needs --every DURATION (e.g. 6h) or --cron EXPR (e.g. "0 8 * * *").')
}

function everySchedule(intervalMs: number): ScheduleSpec {
  return {
    description: `every ${formatEvery(intervalMs)}`,
    firstRunAt: (now) => now,
    nextRunAt(lastStart, now) {
      const next = lastStart + intervalMs
      if (next > now) return next
      // The run overran one or more slots: skip to the next future slot on the original grid.
      const missed = Math.floor((now - lastStart) / intervalMs)
      return Math.max(now, lastStart + (missed + 1) * intervalMs)
    },
  }
}

function cronSchedule(expression: string, timezone: string): ScheduleSpec {
  const pattern = expression.trim()
  if (pattern.split(/\s+/).length !== 5) {
    throw new ConfigError(
      `--cron "${expression}" must have exactly 5 fields (minute hour day-of-month month day-of-week), e.g. "0 8 * * 1".`,
    )
  }
  let cron: Cron
  try {
    cron = new Cron(pattern, { timezone, mode: '5-part', paused: true })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new ConfigError(`--cron "${expression}" is not a valid cron expression: ${reason}`, undefined, {
      cause: error,
    })
  }
  const nextAfter = (at: number): number => {
    const next = cron.nextRun(new Date(at))
    if (!next) throw new ConfigError(`--cron "${expression}" never matches a future date.`)
    return next.getTime()
  }
  nextAfter(Date.now())
  return {
    description: `cron "${pattern}" (${timezone})`,
    firstRunAt: (now) => nextAfter(now),
    nextRunAt: (_lastStart, now) => nextAfter(now),
  }
}
