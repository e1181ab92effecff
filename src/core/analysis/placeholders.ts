/**
 * Template placeholders of the event rules. Every placeholder renders a
 * plain string; a missing or null value renders "Unknown" (the earlier code printed "None" for null).
 * v2 system-log entries carry the same facts inside `parameters`, so each lookup also reads the roles.
 */
import type { LogEntry } from './model.js'
import { ScannerError } from '../errors.js'
import { renderSystemLogText } from './log-entry.js'
import { asRecord, firstRawText, rawNumber } from './normalise-values.js'

export const UNKNOWN = 'Unknown'

export const PLACEHOLDER_NAMES = [
  'device_name',
  'device_mac',
  'event_type',
  'message',
  'subsystem',
  'timestamp',
  'ip',
  'user',
  'client_mac',
  'client_name',
  'radio_from',
  'radio_to',
  'radio_from_display',
  'radio_to_display',
  'channel_from',
  'channel_to',
  'ap_from',
  'ap_to',
  'ap_from_name',
  'ap_to_name',
  'rssi',
  'rssi_quality',
  'ssid',
  'port',
  'policy',
  'title',
] as const
export type PlaceholderName = (typeof PLACEHOLDER_NAMES)[number]

const RADIO_NAMES: Record<string, string> = { ng: '2.4GHz', na: '5GHz', '6e': '6GHz' }
const PORT_IN_MESSAGE = /\bport\s*#?\s*(\d{1,3})\b/i

/** Signal quality band for an RSSI in dBm. */
export function rssiQuality(rssi: number | null): string {
  if (rssi === null) return UNKNOWN
  if (rssi >= -50) return 'Excellent'
  if (rssi >= -60) return 'Good'
  if (rssi >= -70) return 'Fair'
  if (rssi >= -80) return 'Poor'
  return 'Very Poor'
}

/** `ng` → 2.4GHz, `na` → 5GHz, `6e` → 6GHz, other codes as given, missing → Unknown. */
export function radioDisplayName(code: string | null): string {
  if (code === null) return UNKNOWN
  return RADIO_NAMES[code.toLowerCase()] ?? code
}

/** RSSI in dBm from `rssi` or `signal`; a negative value wins because UniFi's positive `rssi` is not dBm. */
export function entryRssi(raw: Record<string, unknown>): number | null {
  const candidates = [rawNumber(raw, 'rssi'), rawNumber(raw, 'signal')].filter((value) => value !== null)
  return candidates.find((value) => value < 0) ?? candidates[0] ?? null
}

/** Reads one placeholder of an entry; null when the entry does not carry it. */
export function placeholderValue(entry: LogEntry, name: PlaceholderName): string | null {
  const raw = entry.raw
  switch (name) {
    case 'device_name':
      return entry.deviceName ?? entry.deviceMac ?? 'Unknown device'
    case 'device_mac':
      return entry.deviceMac
    case 'event_type':
      return entry.eventType
    case 'message':
      return entry.message === '' ? null : entry.message
    case 'subsystem':
      return entry.subsystem
    case 'timestamp':
      return formatUtc(entry.timestampMs)
    case 'ip':
      return (
        firstRawText(raw, ['ip', 'client_ip', 'src_ip']) ??
        roleField(raw, ['ADMIN', 'SRC_CLIENT', 'CLIENT', 'SRC_IP'], 'ip') ??
        // v2 admin-login entries carry the address as an `IP` role whose id (or name) is the address itself.
        roleField(raw, ['IP'], 'id') ??
        roleField(raw, ['IP'], 'name')
      )
    case 'user':
      return firstRawText(raw, ['admin', 'user', 'username']) ?? roleField(raw, ['ADMIN', 'USER'], 'name')
    case 'client_mac':
      return firstRawText(raw, ['user', 'client', 'sta']) ?? roleField(raw, ['CLIENT', 'SRC_CLIENT'], 'id')
    case 'client_name':
      return firstRawText(raw, ['hostname', 'name']) ?? roleField(raw, ['CLIENT', 'SRC_CLIENT'], 'name')
    case 'radio_from':
    case 'radio_to':
      return firstRawText(raw, [name])
    case 'radio_from_display':
      return radioDisplayName(firstRawText(raw, ['radio_from']))
    case 'radio_to_display':
      return radioDisplayName(firstRawText(raw, ['radio_to']))
    case 'channel_from':
    case 'channel_to':
      return firstRawText(raw, [name, 'channel'])
    case 'ap_from':
    case 'ap_to':
      return firstRawText(raw, [name])
    case 'ap_from_name':
      return firstRawText(raw, ['ap_from_name', 'ap_from'])
    case 'ap_to_name':
      return firstRawText(raw, ['ap_to_name', 'ap_to'])
    case 'rssi': {
      const rssi = entryRssi(raw)
      return rssi === null ? null : String(rssi)
    }
    case 'rssi_quality':
      return rssiQuality(entryRssi(raw))
    case 'ssid':
      return firstRawText(raw, ['ssid', 'essid'])
    case 'port':
      return firstRawText(raw, ['port', 'port_idx', 'sw_port']) ?? PORT_IN_MESSAGE.exec(entry.message)?.[1] ?? null
    case 'policy':
      return roleField(raw, ['TRIGGER', 'POLICY'], 'name')
    case 'title': {
      const template = firstRawText(raw, ['title_raw', 'title'])
      return template === null ? null : renderSystemLogText(template, asRecord(raw['parameters']))
    }
  }
}

/** `parameters[ROLE][field]` of a v2 system-log entry, first role that has it. */
function roleField(raw: Record<string, unknown>, roles: readonly string[], field: string): string | null {
  const parameters = asRecord(raw['parameters'])
  if (!parameters) return null
  for (const role of roles) {
    const value = asRecord(parameters[role])
    const text = value ? firstRawText(value, [field]) : null
    if (text !== null) return text
  }
  return null
}

/** "YYYY-MM-DD HH:MM:SS UTC". */
export function formatUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

type Part = { text: string } | { name: PlaceholderName }
export type CompiledTemplate = (entry: LogEntry) => string

function isPlaceholderName(name: string): name is PlaceholderName {
  return (PLACEHOLDER_NAMES as readonly string[]).includes(name)
}

/**
 * Compiles `{name}` templates once, at rule definition time. An unknown placeholder throws at module load,
 * so a typo in a rule table can never reach a report as a literal `{nmae}`.
 */
export function compileTemplate(template: string): CompiledTemplate {
  const parts: Part[] = []
  let last = 0
  for (const match of template.matchAll(/\{([a-z_]+)\}/g)) {
    const name = match[1] ?? ''
    if (!isPlaceholderName(name)) {
      throw new ScannerError(
        'internal',
        'ANALYSIS_UNKNOWN_PLACEHOLDER',
        `Rule template uses unknown placeholder {${name}}: ${template}`,
      )
    }
    parts.push({ text: template.slice(last, match.index) }, { name })
    last = match.index + match[0].length
  }
  parts.push({ text: template.slice(last) })
  // Most remediation steps have no placeholder: return the text itself rather than rebuild it per finding.
  if (parts.length === 1) return () => template
  return (entry) => {
    let out = ''
    for (const part of parts) out += 'text' in part ? part.text : (placeholderValue(entry, part.name) ?? UNKNOWN)
    return out
  }
}
