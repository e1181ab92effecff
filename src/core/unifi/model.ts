/**
 * What the UniFi client hands to the analysis for one report window. Values are already validated and
 * de-quirked (numeric strings → numbers, `catname` arrays joined, actions lower-cased, MACs normalised),
 * but stay close to the controller's meaning; rules and thresholds live in `src/core/analysis`.
 * Timestamps are epoch milliseconds (UTC).
 */
import type { PostureCollection } from './posture-model.js'

export type ControllerKind = 'unifi-os' | 'classic'

export interface ReportWindow {
  /** Inclusive start, epoch ms. */
  since: number
  /** Exclusive end, epoch ms. */
  until: number
}

export interface ControllerInfo {
  kind: ControllerKind
  /** Base URL the client settled on, e.g. `https://192.168.1.1:443` (no credentials, no path). */
  baseUrl: string
  /** Network application version from `stat/sysinfo`, e.g. `10.3.58`; null when unknown. */
  version: string | null
  hostname: string | null
  /** SHA-256 fingerprint of the certificate the console presented (`AA:BB:…`). */
  tlsFingerprint: string | null
  authMethod: 'api-key' | 'password'
}

export interface SiteRef {
  /** Short name used in URLs (`default`). */
  name: string
  /** Display name (`Default`, `Head office`). */
  description: string
}

export interface PoePort {
  index: number
  name: string | null
  /** Watts drawn now; 0 when nothing is powered. */
  powerW: number
  poeEnabled: boolean
  up: boolean
}

export interface WanLink {
  /** `WAN`, `WAN2`, … */
  name: string
  up: boolean
  ip: string | null
}

export interface CollectedDevice {
  mac: string
  name: string
  model: string | null
  /** `uap`, `usw`, `ugw`, `udm`, `uxg`, … */
  type: string
  /**
   * Controller state code: 1 connected, 0 disconnected, others (adopting, heartbeat missed, isolated …); null when
   * the record carries none (some device types and light device lists omit it), which is not "offline".
   */
  state: number | null
  version: string | null
  uptimeSec: number | null
  cpuPercent: number | null
  memPercent: number | null
  /** Celsius (converted when the controller reports °F); null when the device reports none. */
  temperatureC: number | null
  overheating: boolean
  upgradable: boolean
  /** PoE budget of a switch/gateway in watts; null when not a PoE device. */
  poeBudgetW: number | null
  poePorts: PoePort[]
  wan: WanLink[]
}

export interface HealthSubsystem {
  /** `wan`, `www`, `lan`, `wlan`, `vpn`. */
  subsystem: string
  /** `ok`, `warning`, `error`, `unknown`. */
  status: string
  numUser?: number | null
  details?: Record<string, string | number | boolean | null>
}

/** An event from any event source, not yet matched against the rules. */
export interface CollectedEvent {
  origin: 'stat/event' | 'system-log' | 'list/alarm' | 'stat/alarm' | 'system-log/critical'
  kind: 'event' | 'alarm'
  id: string | null
  /** UniFi key (`EVT_AP_Lost_Contact`) or, for system-log entries, the best key available. */
  key: string
  /** System-log category (`SECURITY`, `DEVICE`, …) and event name; null for legacy events. */
  category: string | null
  event: string | null
  /** System-log severity (`LOW`, `MEDIUM`, `HIGH`, `VERY_HIGH`, `CRITICAL`, …); null for legacy events. */
  severity: string | null
  timestampMs: number | null
  message: string
  subsystem: string | null
  deviceMac: string | null
  deviceName: string | null
  /** The fields of the original object the analysis reads (`EVENT_RAW_FIELDS`: ip, ssid, channel, port, v2 roles, …). */
  raw: Record<string, unknown>
}

/** `stat/event` carries `EVT_IPS_IpsAlert` records on consoles that still fill the legacy event list. */
export type ThreatOrigin = 'traffic-flows' | 'stat/ips/event' | 'system-log' | 'stat/event'

