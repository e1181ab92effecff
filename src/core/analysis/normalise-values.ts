/**
 * Value normalisers shared by every event source: timestamps, MAC addresses and loosely typed raw fields.
 * Controllers mix epoch seconds, epoch milliseconds and ISO strings, and MACs arrive in dash or colon form.
 */

/** Epoch values above this are milliseconds; below, seconds (1e12 ms ≈ 2001-09-09, 1e12 s is far future). */
const MS_THRESHOLD = 1e12
const ISO_WITH_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?/
const MAC_SIX_OCTETS = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/

/**
 * Parses a timestamp into epoch ms (UTC). Numbers (or numeric strings) above 1e12 are ms, else seconds;
 * ISO strings without an offset are read as UTC. Returns null when the value cannot be parsed, so the
 * caller can flag the entry instead of stamping it "now".
 */
export function normaliseTimestamp(value: unknown): number | null {
  if (typeof value === 'number') return epochToMs(value)
  if (typeof value !== 'string') return null
  const text = value.trim()
  if (text === '') return null
  if (/^-?\d+(\.\d+)?$/.test(text)) return epochToMs(Number(text))
  if (!ISO_DATE_TIME.test(text)) return null
  const isoText = ISO_WITH_ZONE.test(text) ? text : `${text.replace(' ', 'T')}${text.length > 10 ? 'Z' : 'T00:00:00Z'}`
  const parsed = Date.parse(isoText)
  return Number.isFinite(parsed) ? parsed : null
}

function epochToMs(value: number): number | null {
  if (!Number.isFinite(value) || value <= 0) return null
  return value > MS_THRESHOLD ? Math.round(value) : Math.round(value * 1000)
}

/**
 * Lower-case, colon-separated MAC. A value that is not six hex octets after normalising is returned
 * trimmed but otherwise unchanged, because dropping it would lose the only device reference we have.
 */
export function normaliseMac(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  if (trimmed === '') return null
  const candidate = trimmed.toLowerCase().replace(/-/g, ':')
  return MAC_SIX_OCTETS.test(candidate) ? candidate : trimmed
}

export function isWellFormedMac(value: string): boolean {
  return MAC_SIX_OCTETS.test(value)
}

/** A non-empty trimmed string from a raw field, or null (numbers are stringified: channels arrive both ways). */
export function rawText(raw: Record<string, unknown>, key: string): string | null {
  const value = raw[key]
  if (typeof value === 'string') {
    const trimmed = value.trim()
    return trimmed === '' ? null : trimmed
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}

/** The first non-empty raw field among `keys`. */
export function firstRawText(raw: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = rawText(raw, key)
    if (value !== null) return value
  }
  return null
}

/** A finite number from a raw field that may be a number or a numeric string. */
export function rawNumber(raw: Record<string, unknown>, key: string): number | null {
  const value = raw[key]
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value.trim())
    return Number.isFinite(parsed) ? parsed : null
  }
  return null
}

export function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}
