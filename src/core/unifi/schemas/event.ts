/**
 * Event-like records: legacy `stat/event` / alarms (§11.6, §11.8) and v2 system-log entries (§11.7).
 * Unknown keys are normal and kept; only the fields the client reads are typed here.
 */
import { z } from 'zod'
import { looseNumber, looseRecord, looseString } from './primitives.js'

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

const parameter = z.object({ id: looseString, name: looseString, ip: looseString })
export type SystemLogParameter = z.infer<typeof parameter>

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
  parameters: z
    .record(z.string(), parameter.catch({ id: null, name: null, ip: null }))
    .catch({})
    .optional(),
})
export type SystemLogEntry = z.infer<typeof systemLogEntrySchema>

/** A v2 page: `{data, total_page_count, …}`, sometimes wrapped in a one-element list by proxies. */
export const v2PageSchema = z.object({
  data: z.array(z.unknown()),
  total_page_count: looseNumber,
  total_element_count: looseNumber,
  has_next: z.unknown().optional(),
})
export type V2Page = z.infer<typeof v2PageSchema>

export const looseRecordSchema = looseRecord
