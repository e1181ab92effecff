/**
 * Value parsers for command-line options. Each throws a ConfigError naming the option, so a bad value ends
 * with exit code 1 and a sentence saying what is expected.
 */
import { ConfigError } from '../core/errors.js'

export function parseInteger(option: string, text: string, min: number, max: number): number {
  const value = Number(text.trim())
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(`${option} "${text}" must be a whole number from ${min} to ${max}.`)
  }
  return value
}

/** `--since`: an ISO 8601 date-time with a timezone (a naive time would be read in whichever zone the server is in). */
export function parseSince(text: string, now: number): number {
  const trimmed = text.trim()
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed)
  const value = Date.parse(trimmed)
  if (!/^\d{4}-\d{2}-\d{2}T/.test(trimmed) || !hasZone || Number.isNaN(value)) {
    throw new ConfigError(
      `--since "${text}" must be an ISO 8601 date-time with a timezone, e.g. 2026-01-31T08:00:00Z or 2026-01-31T09:00:00+01:00.`,
    )
  }
  if (value >= now) throw new ConfigError(`--since "${text}" is in the future; give a time in the past.`)
  if (now - value > 720 * 3_600_000) throw new ConfigError(`--since "${text}" is more than 720 hours (30 days) ago.`)
  return value
}

/** `--hours` and `--since` both choose the window; the report takes at most one. */
export interface WindowChoice {
  hours?: number
  since?: number
}

export function parseWindowChoice(options: { hours?: string; since?: string }, now: number): WindowChoice {
  if (options.hours !== undefined && options.since !== undefined) {
    throw new ConfigError('Use either --hours or --since, not both.')
  }
  if (options.hours !== undefined) return { hours: parseInteger('--hours', options.hours, 1, 720) }
  if (options.since !== undefined) return { since: parseSince(options.since, now) }
  return {}
}
