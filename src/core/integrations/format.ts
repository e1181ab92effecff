/** Wording of times and durations in integration messages (log lines, outcome notes, report sections). */

/** A human duration: `850 ms`, `45 s`, `2 min 5 s`, `1 h 3 min`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`
  const totalSeconds = Math.round(ms / 1000)
  if (totalSeconds < 60) return `${totalSeconds} s`
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = totalSeconds % 60
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`
  return seconds > 0 ? `${minutes} min ${seconds} s` : `${minutes} min`
}

/** Wall-clock time `14:05` in the report's timezone (falls back to UTC for an unknown zone). */
export function formatClock(epochMs: number, timezone: string): string {
  return clockFormatter(timezone).format(epochMs)
}

// Building an Intl formatter costs far more than formatting (hundreds of µs): keep one per timezone.
const clockFormatters = new Map<string, Intl.DateTimeFormat>()

function clockFormatter(timezone: string): Intl.DateTimeFormat {
  const cached = clockFormatters.get(timezone)
  if (cached) return cached
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
  let formatter: Intl.DateTimeFormat
  try {
    formatter = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: timezone })
  } catch {
    formatter = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' })
  }
  clockFormatters.set(timezone, formatter)
  return formatter
}
