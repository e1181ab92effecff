/** Display helpers. The window shows times in the viewer's locale; reports carry their own timezone. */

const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

export function formatDateTime(value: string | number): string {
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? String(value) : DATE_TIME.format(date)
}

/** "12 s", "1 min 05 s", "2 h 03 min": short enough for a card, exact enough for a countdown. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000))
  if (totalSeconds < 60) return `${totalSeconds} s`
  const minutes = Math.floor(totalSeconds / 60)
  const seconds = totalSeconds % 60
  if (minutes < 60) return `${minutes} min ${String(seconds).padStart(2, '0')} s`
  const hours = Math.floor(minutes / 60)
  return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`
}

/** "just now", "3 min ago": for last success / last check. */
export function formatAgo(at: number, now: number): string {
  const ms = now - at
  if (ms < 5000) return 'just now'
  return `${formatDuration(ms)} ago`
}

export function formatLatency(ms: number | null): string {
  if (ms === null) return '—'
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
}

/**
 * A configured limit as the admin typed it in the settings: "30 s", "60 s", "90.5 s", "5 min" (not the countdown's
 * "1 min 00 s", which reads as a measurement).
 */
export function formatLimit(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  const seconds = ms / 1000
  if (seconds >= 120 && seconds % 60 === 0) return `${seconds / 60} min`
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`
}

const CLOCK = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' })
const SHORT_DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' })

/** A moment on a card: the time with seconds when it was today, else the date too. */
export function formatWhen(at: number, now: number): string {
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString()
  return (sameDay ? CLOCK : SHORT_DATE_TIME).format(new Date(at))
}