export interface CollectedThreat {
  origins: ThreatOrigin[]
  timestampMs: number
  srcIp: string | null
  srcPort: number | null
  dstIp: string | null
  dstPort: number | null
  protocol: string | null
  signature: string
  signatureId: number | null
  /** Raw ET category (`ET SCAN`, `ETPRO TROJAN`, …), arrays joined. */
  category: string | null
  /** 1 high, 2 medium, 3 low (Suricata priority); null when unknown. */
  severity: number | null
  /** Lower-cased action: `block`, `drop`, `reject`, `alert`, `allow`, … */
  action: string
  srcCountry: string | null
  dstCountry: string | null
  direction: 'inbound' | 'outbound' | 'internal' | 'unknown'
  /** Suricata classtype text (`Misc Attack`, `A Network Trojan was Detected`); null when not reported. */
  classtype?: string | null
  /** The console's own sentence for the alert (legacy `msg`, v2 `advanced_information`, rendered system-log text). */
  message?: string | null
}

export interface IpsSettings {
  /** `ips` (prevention), `ids` (detection only), `disabled`, or the raw value. */
  mode: string
  enabledCategories: string[]
  adBlocking: boolean | null
  contentFiltering: boolean | null
  /** Any other flag the console exposes that hints at the subscription. */
  indicators: Record<string, string | number | boolean | null>
}

export type DataKind =
  'sites' | 'sysinfo' | 'devices' | 'health' | 'clients' | 'events' | 'alarms' | 'threats' | 'ips-settings' | 'posture'

/** One endpoint the client tried for one kind of data, and what came of it. */
export interface SourceAttempt {
  data: DataKind
  endpoint: string
  outcome: 'used' | 'empty' | 'unsupported' | 'failed' | 'skipped'
  /** Why a fallback happened or what failed, in plain English. */
  detail: string | null
  count: number
  truncated: boolean
  /** ScannerError code and kind when the outcome is `failed` (e.g. `ETIMEDOUT`/`timeout`). */
  errorCode?: string
  errorKind?: string
  /** Short reason of a failure or skip for the coverage panel: `HTTP 500`, `timeout`, `unexpected shape`, … */
  reason?: string
  /** Records this endpoint sent that were dropped because of their shape, and the first few reasons. */
  rejected?: number
  rejectReasons?: string[]
}

export interface DataSources {
  /** Endpoint that supplied events (`system-log`, `stat/event`, or `none`). */
  events: string
  alarms: string
  threats: string[]
  attempts: SourceAttempt[]
}

/** A connected client (`stat/sta`), as the client inventory keeps it. */
export interface CollectedClient {
  /** Lower case, colon-separated. */
  mac: string
  /** The name set on the controller. */
  name: string | null
  hostname: string | null
  ip: string | null
  wired: boolean
  /** Network name (`LAN`, `Guest`, …) and VLAN when the controller gives them. */
  network: string | null
  vlan: number | null
  /** The SSID of a wireless client. */
  ssid: string | null
  guest: boolean
  firstSeenMs: number | null
  /** The manufacturer as the controller reports it (`oui`). */
  oui: string | null
}

export interface UnifiCollection {
  controller: ControllerInfo
  site: SiteRef
  window: ReportWindow
  devices: CollectedDevice[]
  health: HealthSubsystem[]
  clientCount: number | null
  /** The connected clients; absent when the client list could not be read. */
  clients?: CollectedClient[]
  events: CollectedEvent[]
  alarms: CollectedEvent[]
  threats: CollectedThreat[]
  ipsSettings: IpsSettings | null
  /** The configuration the posture audit reads (secrets already reduced); absent when the run did not read it. */
  posture?: PostureCollection
  sources: DataSources
  /** Per-data problems that did not stop the collection (one failing call never discards the rest). */
  warnings: string[]
}
