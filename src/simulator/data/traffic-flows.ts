/**
 * v2 `traffic-flows` records, shaped like unifi-mcp's `traffic_flows_response.json` plus the `ips` object
 * (`advanced_information`, `signature_id`, `category_name`). Network 9.x writes actions as `allowed`/`blocked`
 * and protocols upper-case; 10.x writes `ALLOW`/`BLOCK` and lower-case protocols, so parsers have to normalise both.
 */
import type { JsonRecord } from './device-builders.js'
import { mix, objectId } from './prng.js'
import type { SiteContext } from './site-context.js'
import { endpoints, ipsMessage, type ThreatFacts } from './threats.js'
import type { ClientRef } from './clients.js'

export type FlowStyle = 'v9' | 'v10'

const RISK = { 1: 'high', 2: 'medium', 3: 'low' } as const

function party(ip: string, port: number, client: ClientRef | null, region: string, ctx: SiteContext): JsonRecord {
  return {
    ip,
    port,
    mac: client?.mac ?? '',
    id: client?.mac ?? '',
    client_name: client?.name ?? '',
    host_name: client?.hostname ?? '',
    client_oui: '',
    domains: [],
    network_id: client ? objectId(ctx.seed, 0x4e7, 0) : '',
    network_name: client ? 'Default' : '',
    subnet: client ? `${ctx.lanPrefix}.0/24` : '',
    zone_id: client ? objectId(ctx.seed, 0x20e, 1) : '',
    zone_name: client ? 'Internal' : 'External',
    region,
  }
}

export function threatFlow(ctx: SiteContext, t: ThreatFacts, style: FlowStyle): JsonRecord {
  const e = endpoints(t)
  const sig = t.signature
  const src = t.inbound
    ? party(e.srcIp, e.srcPort, null, t.external.country, ctx)
    : party(e.srcIp, e.srcPort, t.internal, '', ctx)
  const dst = t.inbound
    ? party(e.dstIp, e.dstPort, t.internal, '', ctx)
    : party(e.dstIp, e.dstPort, null, t.external.country, ctx)
  const ips: JsonRecord = {
    advanced_information: ipsMessage(t),
    category_name: sig.classtype,
    ips_category: sig.catname,
  }
  if (sig.sid !== null) ips.signature_id = sig.sid
  const action = style === 'v10' ? (t.blocked ? 'BLOCK' : 'ALLOW') : t.blocked ? 'blocked' : 'allowed'
  return {
    id: objectId(ctx.seed, 0xf70, t.index),
    action,
    risk: RISK[sig.severity],
    service: sig.appProto === 'dns' ? 'DNS' : sig.port === 443 ? 'HTTPS' : 'HTTP',
    protocol: style === 'v10' ? sig.protocol.toLowerCase() : sig.protocol,
    direction: t.inbound ? 'incoming' : 'outgoing',
    count: 1,
    time: t.timeMs,
    flow_start_time: t.timeMs - 54,
    flow_end_time: t.timeMs,
    duration_milliseconds: 54,
    source: src,
    destination: dst,
    in: t.inbound
      ? { network_id: 'wan-1', network_name: 'Internet 1' }
      : { network_id: objectId(ctx.seed, 0x4e7, 0), network_name: 'Default' },
    out: t.inbound
      ? { network_id: objectId(ctx.seed, 0x4e7, 0), network_name: 'Default' }
      : { network_id: 'wan-1', network_name: 'Internet 1' },
    policies: [{ type: 'THREAT', internal_type: t.blocked ? 'IPS' : 'IDS' }],
    ips,
    traffic_data: { bytes_rx: 0, bytes_tx: 74, bytes_total: 74, packets_rx: 0, packets_tx: 1, packets_total: 1 },
    next_ai: [],
  }
}

/** An ordinary allowed flow; only the old request body (which returns every flow) ever sees these. */
export function plainFlow(
  ctx: SiteContext,
  index: number,
  timeMs: number,
  client: ClientRef,
  style: FlowStyle,
): JsonRecord {
  const port = index % 3 === 0 ? 53 : 443
  return {
    id: objectId(ctx.seed, 0xf71, index),
    action: style === 'v10' ? 'ALLOW' : 'allowed',
    risk: 'low',
    service: port === 53 ? 'DNS' : 'HTTPS',
    protocol: style === 'v10' ? (port === 53 ? 'udp' : 'tcp') : port === 53 ? 'UDP' : 'TCP',
    direction: 'outgoing',
    count: 1 + (index % 5),
    time: timeMs,
    flow_start_time: timeMs - 1200,
    flow_end_time: timeMs,
    duration_milliseconds: 1200,
    source: party(client.ip, 49152 + (mix(index, 7) % 16000), client, '', ctx),
    destination: party(`198.51.100.${1 + (index % 250)}`, port, null, 'US', ctx),
    in: { network_id: objectId(ctx.seed, 0x4e7, 0), network_name: 'Default' },
    out: { network_id: 'wan-1', network_name: 'Internet 1' },
    policies: [{ type: 'FIREWALL', internal_type: 'DEFAULT' }],
    traffic_data: {
      bytes_rx: 8421,
      bytes_tx: 2310,
      bytes_total: 10731,
      packets_rx: 14,
      packets_tx: 9,
      packets_total: 23,
    },
    next_ai: [],
  }
}
