/**
 * IPS alerts reach us twice: as events/alarms (`EVT_IPS_IpsAlert`, v2 `THREAT_DETECTED`) and as threats
 * (`stat/ips/event`, traffic-flows, system log). Decision: the threat section is the single place for a
 * threat. An IPS alert event whose source, destination and minute match a collected threat produces no
 * rule finding (it is counted as covered); one the threat data lacks still becomes an `ips_alert`
 * finding, so an alert is never lost when the threat endpoints failed.
 */
import type { CollectedThreat } from '../unifi/model.js'
import type { LogEntry } from './model.js'
import { asRecord, firstRawText } from './normalise-values.js'

const MINUTE_MS = 60_000

export interface ThreatCoverage {
  covers(entry: LogEntry): boolean
}

function coverageKey(srcIp: string | null, dstIp: string | null, minute: number): string {
  return `${srcIp ?? ''}|${dstIp ?? ''}|${minute}`
}

export function createThreatCoverage(threats: readonly CollectedThreat[]): ThreatCoverage {
  const keys = new Set<string>()
  for (const threat of threats) {
    const minute = Math.floor(threat.timestampMs / MINUTE_MS)
    // Neighbouring minutes too: the event and the threat record may be stamped a few seconds apart.
    for (const offset of [-1, 0, 1]) keys.add(coverageKey(threat.srcIp, threat.dstIp, minute + offset))
  }
  return {
    covers(entry) {
      if (keys.size === 0) return false
      const { srcIp, dstIp } = alertAddresses(entry.raw)
      return keys.has(coverageKey(srcIp, dstIp, Math.floor(entry.timestampMs / MINUTE_MS)))
    },
  }
}

/** Source and destination of an IPS alert event: legacy flat fields, or v2 `parameters` roles. */
export function alertAddresses(raw: Record<string, unknown>): { srcIp: string | null; dstIp: string | null } {
  const parameters = asRecord(raw['parameters'])
  const role = (name: string, field: string): string | null => {
    const value = parameters ? asRecord(parameters[name]) : null
    return value ? firstRawText(value, [field]) : null
  }
  return {
    srcIp: firstRawText(raw, ['src_ip']) ?? role('SRC_CLIENT', 'ip') ?? role('SRC_IP', 'id'),
    dstIp: firstRawText(raw, ['dest_ip', 'dst_ip']) ?? role('DST_IP', 'id') ?? role('DST_CLIENT', 'ip'),
  }
}
