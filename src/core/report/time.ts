/**
 * Timezone-aware date formatting for reports and file names. Every date a reader sees is shown in the
 * configured IANA timezone ("Jan 24, 2026 at 2:30 PM EST"), and every stored timestamp
 * carries its offset so it can never be read back as naive.
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
  zoneName: string
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

// Building an Intl formatter costs far more than using one; reports format thousands of dates.
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
      timeZoneName: 'short',
    })
    formatters.set(timeZone, formatter)
  }
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

/** "Jan 24, 2026 at 2:30 PM EST" */
export function formatDateTime(ms: number, timeZone: string): string {
  const parts = zonedParts(ms, timeZone)
  return `${MONTHS[parts.month - 1]} ${parts.day}, ${parts.year} at ${clock12(parts)} ${parts.zoneName}`
}

/** "Jan 24 at 3:15 PM" — for occurrence summaries, where the year and zone are in the header already. */
export function formatShortDateTime(ms: number, timeZone: string): string {
  const parts = zonedParts(ms, timeZone)
  return `${MONTHS[parts.month - 1]} ${parts.day} at ${clock12(parts)}`
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

/** "1 h 5 min", "45 s", "850 ms" — durations in notes and progress labels. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  const seconds = Math.round(ms / 1000)
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`
}
