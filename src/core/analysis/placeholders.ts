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
  'connected_to',
  'event_type',
  'message',
  'named_message',
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
  'wan_iface',
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
    case 'connected_to':
      // Wired client events name the network ("has connected to LAN") rather than a device.
      return (
        entry.deviceName ??
        entry.deviceMac ??
        firstRawText(raw, ['network', 'ssid', 'essid']) ??
        roleField(raw, ['NETWORK', 'WLAN', 'SSID'], 'name') ??
        'the network'
      )
    case 'event_type':
      return entry.eventType
    case 'message':
      return entry.message === '' ? null : entry.message
    case 'named_message':
      return entry.message === '' ? null : withDeviceName(entry)
    case 'subsystem':
      return entry.subsystem
    case 'timestamp':
      return formatUtc(entry.timestampMs)
    case 'ip':
      return entryAddress(entry)
    case 'user':
      return firstRawText(raw, ['admin', 'user', 'username']) ?? roleField(raw, ['ADMIN', 'USER'], 'name')
    case 'client_mac':
      return firstRawText(raw, ['user', 'client', 'sta', 'guest']) ?? roleField(raw, ['CLIENT', 'SRC_CLIENT'], 'id')
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
    case 'wan_iface':
      return firstRawText(raw, ['iface'])
    case 'policy':
      return roleField(raw, ['TRIGGER', 'POLICY'], 'name')
    case 'title': {
      const template = firstRawText(raw, ['title_raw', 'title'])
      return template === null ? null : renderSystemLogText(template, asRecord(raw['parameters']))
    }
  }
}

/** Roles that name who acted (an admin, a client, a source address), in the order their address is trusted. */
const ACTOR_ROLES = ['ADMIN', 'USER', 'SRC_CLIENT', 'CLIENT', 'SRC_IP', 'SOURCE_IP', 'CLIENT_IP', 'REMOTE_IP', 'IP']
/** Roles that name the device that logged the entry or the target; their address is never the actor's. */
const NOT_ACTOR_ROLE = /^(DEVICE|AP|SWITCH|GATEWAY|CONSOLE.*|UNIFI_DEVICE|DST.*|DEST.*|TARGET|TRIGGER|POLICY)$/
const IPV4 = /\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b/
const IPV6 = /^[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}$/i

function addressIn(text: string | null): string | null {
  if (text === null) return null
  if (IPV6.test(text) && text.includes('::')) return text
  return IPV4.exec(text)?.[0] ?? null
}

/**
 * The address an entry is about. Legacy events carry `ip`/`client_ip`/`src_ip`; v2 entries put it in whichever
 * role the firmware chose (`ADMIN.ip`, `SRC_CLIENT.ip`, an `IP` role whose id is the address, …), so every role
 * is read: the known actor roles first, then any other role that is not the logging device or the target, then
 * an address written in the message itself.
 */
function entryAddress(entry: LogEntry): string | null {
  const raw = entry.raw
  const legacy = firstRawText(raw, ['ip', 'client_ip', 'src_ip'])
  if (legacy !== null) return legacy
  const parameters = asRecord(raw['parameters'])
  if (parameters) {
    const others = Object.keys(parameters).filter((role) => !ACTOR_ROLES.includes(role) && !NOT_ACTOR_ROLE.test(role))
    for (const role of [...ACTOR_ROLES, ...others]) {
      const value = asRecord(parameters[role])
      if (!value) continue
      const address = addressIn(firstRawText(value, ['ip'])) ?? addressIn(firstRawText(value, ['id', 'name']))
      if (address !== null) return address
    }
  }
  return addressIn(entry.message)
}

/** The message with the device's MAC replaced by its name, when the entry has both ("AP[Lobby AP] upgrade failed"). */
function withDeviceName(entry: LogEntry): string {
  const { deviceMac, deviceName, message } = entry
  if (deviceMac === null || deviceName === null || deviceName === deviceMac) return message
  const hex = deviceMac.replace(/[^0-9a-f]/gi, '')
  if (hex.length !== 12) return message
  const spelled = new RegExp((hex.match(/../g) ?? []).join('[:-]?'), 'gi')
  return message.replace(spelled, deviceName)
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
