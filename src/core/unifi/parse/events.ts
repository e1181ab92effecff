/**
 * Legacy events/alarms and v2 system-log entries → CollectedEvent. System-log text has `{ROLE}`
 * placeholders; they are filled from `parameters[ROLE].name`, else `.id`, else kept.
 */
import type { CollectedEvent } from '../model.js'
import { normaliseMac, recordTimestampMs } from '../normalise.js'
import { legacyEventSchema, readSystemLogEntry, roleOf, type SystemLogEntry } from '../schemas/event.js'
import { capText, isPlainObject, toName } from '../schemas/primitives.js'
import { DEVICE_MAC_FIELDS, DEVICE_NAME_FIELDS, slimEventRaw } from '../event-raw-fields.js'
import { intern } from '../intern.js'

export function parseLegacyEvent(
  input: unknown,
  origin: CollectedEvent['origin'],
  kind: CollectedEvent['kind'],
): CollectedEvent | null {
  const parsed = legacyEventSchema.safeParse(input)
  if (!parsed.success || !isPlainObject(input)) return null
  const record = parsed.data
  // Without a key or a message the record says nothing a reader could act on: a shape we do not know.
  if (record.key === null && record.msg === null) return null
  return {
    origin,
    kind,
    id: record._id,
    key: intern(record.key ?? 'UNKNOWN'),
    category: null,
    event: null,
    severity: null,
    timestampMs: recordTimestampMs(input),
    message: record.msg ?? record.key ?? '',
    subsystem: intern(record.subsystem),
    deviceMac: normaliseMac(firstText(input, DEVICE_MAC_FIELDS)),
    deviceName: firstText(input, DEVICE_NAME_FIELDS),
    raw: input,
  }
}

export function parseSystemLogEntry(
  input: unknown,
  origin: CollectedEvent['origin'],
  kind: CollectedEvent['kind'],
): CollectedEvent | null {
  const entry = parseSystemLogRecord(input)
  return entry === null || !isPlainObject(input) ? null : systemLogEvent(entry, input, origin, kind)
}

/** An already validated system-log entry → CollectedEvent (`raw` keeps what the analysis reads of the original). */
export function systemLogEvent(
  entry: SystemLogEntry,
  raw: Record<string, unknown>,
  origin: CollectedEvent['origin'],
  kind: CollectedEvent['kind'],
): CollectedEvent {
  const device = roleOf(entry.parameters, 'DEVICE', 'AP', 'SWITCH', 'GATEWAY')
  return {
    origin,
    kind,
    id: entry.id,
    key: intern(entry.key ?? entry.event ?? 'UNKNOWN'),
    category: intern(entry.category),
    event: intern(entry.event),
    severity: intern(entry.severity?.toUpperCase() ?? null),
    timestampMs: entry.timestamp,
    message: renderSystemLogText(entry),
    subsystem: intern(entry.subcategory),
    deviceMac: intern(normaliseMac(device?.id)),
    deviceName: intern(device?.name ?? null),
    raw: slimEventRaw(raw),
  }
}

/** A system-log entry, or null when the record is not one (not an object, or no key, event nor text). */
export function parseSystemLogRecord(input: unknown): SystemLogEntry | null {
  const entry = readSystemLogEntry(input)
  if (entry === null) return null
  if (entry.key === null && entry.event === null && entry.message_raw === null && entry.title_raw === null) return null
  return entry
}

/** `message_raw` (or `title_raw`) with `{ROLE}` placeholders filled in. */
export function renderSystemLogText(entry: SystemLogEntry): string {
  const template = entry.message_raw ?? entry.title_raw ?? entry.key ?? ''
  return capText(
    template.replace(/\{([A-Z0-9_]+)\}/g, (placeholder, role: string) => {
      const parameter = roleOf(entry.parameters, role)
      return parameter?.name ?? parameter?.id ?? placeholder
    }),
  )
}

function firstText(record: Record<string, unknown>, fields: readonly string[]): string | null {
  for (const field of fields) {
    const value = toName(record[field])
    if (value !== null) return value
  }
  return null
}
