/**
 * The three threat sources → CollectedThreat. Legacy IPS records and traffic flows
 * carry the signature; system-log entries only say "a threat was detected" between two parties.
 */
import type { CollectedThreat, ThreatOrigin } from '../model.js'
import { countryOf, directionOf, normaliseAction } from '../normalise.js'
import { recordTimestampMs } from '../normalise.js'
import { roleOf, type SystemLogEntry } from '../schemas/event.js'
import { isPlainObject } from '../schemas/primitives.js'
import { legacyIpsSchema, trafficFlowSchema } from '../schemas/threat.js'
import { renderSystemLogText } from './events.js'
import { parseIpsMessage } from './ips-message.js'

export function parseLegacyIps(input: unknown, origin: ThreatOrigin = 'stat/ips/event'): CollectedThreat | null {
  if (!isPlainObject(input)) return null
  const parsed = legacyIpsSchema.safeParse(input)
  if (!parsed.success) return null
  const record = parsed.data
  const timestampMs = recordTimestampMs(input)
  if (timestampMs === null) return null
  const nested = record.inner_alert ?? null
  const text = parseIpsMessage(record.msg)
  const srcIp = record.src_ip ?? text?.srcIp ?? null
  const dstIp = record.dest_ip ?? text?.dstIp ?? null
  return {
    origins: [origin],
    timestampMs,
    srcIp,
    srcPort: record.src_port ?? text?.srcPort ?? null,
    dstIp,
    dstPort: record.dest_port ?? text?.dstPort ?? null,
    protocol: (record.proto ?? text?.protocol)?.toUpperCase() ?? null,
    signature: record.inner_alert_signature ?? nested?.signature ?? text?.signature ?? '',
    signatureId: record.inner_alert_signature_id ?? nested?.signature_id ?? null,
    category: record.catname,
    severity: record.inner_alert_severity ?? nested?.severity ?? text?.severity ?? null,
    action: normaliseAction(record.inner_alert_action ?? nested?.action),
    srcCountry: countryOf(record.srcipCountry, record.srcipGeo),
    dstCountry: countryOf(record.dstipCountry, record.dstipGeo),
    direction: directionOf(srcIp, dstIp, null, record.usgip),
    classtype: record.inner_alert_category ?? nested?.category ?? text?.classtype ?? null,
    message: record.msg,
  }
}

const RISK_SEVERITY: Record<string, number> = { high: 1, critical: 1, medium: 2, low: 3 }

/** A traffic flow is a threat when it has an `ips` object or a THREAT/IDS/IPS policy. */
export function parseTrafficFlowThreat(input: unknown): CollectedThreat | null {
  const parsed = trafficFlowSchema.safeParse(input)
  if (!parsed.success) return null
  const flow = parsed.data
  const ips = flow.ips ?? null
  const threatPolicy = (flow.policies ?? []).some((policy) =>
    /THREAT|IDS|IPS|INTRUSION/i.test(`${policy.type ?? ''} ${policy.internal_type ?? ''}`),
  )
  if (ips === null && !threatPolicy) return null
  // `time` is when the flow ended; the alert belongs to when it started.
  const timestampMs = flow.flow_start_time ?? flow.time
  if (timestampMs === null) return null
  const text = parseIpsMessage(ips?.advanced_information)
  const srcIp = flow.source?.ip ?? text?.srcIp ?? null
  const dstIp = flow.destination?.ip ?? text?.dstIp ?? null
  return {
    origins: ['traffic-flows'],
    timestampMs,
    srcIp,
    srcPort: flow.source?.port ?? text?.srcPort ?? null,
    dstIp,
    dstPort: flow.destination?.port ?? text?.dstPort ?? null,
    protocol: (flow.protocol ?? text?.protocol)?.toUpperCase() ?? null,
    signature: ips?.signature ?? text?.signature ?? '',
    signatureId: ips?.signature_id ?? null,
    category: ips?.ips_category ?? null,
    severity: text?.severity ?? RISK_SEVERITY[flow.risk?.toLowerCase() ?? ''] ?? null,
    action: normaliseAction(flow.action),
    srcCountry: flow.source?.region?.toUpperCase() ?? null,
    dstCountry: flow.destination?.region?.toUpperCase() ?? null,
    direction: directionOf(srcIp, dstIp, flow.direction),
    classtype: ips?.category_name ?? text?.classtype ?? null,
    message: ips?.advanced_information ?? null,
  }
}

const SEVERITY_LEVEL: Record<string, number> = { VERY_HIGH: 1, CRITICAL: 1, HIGH: 1, MEDIUM: 2, LOW: 3 }

/** System-log `SECURITY` entries about intrusion prevention (`THREAT_DETECTED`, `THREAT_BLOCKED`, …). */
export function isSystemLogThreat(entry: SystemLogEntry): boolean {
  if (entry.category?.toUpperCase() !== 'SECURITY') return false
  // Rogue APs, rogue DHCP servers and firewall blocks share the SECURITY category but are not IPS threats.
  if (entry.subcategory?.toUpperCase() === 'SECURITY_INTRUSION_PREVENTION') return true
  const text = `${entry.event ?? ''} ${entry.key ?? ''}`.toUpperCase()
  return text.includes('THREAT') || text.includes('INTRUSION')
}

export function systemLogThreat(entry: SystemLogEntry): CollectedThreat | null {
  if (entry.timestamp === null) return null
  const source = roleOf(entry.parameters, 'SRC_CLIENT', 'SRC_IP', 'CLIENT')
  const destination = roleOf(entry.parameters, 'DST_IP', 'DST_CLIENT')
  const srcIp = source?.ip ?? ipLike(source?.id)
  const dstIp = destination?.ip ?? ipLike(destination?.id)
  const blocked = /BLOCK|PREVENT/i.test(`${entry.event ?? ''} ${entry.key ?? ''}`)
  return {
    origins: ['system-log'],
    timestampMs: entry.timestamp,
    srcIp,
    srcPort: null,
    dstIp,
    dstPort: null,
    protocol: null,
    signature: '',
    signatureId: null,
    category: null,
    severity: SEVERITY_LEVEL[entry.severity?.toUpperCase() ?? ''] ?? null,
    action: blocked ? 'block' : 'alert',
    srcCountry: null,
    dstCountry: null,
    direction: directionOf(srcIp, dstIp),
    classtype: null,
    message: renderSystemLogText(entry),
  }
}

function ipLike(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  return /^[\d.]+$/.test(value) || (value.includes(':') && !/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i.test(value))
    ? value
    : null
}
