/**
 * IPS threats. One set of facts per threat index feeds all three shapes the consoles serve: legacy
 * `stat/ips/event` records (shaped like unpoller's `ids.json`/`events.json`), v2 traffic flows and v2
 * system-log THREAT entries, so a client that merges the sources sees the same threat three times.
 */
import type { ClientRef } from './clients.js'
import { intBetween, macAddress, mix, objectId, pick, rngFor } from './prng.js'
import { SIGNATURES, signatureAt, type Signature } from './signatures.js'
import { isoSeconds, type SiteContext } from './site-context.js'
import type { JsonRecord } from './device-builders.js'

export interface Attacker {
  ip: string
  country: string
  asn: string
  city: string
}

export const ATTACKERS: readonly Attacker[] = [
  { ip: '185.220.101.7', country: 'DE', asn: 'AS60729 Stiftung Erneuerbare Freiheit', city: 'Frankfurt' },
  { ip: '196.196.244.84', country: 'SE', asn: 'AS42607 Internet Carrier Limited', city: 'Stockholm' },
  { ip: '45.155.205.233', country: 'RU', asn: 'AS206728 Media Land LLC', city: 'Moscow' },
  { ip: '89.248.165.52', country: 'NL', asn: 'AS202425 IP Volume inc', city: 'Amsterdam' },
  { ip: '167.94.138.35', country: 'US', asn: 'AS398705 Censys, Inc.', city: 'Ann Arbor' },
  { ip: '118.25.6.39', country: 'CN', asn: 'AS45090 Shenzhen Tencent Computer Systems', city: 'Shanghai' },
  { ip: '198.51.100.24', country: 'US', asn: 'AS64500 Example Transit', city: 'Other' },
  { ip: '192.0.2.77', country: 'BR', asn: 'AS64501 Example Hosting', city: 'Sao Paulo' },
]

/** The source that attacks often enough (≥ 10 times) to be listed as a repeat offender. */
export const REPEAT_ATTACKER = ATTACKERS[0] as Attacker
export const REPEAT_ATTACKER_HITS = 12

export interface ThreatFacts {
  index: number
  timeMs: number
  signature: Signature
  /** Raw action text as the legacy API sends it. */
  action: string
  blocked: boolean
  inbound: boolean
  external: Attacker
  internal: ClientRef
  externalPort: number
  internalPort: number
  /** Use the nested `inner_alert{}` layout instead of the flat `inner_alert_*` keys. */
  nested: boolean
  catnameAsArray: boolean
}

export interface ScriptedThreat {
  signature: number
  blocked: boolean
  attacker?: Attacker
  action?: string
  nested?: boolean
}

/** Every signature once (both actions alternate), then the repeat attacker, then quirky variants. */
export function scriptedThreats(): ScriptedThreat[] {
  const list: ScriptedThreat[] = SIGNATURES.map((_, i) => ({ signature: i, blocked: i % 2 === 0 }))
  const cins = SIGNATURES.findIndex((sig) => sig.sid === 2403341)
  for (let i = 0; i < REPEAT_ATTACKER_HITS; i++) {
    list.push({ signature: cins, blocked: i % 3 !== 0, attacker: REPEAT_ATTACKER })
  }
  const spamhaus = SIGNATURES.findIndex((sig) => sig.sid === 2400022)
  const etpro = SIGNATURES.findIndex((sig) => sig.sid === 2807913)
  list.push({ signature: spamhaus, blocked: true, action: 'drop' })
  list.push({ signature: etpro, blocked: true, nested: true })
  list.push({ signature: spamhaus, blocked: false, nested: true })
  return list
}

export interface ThreatInputs {
  ctx: SiteContext
  gatewayMac: string
  clients: (index: number) => ClientRef
  clientCount: number
  timeOf: (index: number) => number
  /** Scripted threat for this index, if any. */
  scripted: (index: number) => ScriptedThreat | undefined
}

/** The signature of a threat without building the rest (for tabulating severities of 20 000 threats). */
export function threatSignatureIndex(ctx: SiteContext, index: number, script: ScriptedThreat | undefined): number {
  return restrictedSignature(ctx, script?.signature ?? Math.floor(rngFor(ctx.seed, 0x7a7, index)() * SIGNATURES.length))
}

const ET_PRO_MIN = 2_800_000
const ET_PRO_MAX = 2_899_999
const ET_OPEN_STAND_IN = SIGNATURES.findIndex((sig) => sig.sid !== null && sig.sid >= 2_000_000 && sig.sid < 2_100_000)

/** On a console without CyberSecure, ET PRO rules never fire: an ET Open rule stands in. */
function restrictedSignature(ctx: SiteContext, index: number): number {
  if (!ctx.ips.etOpenOnly) return index
  const sid = SIGNATURES[index]?.sid ?? null
  const etPro = sid !== null ? sid >= ET_PRO_MIN && sid <= ET_PRO_MAX : /^ETPRO /.test(SIGNATURES[index]?.text ?? '')
  return etPro ? ET_OPEN_STAND_IN : index
}

