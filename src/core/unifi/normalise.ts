/**
 * Small value normalisers shared by the parsers: MAC addresses, timestamps in their three encodings,
 * actions, and traffic direction from addresses.
 */
import { isPlainObject, toNumber } from './schemas/primitives.js'

/** `AA-BB-CC-DD-EE-FF` / `aabb.ccdd.eeff` / `AA:BB:…` → `aa:bb:cc:dd:ee:ff`; other text unchanged (lower-cased). */
export function normaliseMac(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null
  const hex = value.replace(/[^0-9a-fA-F]/g, '')
  if (hex.length !== 12) return value.trim().toLowerCase()
  return (hex.toLowerCase().match(/../g) ?? []).join(':')
}

/** Epoch numbers above 1e12 are milliseconds, smaller ones seconds (legacy IPS `timestamp` is seconds, v2 is ms). */
export function epochToMs(value: unknown): number | null {
  const number = toNumber(value)
  if (number === null || number <= 0) return null
  return number > 1e12 ? Math.round(number) : Math.round(number * 1000)
}

/** First usable timestamp among `time` (ms), `timestamp` (s or ms) and `datetime` (ISO). */
export function recordTimestampMs(record: Record<string, unknown>): number | null {
  const fromNumber = epochToMs(record.time) ?? epochToMs(record.timestamp)
  if (fromNumber !== null) return fromNumber
  if (typeof record.datetime === 'string') {
    const parsed = Date.parse(record.datetime)
    return Number.isNaN(parsed) ? null : parsed
  }
  return null
}

/**
 * Actions vary by source and firmware (`blocked`, `BLOCK`, `allowed`, `ALLOW`, `drop`). The model's
 * vocabulary is lower-case `block`/`allow` plus whatever else the console said, lower-cased.
 */
export function normaliseAction(value: string | null | undefined, fallback = 'alert'): string {
  if (value === null || value === undefined || value.trim() === '') return fallback
  const lower = value.trim().toLowerCase()
  if (lower === 'blocked' || lower === 'block') return 'block'
  if (lower === 'allowed' || lower === 'allow') return 'allow'
  return lower
}

export function isPrivateIp(ip: string): boolean {
  if (ip.includes(':')) {
    const lower = ip.toLowerCase()
    return lower.startsWith('fc') || lower.startsWith('fd') || lower.startsWith('fe80') || lower === '::1'
  }
  const parts = ip.split('.').map(Number)
  if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part))) return false
  const [a = -1, b = -1] = parts
  return (
    a === 10 ||
    a === 127 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) ||
    (a === 100 && b >= 64 && b <= 127)
  )
}

export type Direction = 'inbound' | 'outbound' | 'internal' | 'unknown'

/**
 * Direction from the addresses first (they cannot lie), then from the console's own hint
 * (`incoming`/`outgoing`); `gatewayIp` is the WAN address of the gateway, which counts as "ours".
 */
export function directionOf(
  srcIp: string | null,
  dstIp: string | null,
  hint?: string | null,
  gatewayIp?: string | null,
): Direction {
  const inside = (ip: string | null): boolean | null =>
    ip === null ? null : isPrivateIp(ip) || (gatewayIp !== null && gatewayIp !== undefined && ip === gatewayIp)
  const src = inside(srcIp)
  const dst = inside(dstIp)
  if (src === false && dst === true) return 'inbound'
  if (src === true && dst === false) return 'outbound'
  if (src === true && dst === true) return 'internal'
  const lower = hint?.toLowerCase() ?? ''
  if (lower === 'incoming' || lower === 'inbound' || lower === 'download') return 'inbound'
  if (lower === 'outgoing' || lower === 'outbound' || lower === 'upload') return 'outbound'
  return 'unknown'
}

/** Country code from `srcipCountry` (string or `false`) or a geo object (`country_code`). */
export function countryOf(country: unknown, geo: unknown): string | null {
  if (typeof country === 'string' && country.trim() !== '') return country.trim().toUpperCase()
  if (isPlainObject(geo) && typeof geo.country_code === 'string' && geo.country_code !== '') {
    return geo.country_code.toUpperCase()
  }
  return null
}
