/**
 * Every date, time and duration the engine writes for a reader: the report (UniFi and integration sections
 * alike), outcome messages, log lines and file names. One style throughout — "Jan 24, 2026 at 2:30 PM EST"
 * in the configured IANA timezone — and every stored timestamp carries its offset, so it can never be read
 * back as naive.
 */

interface ZonedParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  /** Offset from UTC in minutes (east positive). */
  offsetMinutes: number
  /** Short zone name as Intl gives it ("EST", "UTC", "GMT+1"). */
  zoneName: string
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

// Building an Intl formatter costs far more than using one; reports format thousands of dates.
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone)
  if (cached) return cached
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }
  let formatter: Intl.DateTimeFormat
  try {
    formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone })
  } catch {
    // Settings reject unknown zones; a caller that passes one anyway still gets correct instants, in UTC.
    formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' })
  }
  formatters.set(timeZone, formatter)
  return formatter
}

export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const values: Record<string, string> = {}
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) values[part.type] = part.value
  const year = Number(values.year)
  const month = Number(values.month)
  const day = Number(values.day)
  const hour = Number(values.hour) % 24
  const minute = Number(values.minute)
  const second = Number(values.second)
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second)
  const offsetMinutes = Math.round((wallAsUtc - Math.floor(ms / 1000) * 1000) / 60_000)
  return { year, month, day, hour, minute, second, offsetMinutes, zoneName: values.timeZoneName ?? timeZone }
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0')

function clock12(parts: ZonedParts): string {
  const hour12 = parts.hour % 12 === 0 ? 12 : parts.hour % 12
  return `${hour12}:${pad(parts.minute)} ${parts.hour < 12 ? 'AM' : 'PM'}`
}

/** "Jan 24, 2026 at 2:30 PM EST"; "unknown time" for a value that is not a time. */
export function formatDateTime(ms: number, timeZone: string): string {
  if (!Number.isFinite(ms)) return 'unknown time'
  const parts = zonedParts(ms, timeZone)
  return `${MONTHS[parts.month - 1]} ${parts.day}, ${parts.year} at ${clock12(parts)} ${parts.zoneName}`
}

/**
 * The date and time followed by the IANA zone when its short name does not already say it:
 * "Jan 24, 2026 at 9:30 AM EST (America/New_York)", but "Jan 24, 2026 at 2:30 PM UTC" (never "UTC (UTC)").
 */
export function formatDateTimeWithZone(ms: number, timeZone: string): string {
  const text = formatDateTime(ms, timeZone)
  if (!Number.isFinite(ms)) return text
  return zonedParts(ms, timeZone).zoneName === timeZone ? text : `${text} (${timeZone})`
}

/** "Jan 24 at 3:15 PM" — for occurrence summaries, where the year and zone are in the header already. */
export function formatShortDateTime(ms: number, timeZone: string): string {
  const parts = zonedParts(ms, timeZone)
  return `${MONTHS[parts.month - 1]} ${parts.day} at ${clock12(parts)}`
}

/** "2:05 PM EST" — a time later the same day (the next breaker trial). */
export function formatTime(ms: number, timeZone: string): string {
  const parts = zonedParts(ms, timeZone)
  return `${clock12(parts)} ${parts.zoneName}`
}

/** ISO 8601 with the zone's offset, e.g. `2026-01-24T09:30:00-05:00` (never naive, never lossy). */
export function toZonedIso(ms: number, timeZone: string): string {
  const parts = zonedParts(ms, timeZone)
  const sign = parts.offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(parts.offsetMinutes)
  const millis = ((ms % 1000) + 1000) % 1000
  const fraction = millis === 0 ? '' : `.${pad(millis, 3)}`
  return (
    `${parts.year}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}` +
    `${fraction}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  )
}

/** `YYYY-MM-DD-HHmmss` in the zone: the stamp in report file names, sortable as text. */
export function fileStamp(ms: number, timeZone: string): string {
  const parts = zonedParts(ms, timeZone)
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}-${pad(parts.hour)}${pad(parts.minute)}${pad(parts.second)}`
}

/** Parses an ISO 8601 timestamp only when it carries an offset or `Z`; naive values are rejected (null). */
export function parseZonedIso(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value)) return null
  const ms = Date.parse(value)
  return Number.isFinite(ms) ? ms : null
}

/** A human duration, rounded to what a reader needs: `850 ms`, `45 s`, `2 min 5 s`, `1 h 3 min`. */
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

/** A configured time budget, exact to a tenth of a second: `250 ms`, `10 s`, `1.5 s`. */
export function formatTimeout(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`
}

/** `5400` s → "90 h"; from two days on, "3 days": the span of a retention or query limit. */
export function formatSpan(seconds: number): string {
  const hours = seconds / 3600
  if (hours < 48) return `${Math.round(hours)} h`
  return `${Math.round(hours / 24)} days`
}
