/**
 * One site's simulated data, generated lazily: devices and clients are built once (hundreds of rows),
 * while events, threats, flows and system-log entries are computed per index on demand, with only compact
 * typed arrays (kind and severity codes) kept for filtering. 100 000 events cost a few hundred kilobytes
 * until a page of them is served.
 */
import { clientCount, clientRef, buildClient, type ClientRef } from './clients.js'
import type { DeviceSpec, JsonRecord } from './device-builders.js'
import { buildDevice, deviceSpecs } from './devices.js'
import { LOG_CATEGORIES, LOG_SEVERITIES, kindAt, kindIndex } from './event-kinds.js'
import {
  backgroundKind,
  buildEvent,
  groupDevices,
  scriptedEvents,
  type EventInputs,
  type ScriptedEvent,
} from './events.js'
import { objectId } from './prng.js'
import { health, settings, siteRecord, sysinfo, type ControllerFacts } from './site-info.js'
import type { SiteContext } from './site-context.js'
import { signatureAt } from './signatures.js'
import { eventLogEntry, threatLogEntry, threatSeverity } from './system-log.js'
import { createTimeline, windowRange, DAY_MS, type Timeline } from './timeline.js'
import { SystemLogIndex, type LogFilter } from './system-log-index.js'

export type { LogFilter }
import { plainFlow, threatFlow, type FlowStyle } from './traffic-flows.js'
import {
  legacyIpsRecord,
  scriptedThreats,
  threatFacts,
  threatSignatureIndex,
  type ScriptedThreat,
  type ThreatFacts,
  type ThreatInputs,
} from './threats.js'

export interface DatasetSizes {
  events: number
  threats: number
  devices: number
}

const ALARM_KEYS = new Set([
  'EVT_GW_WANTransition',
  'EVT_AP_Lost_Contact',
  'EVT_SW_Lost_Contact',
  'EVT_GW_Lost_Contact',
  'EVT_SW_PoeOverload',
  'EVT_SW_Overheat',
  'EVT_IPS_IpsAlert',
  'EVT_AD_LoginFailed',
  'EVT_AP_RogueAPDetected',
])

/** Spreads a script of `count` rows evenly over `total` indices; returns the script row of an index. */
function scriptSlot(total: number, count: number): (index: number) => number | undefined {
  const stride = count > 0 ? Math.max(1, Math.floor(total / count)) : 1
  return (index) => (index % stride === 0 && index / stride < count ? index / stride : undefined)
}

export class SiteDataset {
  readonly ctx: SiteContext
  readonly sizes: DatasetSizes
  readonly timeline: Timeline
  readonly specs: readonly DeviceSpec[]
  readonly clientTotal: number
  readonly plainFlows: number
  private readonly eventScript: ScriptedEvent[]
  private readonly threatScript: ScriptedThreat[]
  private readonly eventSlot: (index: number) => number | undefined
  private readonly threatSlot: (index: number) => number | undefined
  private readonly eventKinds: Uint16Array
  private readonly threatSeverities: Uint8Array
  private readonly threatInputs: ThreatInputs
  private readonly eventInputs: EventInputs
  private readonly clientRefs: ClientRef[]
  private deviceCache: JsonRecord[] | null = null
  private clientCache: JsonRecord[] | null = null
  private readonly logIndex: SystemLogIndex

