/**
 * When `schedule` runs a report: `--every DURATION` (first run at once, then at a fixed rate) or `--cron EXPR`
 * (standard 5-field cron in the report timezone, first run at the next match), else the config file's enabled
 * `schedule` section (the tray app's presets). All are validated up front so a typo fails at start with exit 1
 * instead of silently never running.
 */
import { ConfigError } from '../../core/errors.js'
import { compileSchedule } from '../../core/schedule/cron-schedule.js'
import type { ScheduleSettings } from '../../shared/schedule-settings.js'
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
  /** The config file's `schedule` section, used when neither flag is given and it is enabled. */
  configured?: ScheduleSettings | undefined
}

export function parseSchedule(options: ScheduleOptions): ScheduleSpec {
  const { every, cron, timezone } = options
  if (every !== undefined && cron !== undefined) {
    throw new ConfigError('Use either --every or --cron, not both.')
  }
  if (every !== undefined) return everySchedule(parseDuration(every))
  if (cron !== undefined) return cronSchedule(cron, timezone)
  const configured = options.configured
  if (configured?.enabled) {
    const zone = configured.timezone ?? timezone
    const schedule = compileSchedule(configured.preset, zone, { label: 'schedule.preset in the config file' })
    return {
      description: schedule.description,
      firstRunAt: (now) => schedule.nextAfter(now),
      nextRunAt: (_lastStart, now) => schedule.nextAfter(now),
    }
  }
  throw new ConfigError(
    'schedule needs --every DURATION (e.g. 6h) or --cron EXPR (e.g. "0 8 * * *"), or an enabled "schedule" section in the config file.',
  )
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
  // The tray app's schedules compile through the same module, so both compute the same slots (DST included).
  const schedule = compileSchedule({ kind: 'cron', expression }, timezone, { label: '--cron' })
  return {
    description: `cron "${schedule.cron}" (${timezone})`,
    firstRunAt: (now) => schedule.nextAfter(now),
    nextRunAt: (_lastStart, now) => schedule.nextAfter(now),
  }
}
