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

/** Indexed lazily (most runs have no IPS alert events): one string per threat, three lookups per alert. */
export function createThreatCoverage(threats: readonly CollectedThreat[]): ThreatCoverage {
  let index: Set<string> | null = null
  const key = (srcIp: string | null, dstIp: string | null, minute: number): string =>
    `${srcIp ?? ''}|${dstIp ?? ''}|${minute}`
  return {
    covers(entry) {
      if (threats.length === 0) return false
      index ??= new Set(
        threats.map((threat) => key(threat.srcIp, threat.dstIp, Math.floor(threat.timestampMs / MINUTE_MS))),
      )
      const { srcIp, dstIp } = alertAddresses(entry.raw)
      const minute = Math.floor(entry.timestampMs / MINUTE_MS)
      // Neighbouring minutes too: the event and the threat record may be stamped a few seconds apart.
      return (
        index.has(key(srcIp, dstIp, minute)) ||
        index.has(key(srcIp, dstIp, minute - 1)) ||
        index.has(key(srcIp, dstIp, minute + 1))
      )
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