  constructor(ctx: SiteContext, sizes: DatasetSizes) {
    this.ctx = ctx
    this.sizes = sizes
    this.timeline = createTimeline(ctx.anchorMs, sizes.events, sizes.threats)
    this.specs = deviceSpecs(ctx, sizes.devices)
    this.clientTotal = clientCount(sizes.devices)
    this.plainFlows = Math.min(sizes.threats, 1000)
    this.eventScript = scriptedEvents()
    this.threatScript = scriptedThreats()
    this.eventSlot = scriptSlot(sizes.events, this.eventScript.length)
    this.threatSlot = scriptSlot(sizes.threats, this.threatScript.length)
    this.eventKinds = new Uint16Array(sizes.events)
    for (let i = 0; i < sizes.events; i++) {
      const script = this.scriptedEvent(i)
      this.eventKinds[i] = script ? kindIndex(script.key) : backgroundKind(ctx.seed, i)
      // A gateway with IPS turned off raises no IPS alerts: an ordinary client event takes the slot.
      if (ctx.ips.mode === 'disabled' && kindAt(this.eventKinds[i] ?? 0).family === 'ips') {
        this.eventKinds[i] = kindIndex('EVT_WU_Connected')
      }
    }
    this.clientRefs = Array.from({ length: this.clientTotal }, (_, i) => clientRef(ctx, i))
    this.threatSeverities = new Uint8Array(sizes.threats)
    const gatewayMac = this.specs.find((d) => d.role === 'gateway')?.mac ?? '00:00:00:00:00:00'
    this.threatInputs = {
      ctx,
      gatewayMac,
      clients: (index) => this.client(index),
      clientCount: this.clientTotal,
      timeOf: (index) => this.timeline.threatTime(index),
      scripted: (index) => this.scriptedThreat(index),
    }
    this.eventInputs = {
      ctx,
      devices: groupDevices(this.specs),
      client: (i: number) => this.client(i),
      clientCount: this.clientTotal,
      ipsRecord: (eventIndex: number, timeMs: number) =>
        legacyIpsRecord(this.ctx, this.gatewayMac, this.eventThreat(eventIndex, timeMs)),
    }
    for (let i = 0; i < sizes.threats; i++) {
      const facts = { signature: signatureAt(threatSignatureIndex(ctx, i, this.scriptedThreat(i))) }
      this.threatSeverities[i] = LOG_SEVERITIES.indexOf(
        threatSeverity({ ...facts, inbound: facts.signature.inbound } as ThreatFacts),
      )
    }
    this.logIndex = new SystemLogIndex(this.timeline, this.eventKinds, this.threatSeverities)
  }

  private scriptedEvent(index: number): ScriptedEvent | undefined {
    const slot = this.eventSlot(index)
    return slot === undefined ? undefined : this.eventScript[slot]
  }

  private scriptedThreat(index: number): ScriptedThreat | undefined {
    const slot = this.threatSlot(index)
    return slot === undefined ? undefined : this.threatScript[slot]
  }

  client(index: number): ClientRef {
    return this.clientRefs[index] ?? clientRef(this.ctx, index)
  }

  get gatewayMac(): string {
    return this.threatInputs.gatewayMac
  }

  site(role: 'admin' | 'readonly' = 'admin'): JsonRecord {
    return siteRecord(this.ctx, role)
  }

  sysinfo(facts: ControllerFacts): JsonRecord {
    return sysinfo(this.ctx, facts)
  }

  devices(): JsonRecord[] {
    this.deviceCache ??= this.specs.map((spec) => buildDevice(this.ctx, spec))
    return this.deviceCache
  }

  clients(): JsonRecord[] {
    this.clientCache ??= Array.from({ length: this.clientTotal }, (_, i) => buildClient(this.ctx, i, this.specs))
    return this.clientCache
  }

  health(): JsonRecord[] {
    return health(this.ctx, this.specs, this.clientTotal)
  }

  settings(): JsonRecord[] {
    return settings(this.ctx, { utmToken: `utm-${objectId(this.ctx.seed, 0x075, 0)}` })
  }

  // --- events -------------------------------------------------------------------------------------------

  eventKey(index: number): string {
    return kindAt(this.eventKinds[index] ?? 0).key
  }

  event(index: number): JsonRecord {
    const time = this.timeline.eventTime(index)
    return buildEvent(this.eventInputs, index, time, this.eventKinds[index] ?? 0, this.scriptedEvent(index))
  }

  /** Event indices [start, end) with fromMs ≤ time ≤ toMs (events are newest first). */
  eventRange(fromMs: number, toMs: number): [number, number] {
    return windowRange(this.sizes.events, (i) => this.timeline.eventTime(i), fromMs, toMs)
  }

