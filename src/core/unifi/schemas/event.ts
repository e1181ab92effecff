/**
 * Event-like records: legacy `stat/event` / `list/alarm` / `stat/alarm` and v2 `system-log`
 * entries.
 * Unknown keys are normal and kept; only the fields the client reads are typed here.
 */
import { z } from 'zod'
import { isPlainObject, looseNumber, looseRecord, looseString, toName, toNumber, toText } from './primitives.js'

export const legacyEventSchema = z.object({
  _id: looseString,
  key: looseString,
  subsystem: looseString,
  msg: looseString,
  time: z.unknown().optional(),
  timestamp: z.unknown().optional(),
  datetime: z.unknown().optional(),
})
export type LegacyEventRecord = z.infer<typeof legacyEventSchema>

/** One role of a system-log entry (`SRC_CLIENT`, `DST_IP`, `DEVICE`, …): an IP for IP roles, a MAC for others. */
export interface SystemLogParameter {
  id: string | null
  name: string | null
  ip: string | null
}

/**
 * Reads one role from `parameters`. The roles are read on demand rather than validated up front: entries
 * carry several nested objects each and the system log is the largest list the client reads.
 */
export function roleOf(parameters: Record<string, unknown> | null, ...roles: string[]): SystemLogParameter | null {
  for (const role of roles) {
    const value = parameters?.[role]
    if (isPlainObject(value)) return { id: toName(value.id), name: toName(value.name), ip: toName(value.ip) }
  }
  return null
}

export const systemLogEntrySchema = z.object({
  id: looseString,
  category: looseString,
  subcategory: looseString,
  event: looseString,
  key: looseString,
  type: looseString,
  severity: looseString,
  timestamp: looseNumber,
  title_raw: looseString,
  message_raw: looseString,
  parameters: looseRecord,
})
export type SystemLogEntry = z.infer<typeof systemLogEntrySchema>

/**
 * `systemLogEntrySchema.safeParse(input).data` without zod's per-field bookkeeping: the system log is the
 * largest list the client reads (100 000+ entries a window), and the schema's intermediate objects were a
 * large share of the collection's garbage. Same fields, same loose conversions; null when not an object.
 */
export function readSystemLogEntry(input: unknown): SystemLogEntry | null {
  if (!isPlainObject(input)) return null
  return {
    id: toText(input.id),
    category: toText(input.category),
    subcategory: toText(input.subcategory),
    event: toText(input.event),
    key: toText(input.key),
    type: toText(input.type),
    severity: toText(input.severity),
    timestamp: toNumber(input.timestamp),
    title_raw: toText(input.title_raw),
    message_raw: toText(input.message_raw),
    parameters: isPlainObject(input.parameters) ? input.parameters : null,
  }
}

/** A v2 page: `{data, total_page_count, …}`, sometimes wrapped in a one-element list by proxies. */
export const v2PageSchema = z.object({
  data: z.array(z.unknown()),
  total_page_count: looseNumber,
  total_element_count: looseNumber,
  has_next: z.unknown().optional(),
})
export type V2Page = z.infer<typeof v2PageSchema>

export const looseRecordSchema = looseRecord
