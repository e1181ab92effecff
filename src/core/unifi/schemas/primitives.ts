/**
 * Tolerant zod building blocks for controller JSON: numbers and booleans often arrive
 * as strings, geo objects as `false` or `[]`, and any field may be missing on some firmware. Each helper
 * yields `null` instead of failing, so one odd field never discards a record.
 */
import { z } from 'zod'

/** A number, or a numeric string (`"3.24"`, `"72 C"` keeps the leading number); anything else → null. */
export const looseNumber = z
  .unknown()
  .optional()
  .transform((value): number | null => toNumber(value))

/** A boolean, `"true"`/`"false"`, or 0/1; anything else → null. */
export const looseBoolean = z
  .unknown()
  .optional()
  .transform((value): boolean | null => toBoolean(value))

/** A non-empty string (numbers are stringified); anything else → null. */
export const looseString = z
  .unknown()
  .optional()
  .transform((value): string | null => toText(value))

/** A string or an array of strings (`catname`), joined with `, `; empty → null. */
export const stringOrList = z
  .unknown()
  .optional()
  .transform((value): string | null => {
    if (Array.isArray(value)) {
      const parts = value.map(toText).filter((part): part is string => part !== null)
      return parts.length > 0 ? parts.join(', ') : null
    }
    return toText(value)
  })

/** A plain object; `false`, `[]`, null and other non-objects become null (`srcipGeo`, `dstipGeo`). */
export const looseRecord = z
  .unknown()
  .optional()
  .transform((value): Record<string, unknown> | null => (isPlainObject(value) ? value : null))

export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'string') {
    const match = /^\s*(-?\d+(?:\.\d+)?)/.exec(value)
    if (match?.[1] === undefined) return null
    const parsed = Number(match[1])
    return Number.isFinite(parsed) ? parsed : null
  }
  return null
}

export function toBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value
  if (value === 1 || value === 0) return value === 1
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase()
    if (lower === 'true' || lower === '1') return true
    if (lower === 'false' || lower === '0') return false
  }
  return null
}

/** Longest controller text kept (messages, signatures, templates); longer ones end in an ellipsis. */
export const MAX_TEXT_CHARS = 4096
/** Longest controller name kept (devices, clients, sites, hostnames). */
export const MAX_NAME_CHARS = 256

/** `text` cut to `max` characters with an ellipsis; a 1 MB string from a controller never travels further. */
export function capText(text: string, max: number = MAX_TEXT_CHARS): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/** Like `toText`, capped at the name length. */
export function toName(value: unknown): string | null {
  const text = toText(value)
  return text === null ? null : capText(text, MAX_NAME_CHARS)
}

export function toText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : capText(value)
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