  alarms(): JsonRecord[] {
    const alarms: JsonRecord[] = []
    const scripted = Math.min(this.sizes.events, this.eventScript.length)
    for (let i = 0; i < this.sizes.events && alarms.length < scripted; i++) {
      if (this.eventSlot(i) === undefined || !ALARM_KEYS.has(this.eventKey(i))) continue
      const event = this.event(i)
      alarms.push({
        ...event,
        _id: objectId(this.ctx.seed, 0xa1a, i),
        archived: false,
        handled_admin_id: '',
        handled_time: null,
      })
    }
    // An old, archived alarm: clients must window by time rather than trust `archived`.
    const old = this.ctx.anchorMs - 3 * DAY_MS
    alarms.push({
      _id: objectId(this.ctx.seed, 0xa1b, 0),
      key: 'EVT_GW_WANTransition',
      subsystem: 'wan',
      archived: true,
      site_id: this.ctx.siteId,
      gw: this.gatewayMac,
      time: old,
      datetime: new Date(old).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      msg: 'WAN port (eth8) transitioned from connected to disconnected',
    })
    return alarms
  }

  // --- threats ------------------------------------------------------------------------------------------

  threat(index: number): ThreatFacts {
    return threatFacts(this.threatInputs, index)
  }

  legacyIps(index: number): JsonRecord {
    return legacyIpsRecord(this.ctx, this.gatewayMac, this.threat(index))
  }

  threatRange(fromMs: number, toMs: number): [number, number] {
    return windowRange(this.sizes.threats, (i) => this.timeline.threatTime(i), fromMs, toMs)
  }

  threatFlow(index: number, style: FlowStyle): JsonRecord {
    return threatFlow(this.ctx, this.threat(index), style)
  }

  /** Threat and plain flows merged newest first: pairs (threat k, plain k) then the remaining threats. */
  get flowCount(): number {
    return this.sizes.threats + this.plainFlows
  }

  flowTime(position: number): number {
    const paired = 2 * this.plainFlows
    if (position >= paired) return this.timeline.threatTime(this.plainFlows + position - paired)
    const base = this.timeline.threatTime(position >> 1)
    return position % 2 === 0 ? base : Math.round(base - this.timeline.halfSlotMs)
  }

  flow(position: number, style: FlowStyle): JsonRecord {
    const paired = 2 * this.plainFlows
    if (position >= paired) return this.threatFlow(this.plainFlows + position - paired, style)
    const k = position >> 1
    if (position % 2 === 0) return this.threatFlow(k, style)
    return plainFlow(this.ctx, k, this.flowTime(position), this.client(k % Math.max(1, this.clientTotal)), style)
  }

  flowRange(fromMs: number, toMs: number): [number, number] {
    return windowRange(this.flowCount, (p) => this.flowTime(p), fromMs, toMs)
  }

  // --- v2 system log ------------------------------------------------------------------------------------

  /** Positions (newest first) of the system-log entries matching a filter. */
  logPositions(filter: LogFilter): Int32Array {
    return this.logIndex.positions(filter)
  }

  logEntry(position: number): JsonRecord {
    const t = this.timeline
    const gateway = this.specs.find((d) => d.role === 'gateway')
    const device = gateway
      ? { id: gateway.mac, ip: `${this.ctx.lanPrefix}.1`, model: gateway.model, name: gateway.name }
      : null
    if (t.isThreatAt(position)) return threatLogEntry(this.ctx, device, this.threat(t.threatIndexAt(position)))
    const index = t.eventIndexAt(position)
    const kind = kindAt(this.eventKinds[index] ?? 0)
    const event = this.event(index)
    if (kind.family !== 'ips') return eventLogEntry(this.ctx, kind, event)
    // An IPS alert of the event stream appears in the system log as a threat entry, without its signature.
    const threat = this.eventThreat(index, t.eventTime(index))
    return { ...threatLogEntry(this.ctx, device, threat), id: event._id, severity: kind.severity }
  }

  /** IPS alerts in the event stream are threats of their own (indices past the threat list). */
  private eventThreat(eventIndex: number, timeMs: number): ThreatFacts {
    return threatFacts(
      { ...this.threatInputs, timeOf: () => timeMs, scripted: () => undefined },
      10_000_000 + eventIndex,
    )
  }
}

export { LOG_CATEGORIES }