export function threatFacts(input: ThreatInputs, index: number): ThreatFacts {
  const rng = rngFor(input.ctx.seed, 0x7a7, index)
  const script = input.scripted(index)
  const drawn = Math.floor(rng() * SIGNATURES.length)
  const signature = signatureAt(restrictedSignature(input.ctx, script?.signature ?? drawn))
  const drawnBlocked = script ? script.blocked : rng() < 0.6
  // Detection-only mode logs threats but never stops them.
  const blocked = input.ctx.ips.mode === 'ids' ? false : drawnBlocked
  const external = script?.attacker ?? pick(rng, ATTACKERS)
  return {
    index,
    timeMs: input.timeOf(index),
    signature,
    action: blocked === drawnBlocked ? (script?.action ?? (blocked ? 'blocked' : 'allowed')) : 'allowed',
    blocked,
    inbound: signature.inbound,
    external,
    internal: input.clients(intBetween(rng, 0, Math.max(0, input.clientCount - 1))),
    externalPort: signature.inbound ? intBetween(rng, 1025, 65000) : signature.port,
    internalPort: signature.inbound ? signature.port : intBetween(rng, 49152, 65000),
    nested: script?.nested ?? false,
    catnameAsArray: index % 2 === 1,
  }
}

export function endpoints(t: ThreatFacts): { srcIp: string; srcPort: number; dstIp: string; dstPort: number } {
  return t.inbound
    ? { srcIp: t.external.ip, srcPort: t.externalPort, dstIp: t.internal.ip, dstPort: t.internalPort }
    : { srcIp: t.internal.ip, srcPort: t.internalPort, dstIp: t.external.ip, dstPort: t.externalPort }
}

export function ipsMessage(t: ThreatFacts): string {
  const e = endpoints(t)
  const sig = t.signature
  return `IPS Alert ${sig.severity}: ${sig.classtype}. Signature ${sig.text}. From: ${e.srcIp}:${e.srcPort}, to: ${e.dstIp}:${e.dstPort}, protocol: ${sig.protocol}`
}

function geo(a: Attacker): JsonRecord {
  return {
    continent_code: 'EU',
    country_code: a.country,
    country_name: a.country,
    city: a.city,
    asn: 0,
    organization: a.asn,
  }
}

/** A legacy `stat/ips/event` record (also the body of `EVT_IPS_IpsAlert` events and alarms). */
export function legacyIpsRecord(ctx: SiteContext, gatewayMac: string, t: ThreatFacts): JsonRecord {
  const e = endpoints(t)
  const sig = t.signature
  const externalGeo = geo(t.external)
  const record: JsonRecord = {
    _id: objectId(ctx.seed, 0x1b5, t.index),
    archived: false,
    timestamp: Math.floor(t.timeMs / 1000),
    flow_id: mix(ctx.seed, 0xf10, t.index) * 1000 + (t.index % 1000),
    in_iface: t.inbound ? 'eth8' : 'br0',
    event_type: 'alert',
    src_ip: e.srcIp,
    src_mac: t.inbound ? macAddress('00:1e:c9', mix(t.index, 1) & 0xffffff) : t.internal.mac,
    src_port: e.srcPort,
    dest_ip: e.dstIp,
    dst_mac: t.inbound ? t.internal.mac : gatewayMac,
    dest_port: e.dstPort,
    proto: sig.protocol,
    app_proto: sig.appProto,
    host: gatewayMac,
    usgip: ctx.wanIp,
    unique_alertid: `${mix(ctx.seed, 0xa1e, t.index)}-${new Date(t.timeMs).toISOString()}`,
    srcipCountry: t.inbound ? t.external.country : false,
    dstipCountry: t.inbound ? false : t.external.country,
    usgipCountry: 'US',
    // Real records carry `[]` or `false` instead of an object when there is no geo data.
    srcipGeo: t.inbound ? externalGeo : [],
    dstipGeo: t.inbound ? false : externalGeo,
    usgipGeo: { continent_code: 'NA', country_code: 'US', country_name: 'United States', city: 'Other' },
    srcipASN: t.inbound ? t.external.asn : '',
    dstipASN: t.inbound ? '' : t.external.asn,
    usgipASN: 'AS7922 Comcast Cable Communications, LLC',
    catname: t.catnameAsArray ? [sig.catname] : sig.catname,
    key: 'EVT_IPS_IpsAlert',
    subsystem: 'www',
    site_id: ctx.siteId,
    time: t.timeMs,
    datetime: isoSeconds(t.timeMs),
    msg: ipsMessage(t),
  }
  if (t.nested) {
    record.inner_alert = {
      action: t.action,
      gid: 1,
      rev: 3,
      category: sig.classtype,
      severity: sig.severity,
      signature: sig.text,
      ...(sig.sid === null ? {} : { signature_id: sig.sid }),
    }
  } else {
    record.inner_alert_action = t.action
    record.inner_alert_gid = 1
    if (sig.sid !== null) record.inner_alert_signature_id = sig.sid
    record.inner_alert_rev = 3
    record.inner_alert_signature = sig.text
    record.inner_alert_category = sig.classtype
    record.inner_alert_severity = sig.severity
  }
  return record
}
