/**
 * A schedule as one cron expression in one timezone, shared by the tray app and the CLI's `schedule --cron`.
 * Presets become cron here (`presetToCron`), so the editor, the tray and the CLI compute the same slots. Croner
 * does the calendar work, DST included: a fixed-time job (`30 2 * * *`) whose time falls into the spring gap
 * runs at the first valid time after it and runs once when the autumn repeats the hour; an hourly job skips
 * the missing hour and runs in both repeated ones (croner's "fixed-time" and "interval" rules).
 */
import { Cron } from 'croner'
import { ConfigError } from '../errors.js'
import { WEEKDAYS, type SchedulePreset } from '../../shared/schedule-settings.js'

export interface CronSchedule {
  /** The 5-field cron expression the slots come from, e.g. `0 7 * * 1-5`. */
  readonly cron: string
  readonly timezone: string
  /** Plain English for logs and the CLI start line, e.g. `weekdays at 07:00 (Europe/Berlin)`. */
  readonly description: string
  /** Epoch ms of the first slot strictly after `afterMs`. */
  nextAfter(afterMs: number): number
  /** The next `count` slots strictly after `afterMs`, oldest first. */
  nextRuns(afterMs: number, count: number): number[]
}

/** Pure: the cron expression of a preset (`every-hours` 6 → `0 *\/6 * * *`, weekly monday 07:30 → `30 7 * * 1`). */
export function presetToCron(preset: SchedulePreset): string {
  switch (preset.kind) {
    case 'every-hours':
      return preset.hours === 1 ? '0 * * * *' : `0 */${preset.hours} * * *`
    case 'daily':
      return `${clockCron(preset.time)} * * *`
    case 'weekdays':
      return `${clockCron(preset.time)} * * 1-5`
    case 'weekly':
      return `${clockCron(preset.time)} * * ${WEEKDAYS.indexOf(preset.day)}`
    case 'cron':
      return preset.expression.trim().split(/\s+/).join(' ')
  }
}

export function describePreset(preset: SchedulePreset): string {
  switch (preset.kind) {
    case 'every-hours':
      return preset.hours === 1 ? 'every hour' : `every ${preset.hours} hours`
    case 'daily':
      return `daily at ${preset.time}`
    case 'weekdays':
      return `weekdays at ${preset.time}`
    case 'weekly':
      return `every ${capitalise(preset.day)} at ${preset.time}`
    case 'cron':
      return `cron "${presetToCron(preset)}"`
  }
}

/** `07:05` → `5 7` (minute hour). */
function clockCron(time: string): string {
  const [hour, minute] = time.split(':').map(Number)
  return `${minute ?? 0} ${hour ?? 0}`
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/** The bound on slots one call lists (the editor shows three; tests ask for a few more). */
export const MAX_LISTED_RUNS = 50

/**
 * A schedule from a preset, or a `ConfigError` saying what is wrong with it (`label` names the setting or flag in
 * the message, e.g. `--cron` or `schedule.preset.expression`). `nowMs` checks that it ever runs again.
 */
export function compileSchedule(
  preset: SchedulePreset,
  timezone: string,
  options: { label?: string; nowMs?: number } = {},
): CronSchedule {
  const label = options.label ?? 'The schedule'
  const pattern = presetToCron(preset)
  if (pattern.split(' ').length !== 5) {
    throw new ConfigError(
      `${label} "${pattern}" must have exactly 5 fields (minute hour day-of-month month day-of-week), e.g. "0 8 * * 1".`,
    )
  }
  let cron: Cron
  try {
    cron = new Cron(pattern, { timezone, mode: '5-part', paused: true })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new ConfigError(`${label} "${pattern}" is not a valid cron expression: ${reason}`, undefined, {
      cause: error,
    })
  }
  const nextAfter = (afterMs: number): number => {
    const next = cron.nextRun(new Date(afterMs))
    if (!next) throw new ConfigError(`${label} "${pattern}" never matches a future date.`)
    return next.getTime()
  }
  nextAfter(options.nowMs ?? Date.now())
  const description = `${describePreset(preset)} (${timezone})`
  return {
    cron: pattern,
    timezone,
    description,
    nextAfter,
    nextRuns(afterMs, count) {
      const runs: number[] = []
      let from = afterMs
      for (let index = 0; index < Math.min(count, MAX_LISTED_RUNS); index += 1) {
        const next = cron.nextRun(new Date(from))
        if (!next) break
        runs.push(next.getTime())
        from = next.getTime()
      }
      return runs
    },
  }
}
