/**
 * `--every` durations: `30s`, `10m`, `6h`, `1d`, or combinations such as `1h30m`. A bare number is refused
 * because "every 10" is ambiguous (seconds? minutes?) and a wrong guess runs reports 60× too often.
 */
import { ConfigError } from '../../core/errors.js'

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }
const PART = /(\d+)(ms|s|m|h|d)/gy

/** Shortest interval accepted: anything faster would hammer the controller's login limit. */
export const MIN_INTERVAL_MS = 1000
/** Longest interval: timers beyond ~24.8 days overflow in Node; a month is plenty for a report. */
export const MAX_INTERVAL_MS = 31 * 86_400_000

export function parseDuration(text: string): number {
  const input = text.trim().toLowerCase()
  let total = 0
  let consumed = 0
  PART.lastIndex = 0
  for (let match = PART.exec(input); match; match = PART.exec(input)) {
    total += Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? 0)
    consumed = PART.lastIndex
  }
  if (input === '' || consumed !== input.length) {
    throw new ConfigError(
      `--every "${text}" is not a duration. Use a number with a unit, e.g. 30s, 10m, 6h, 1d or 1h30m.`,
    )
  }
  if (total < MIN_INTERVAL_MS || total > MAX_INTERVAL_MS) {
    throw new ConfigError(`--every "${text}" must be between 1s and 31d.`)
  }
  return total
}

/** `90000` → `1m30s`, for log lines that echo the schedule back. */
export function formatEvery(ms: number): string {
  const parts: string[] = []
  let rest = ms
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ] as const) {
    const count = Math.floor(rest / size)
    if (count > 0) parts.push(`${count}${unit}`)
    rest -= count * size
  }
  if (rest > 0 || parts.length === 0) parts.push(`${rest}ms`)
  return parts.join('')
}
