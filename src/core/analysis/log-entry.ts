/**
 * Turns a collected event or alarm (legacy `stat/event`, alarms, v2 system log) into the normalised
 * LogEntry the rules read. The client has already validated the shapes; this fills what it could not know
 * (device references hidden in v2 `parameters`, rendered v2 messages) and flags unparseable timestamps.
 */
import type { LogEntry } from './model.js'
import type { CollectedEvent } from '../unifi/model.js'
import { EVENT_RAW_FIELDS } from '../unifi/event-raw-fields.js'
import { asRecord, firstRawText, isWellFormedMac, normaliseMac, normaliseTimestamp } from './normalise-values.js'

// The client keeps only EVENT_RAW_FIELDS of each record, so the lists read here come from there.
const LEGACY_MAC_FIELDS = EVENT_RAW_FIELDS.deviceMac
const LEGACY_NAME_FIELDS = EVENT_RAW_FIELDS.deviceName
const TIMESTAMP_FIELDS = EVENT_RAW_FIELDS.timestamps
/** v2 system-log roles that name the UniFi device an entry is about, most specific first. */
const DEVICE_ROLES = ['DEVICE', 'AP', 'SWITCH', 'GATEWAY', 'UNIFI_DEVICE'] as const
const PLACEHOLDER = /\{([A-Z0-9_]+)\}/g

/**
 * @param fallbackMs used as the entry's time when no timestamp parses (the entry is then flagged
 * `timestampUncertain`); the report window's start, never "now".
 */
export function toLogEntry(event: CollectedEvent, index: number, fallbackMs: number): LogEntry {
  const raw = event.raw
  const parameters = asRecord(raw['parameters'])
  const timestampMs = event.timestampMs ?? firstTimestamp(raw)
  const deviceRole = parameters ? findDeviceRole(parameters) : null
  const deviceMac =
    normaliseMac(event.deviceMac) ??
    normaliseMac(firstRawText(raw, LEGACY_MAC_FIELDS)) ??
    normaliseMac(deviceRole ? firstRawText(deviceRole, ['id', 'mac']) : null)
  const deviceName =
    nonEmpty(event.deviceName) ??
    firstRawText(raw, LEGACY_NAME_FIELDS) ??
    (deviceRole ? firstRawText(deviceRole, ['name', 'hostname']) : null) ??
    (parameters ? namedDevice(parameters) : null)
  return {
    id: event.id ?? `${event.origin}#${index}`,
    timestampMs: timestampMs ?? fallbackMs,
    timestampUncertain: timestampMs === null,
    origin: event.origin,
    eventType: nonEmpty(event.key) ?? nonEmpty(event.event) ?? 'UNKNOWN',
    message: nonEmpty(event.message) ?? systemLogMessage(raw, parameters) ?? '',
    deviceMac,
    deviceName,
    subsystem: event.subsystem ?? firstRawText(raw, ['subsystem']),
    raw,
  }
}

function firstTimestamp(raw: Record<string, unknown>): number | null {
  for (const field of TIMESTAMP_FIELDS) {
    const parsed = normaliseTimestamp(raw[field])
    if (parsed !== null) return parsed
  }
  return null
}

function findDeviceRole(parameters: Record<string, unknown>): Record<string, unknown> | null {
  for (const role of DEVICE_ROLES) {
    const value = asRecord(parameters[role])
    const id = value ? normaliseMac(firstRawText(value, ['id', 'mac'])) : null
    if (value && id !== null && isWellFormedMac(id)) return value
  }
  return null
}

/**
 * Roles that name the logging device without its MAC: firewall entries carry the console only as
 * `CONSOLE_NAME` (`{"id":"Lab-Gateway","name":"Lab-Gateway"}`), so the finding still names its device.
 */
const NAME_ONLY_ROLES = ['CONSOLE_NAME', 'CONSOLE', ...DEVICE_ROLES] as const

function namedDevice(parameters: Record<string, unknown>): string | null {
  for (const role of NAME_ONLY_ROLES) {
    const value = asRecord(parameters[role])
    const name = value ? firstRawText(value, ['name', 'hostname']) : null
    if (name !== null) return name
  }
  return null
}

/** Renders a v2 `message_raw` template: `{ROLE}` → the role's name, else its id; unknown roles stay as written. */
export function renderSystemLogText(template: string, parameters: Record<string, unknown> | null): string {
  return template.replace(PLACEHOLDER, (whole, role: string) => {
    const value = parameters ? asRecord(parameters[role]) : null
    return (value && firstRawText(value, ['name', 'id'])) ?? whole
  })
}

function systemLogMessage(raw: Record<string, unknown>, parameters: Record<string, unknown> | null): string | null {
  const template = firstRawText(raw, ['message_raw', 'msg', 'title_raw'])
  return template === null ? null : renderSystemLogText(template, parameters)
}

function nonEmpty(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}
