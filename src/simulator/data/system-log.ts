/**
 * v2 `system-log` entries (shape of unifi-mcp's `system_log_events_response.json`): the same events and
 * threats the legacy endpoints serve, rewritten as `{category, event, key, severity, message_raw,
 * parameters}` with `{ROLE}` placeholders. Threat entries carry no signature, as on real consoles.
 */
import type { JsonRecord } from './device-builders.js'
import type { EventKind, LogSeverity } from './event-kinds.js'
import { objectId } from './prng.js'
import type { SiteContext } from './site-context.js'
import type { ThreatFacts } from './threats.js'

const SUBCATEGORY: Record<string, string> = {
  // Rogue devices, firewall blocks and admin logins; IPS threat entries set SECURITY_INTRUSION_PREVENTION themselves.
  SECURITY: 'SECURITY_NETWORK',
  UNIFI_DEVICES: 'DEVICE_STATUS',
  SOFTWARE_UPDATES: 'SOFTWARE_UPDATE',
  VPN: 'VPN_CONNECTIVITY',
  POWER: 'POWER_POE',
  UNIFI_ETHERNET_PORTS: 'ETHERNET_PORT',
  CLIENT_DEVICES: 'CLIENT_CONNECTIVITY',
  INTERNET_AND_WAN: 'INTERNET_CONNECTIVITY',
  AUDIT: 'AUDIT_ADMIN_ACTIVITY',
  UNKNOWN: 'UNKNOWN',
}

function str(record: JsonRecord, field: string): string {
  const value = record[field]
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''
}

/** Device role parameter from whichever of ap/sw/gw the legacy record names. */
const DEVICE_FIELDS = [
  ['ap', 'AP'],
  ['sw', 'SWITCH'],
  ['gw', 'GATEWAY'],
] as const

function deviceParam(record: JsonRecord): { param: JsonRecord; token: string } | null {
  for (const [field, token] of DEVICE_FIELDS) {
    const mac = str(record, field)
    if (mac)
      return { param: { id: mac, name: str(record, `${field}_name`), model: str(record, `${field}_model`) }, token }
  }
  return null
}

const CLIENT_FAMILIES = new Set([
  'wifi-connect',
  'wifi-disconnect',
  'wired-connect',
  'wired-disconnect',
  'client-blocked',
  'roam',
  'roam-radio',
])

export function eventLogEntry(ctx: SiteContext, kind: EventKind, record: JsonRecord): JsonRecord {
  const parameters: Record<string, JsonRecord> = {}
  const device = CLIENT_FAMILIES.has(kind.family) ? null : deviceParam(record)
  if (device) parameters.DEVICE = device.param
  const clientMac = str(record, 'user') || str(record, 'guest')
  if (clientMac) parameters.CLIENT = { id: clientMac, name: str(record, 'hostname'), hostname: str(record, 'hostname') }
  let message = str(record, 'msg').replace(/\b(AP|Switch|Gateway)\[[^\]]*\]/, device ? '{DEVICE}' : '$&')
  let key = device ? `${kind.event}_${device.token}` : kind.event
  switch (kind.family) {
    case 'wifi-connect':
    case 'wifi-disconnect':
    case 'roam-radio':
      parameters.AP = { id: str(record, 'ap'), name: str(record, 'ap_name') }
      message =
        kind.family === 'wifi-connect'
          ? '{CLIENT} has connected to {AP}.'
          : kind.family === 'wifi-disconnect'
            ? '{CLIENT} has disconnected from {AP}.'
            : '{CLIENT} changed band on {AP}.'
      key = `${kind.event}_WIRELESS`
      break
    case 'wired-connect':
    case 'wired-disconnect':
    case 'client-blocked':
      message =
        kind.family === 'wired-connect'
          ? '{CLIENT} has connected to LAN.'
          : kind.family === 'wired-disconnect'
            ? '{CLIENT} has disconnected from LAN.'
            : '{CLIENT} has been blocked.'
      key = kind.family === 'client-blocked' ? kind.event : `${kind.event}_WIRED`
      break
    case 'roam':
      parameters.AP_FROM = { id: str(record, 'ap_from'), name: str(record, 'ap_from_name') }
      parameters.AP_TO = { id: str(record, 'ap_to'), name: str(record, 'ap_to_name') }
      message = '{CLIENT} roamed from {AP_FROM} to {AP_TO}.'
      break
    case 'admin-login':
    case 'admin-failed':
    case 'config':
      parameters.ADMIN = { id: str(record, 'admin'), name: str(record, 'admin') }
      parameters.IP = { id: str(record, 'ip'), name: str(record, 'ip') }
      message = message.replace(/Admin\[[^\]]*\]/, '{ADMIN}').replace(str(record, 'ip'), '{IP}')
      break
    case 'poe':
      parameters.PORT = { id: str(record, 'port'), name: `Port ${str(record, 'port')}` }
      message = message.replace(/port \d+/, '{PORT}')
      break
    default:
      break
  }
  return {
    id: str(record, '_id'),
    category: kind.category,
    subcategory: SUBCATEGORY[kind.category] ?? 'UNKNOWN',
    type: kind.category === 'CLIENT_DEVICES' ? 'CLIENT_ACTIVITY' : 'DEVICE_ACTIVITY',
    event: kind.event,
    key,
    severity: kind.severity,
    show_on_dashboard: kind.severity !== 'LOW',
    timestamp: record.time,
    title_raw: kind.title,
    message_raw: message,
    target: device ? 'DEVICE' : clientMac ? 'CLIENT' : 'ADMIN',
    parameters,
    site_id: ctx.siteId,
  }
}

export function threatSeverity(t: ThreatFacts): LogSeverity {
  if (t.signature.severity === 1) return t.inbound ? 'VERY_HIGH' : 'HIGH'
  return t.signature.severity === 2 ? 'MEDIUM' : 'LOW'
}

export function threatLogEntry(ctx: SiteContext, gateway: JsonRecord | null, t: ThreatFacts): JsonRecord {
  const client = { id: t.internal.mac, name: t.internal.name, hostname: t.internal.hostname, ip: t.internal.ip }
  const remote = { id: t.external.ip, name: t.external.ip, not_actionable: true }
  const parameters: Record<string, JsonRecord> = t.inbound
    ? { SRC_IP: remote, DST_CLIENT: client }
    : { SRC_CLIENT: client, DST_IP: remote }
  if (gateway) parameters.DEVICE = gateway
  const from = t.inbound ? '{SRC_IP}' : '{SRC_CLIENT}'
  const to = t.inbound ? '{DST_CLIENT}' : '{DST_IP}'
  return {
    id: objectId(ctx.seed, 0x5ec, t.index),
    category: 'SECURITY',
    subcategory: 'SECURITY_INTRUSION_PREVENTION',
    type: 'THREAT_DETECTION_AND_PREVENTION',
    // Captures only show THREAT_DETECTED; whether it was blocked is in the key, title and message.
    event: 'THREAT_DETECTED',
    key: `${t.blocked ? 'THREAT_BLOCKED' : 'THREAT_DETECTED'}_${t.inbound ? 'EXTERNAL_SOURCE' : 'KNOWN_SOURCE_CLIENT'}`,
    severity: threatSeverity(t),
    show_on_dashboard: true,
    timestamp: t.timeMs,
    title_raw: t.blocked ? 'Threat Blocked' : 'Threat Detected',
    message_raw: `A network intrusion attempt from ${from} to ${to} has been ${t.blocked ? 'blocked' : 'detected'}.`,
    target: 'DEVICE',
    parameters,
    site_id: ctx.siteId,
  }
}
