/**
 * Maps v2 system-log entries (Network 9.x/10.x: `category`/`event`/`key` strings) onto
 * the legacy `EVT_*` keys the rules listen to, so both generations of consoles produce the same findings.
 *
 * Confirmed in captures: SECURITY/THREAT_DETECTED, SECURITY/BLOCKED_BY_FIREWALL, CLIENT_DEVICES/CLIENT_CONNECTED.
 * The other event names follow the UI's system-log wording and are unverified; an entry that carries an
 * `EVT_*` key is matched by that key first, so a wrong guess here can only leave an entry in "Other events".
 */
import type { CollectedEvent } from '../unifi/model.js'
import { asRecord, firstRawText } from './normalise-values.js'

type DeviceKind = 'AP' | 'SW' | 'GW'

/** A legacy key, or a function of the device kind (and the entry) when the legacy keys differ per device type. */
type Mapping = string | ((kind: DeviceKind | null, event: CollectedEvent) => string | null)

/** v2 event → legacy key, or a function of the device kind when the legacy keys differ per device type. */
const V2_EVENT_KEYS: Record<string, Mapping> = {
  THREAT_DETECTED: 'EVT_IPS_IpsAlert',
  BLOCKED_BY_FIREWALL: 'BLOCKED_BY_FIREWALL',
  ADMIN_LOGIN: 'EVT_AD_Login',
  ADMIN_LOGIN_FAILED: 'EVT_AD_LoginFailed',
  LOGIN_FAILED: 'EVT_AD_LoginFailed',
  ROGUE_AP_DETECTED: 'EVT_AP_DetectRogueAP',
  ROGUE_DHCP_SERVER_DETECTED: 'EVT_SW_DetectRogueDHCP',
  CLIENT_BLOCKED: 'EVT_WC_Blocked',
  CLIENT_CONNECTED: (_kind, event) => (isWired(event) ? 'EVT_LU_Connected' : 'EVT_WU_Connected'),
  CLIENT_DISCONNECTED: (_kind, event) => (isWired(event) ? 'EVT_LU_Disconnected' : 'EVT_WU_Disconnected'),
  CLIENT_ROAMED: 'EVT_WU_Roam',
  CLIENT_ROAMED_RADIO: 'EVT_WU_RoamRadio',
  DEVICE_OFFLINE: (kind) => lostContactKey(kind),
  DEVICE_DISCONNECTED: (kind) => lostContactKey(kind),
  DEVICE_LOST_CONTACT: (kind) => lostContactKey(kind),
  DEVICE_ONLINE: (kind) => (kind === 'AP' ? 'EVT_AP_Connected' : null),
  DEVICE_CONNECTED: (kind) => (kind === 'AP' ? 'EVT_AP_Connected' : null),
  DEVICE_ISOLATED: 'EVT_AP_Isolated',
  DEVICE_RESTARTED: (kind) => `EVT_${kind ?? 'AP'}_Restarted`,
  DEVICE_RESTARTED_UNEXPECTEDLY: (kind) => `EVT_${kind ?? 'AP'}_RestartedUnknown`,
  DEVICE_ADOPTED: 'EVT_DEVICE_ADOPTED',
  DEVICE_UPGRADED: 'EVT_DEVICE_UPGRADED',
  FIRMWARE_UPDATED: 'EVT_DEVICE_UPGRADED',
  UPDATE_AVAILABLE: (kind) => `EVT_${kind ?? 'AP'}_UPDATE_AVAILABLE`,
  DEVICE_OVERHEATING: 'EVT_SW_Overheat',
  RADAR_DETECTED: 'EVT_AP_RadarDetected',
  DFS_RADAR_DETECTED: 'EVT_AP_RadarDetected',
  CHANNEL_CHANGED: 'EVT_AP_ChannelChange',
  INTERFERENCE_DETECTED: 'EVT_AP_Interference',
  SPEED_TEST_FAILED: 'EVT_SPEED_TEST_FAIL',
  SPEED_TEST_SLOW: 'EVT_SPEED_TEST_SLOW',
  STP_PORT_BLOCKING: 'EVT_SW_StpPortBlocking',
  POE_OVERLOAD: 'EVT_SW_PoeOverload',
  POE_BUDGET_EXCEEDED: 'EVT_SW_PoeOverload',
  POE_DISCONNECTED: 'EVT_SW_PoeDisconnect',
  RPS_POWER_DENIED: 'EVT_USP_RpsPowerDeniedByPsuOverload',
  WAN_DOWN: 'EVT_GW_WAN_DOWN',
  WAN_OFFLINE: 'EVT_GW_WAN_DOWN',
  INTERNET_DISCONNECTED: 'EVT_GW_WAN_DOWN',
  WAN_FAILOVER: 'EVT_WAN_FAILOVER',
  WAN_TRANSITION: 'EVT_GW_WANTransition',
  HIGH_CPU_USAGE: (kind) => `EVT_${kind ?? 'GW'}_HIGH_CPU`,
  HIGH_MEMORY_USAGE: (kind) => `EVT_${kind ?? 'GW'}_HIGH_MEMORY`,
  HIGH_CHANNEL_UTILIZATION: 'EVT_HIGH_CHANNEL_UTILIZATION',
  CONFIG_CHANGED: 'EVT_CONFIG_CHANGED',
  BACKUP_CREATED: 'EVT_BACKUP_CREATED',
}

/**
 * Event families whose names vary between firmware versions (`ADMIN_LOGIN_FAILED`, `ADMIN_ACCESS_DENIED`,
 * `LOGIN_FAILURE`, `ACCESSED_NETWORK_WEB`, …); tried when neither the name nor its family is in the table.
 */
const FAMILY_PATTERNS: readonly (readonly [(name: string) => boolean, Mapping])[] = [
  [(name) => ADMIN.test(name) && REFUSED.test(name), 'EVT_AD_LoginFailed'],
  [(name) => ADMIN_ACCESS.test(name), 'EVT_AD_Login'],
  [
    (name) => /^(WAN|INTERNET|ISP)_/.test(name) && /(DOWN|OFFLINE|DISCONNECTED|LOST|INACTIVE|FAILED)/.test(name),
    'EVT_GW_WAN_DOWN',
  ],
  [(name) => /(^|_)FAILOVER(_|$)/.test(name), 'EVT_WAN_FAILOVER'],
]
const ADMIN = /(^|_)(ADMIN|ADMINISTRATOR|LOGIN|LOG_IN|SIGN_IN)(_|$)/
const REFUSED = /(^|_)(FAIL|FAILED|FAILURE|DENIED|INVALID|UNAUTHORI[SZ]ED|REJECTED|BLOCKED)(_|$)/
const ADMIN_ACCESS = /^(ADMIN_(LOGIN|LOGGED_IN|LOG_IN|ACCESS|ACCESSED|SIGNED_IN)|ACCESSED_NETWORK|LOGIN_SUCCE)/

/**
 * The family of a v2 name: `CLIENT_CONNECTED_WIRELESS_2` and `CLIENT_CONNECTED_WIRED` are both
 * `CLIENT_CONNECTED`; `DEVICE_OFFLINE_AP` is `DEVICE_OFFLINE` (the kind is read separately).
 */
function familyOf(name: string): string {
  return name
    .replace(/_\d+$/, '')
    .replace(/_(WIRELESS|WIRED)(_GUEST)?$/, '')
    .replace(/_(GUEST|AP|SWITCH|GATEWAY|CONSOLE)$/, '')
}

function mappingOf(name: string): Mapping | undefined {
  const upper = name.toUpperCase()
  const direct = V2_EVENT_KEYS[upper] ?? V2_EVENT_KEYS[familyOf(upper)]
  if (direct !== undefined) return direct
  for (const [matches, mapping] of FAMILY_PATTERNS) if (matches(upper)) return mapping
  return undefined
}

const WIRED = /(^|_)WIRED(_|$)/

/** A client event about a cable rather than WiFi: `…_WIRED` in its key or event, or a switch role instead of an AP. */
function isWired(event: CollectedEvent): boolean {
  if (WIRED.test(event.key.toUpperCase()) || WIRED.test((event.event ?? '').toUpperCase())) return true
  const parameters = asRecord(event.raw['parameters'])
  return parameters !== null && parameters['SWITCH'] !== undefined && parameters['AP'] === undefined
}

/** The v2 event names this mapping understands (for the simulator and for tests). */
export const MAPPED_SYSTEM_LOG_EVENTS: readonly string[] = Object.keys(V2_EVENT_KEYS)

function lostContactKey(kind: DeviceKind | null): string {
  return kind === null ? 'EVT_DEVICE_LOST_CONTACT' : `EVT_${kind}_Lost_Contact`
}

/**
 * The keys to try for one event, most authoritative first: an `EVT_*` key as sent, the legacy key mapped
 * from the v2 event name, then the raw v2 key and event name (so rules may also list v2 names directly).
 */
export function candidateKeys(event: CollectedEvent): readonly string[] {
  // Legacy events (the bulk of a large window) carry only their key.
  if (event.event === null && event.category === null && event.raw['event'] === undefined) {
    return legacyKeyCandidates(event.key)
  }
  const keys: string[] = []
  const add = (key: string | null | undefined): void => {
    if (key && !keys.includes(key)) keys.push(key)
  }
  if (event.key.toUpperCase().startsWith('EVT_')) for (const key of legacyKeyCandidates(event.key)) add(key)
  const v2Event = event.event ?? firstRawText(event.raw, ['event'])
  const kind = deviceKind(event)
  for (const name of [v2Event, event.key]) {
    const mapping = name ? mappingOf(name) : undefined
    if (typeof mapping === 'string') add(mapping)
    else if (mapping) add(mapping(kind, event))
  }
  add(event.key)
  add(v2Event)
  return keys
}

/**
 * Legacy keys are `EVT_<device type>_<what happened>`. The rules listen to the access point, switch and
 * gateway spellings; Dream Machines (`DM`) and next-gen gateways (`XG`, also `UDM`, `UGW`, `UXG`) are gateways,
 * and every other device type (`USP` SmartPower, `LTE`, `UBB` bridges, PDUs, …) reaches the generic
 * `EVT_DEVICE_<what happened>` rules. The exact key is always tried first.
 */
const DEVICE_KEY = /^EVT_([A-Z0-9]+)_(.+)$/i
const GATEWAY_PREFIXES: ReadonlySet<string> = new Set(['GW', 'DM', 'XG', 'UDM', 'UGW', 'UXG'])
/** Prefixes that name a client, the admin or the controller, not a device type. */
const NOT_A_DEVICE: ReadonlySet<string> = new Set(['WU', 'WG', 'LU', 'LG', 'WC', 'LC', 'AD', 'HS', 'IPS', 'IDS'])
const legacyCache = new Map<string, readonly string[]>()
const LEGACY_CACHE_LIMIT = 4096

export function legacyKeyCandidates(key: string): readonly string[] {
  const cached = legacyCache.get(key)
  if (cached) return cached
  const keys = [key]
  const match = DEVICE_KEY.exec(key)
  const prefix = match?.[1]?.toUpperCase()
  const rest = match?.[2]
  if (prefix !== undefined && rest !== undefined && !NOT_A_DEVICE.has(prefix) && prefix !== 'DEVICE') {
    if (GATEWAY_PREFIXES.has(prefix) && prefix !== 'GW') keys.push(`EVT_GW_${rest}`)
    keys.push(`EVT_DEVICE_${rest}`)
  }
  // Keys come from the controller: the cache stays bounded however many distinct keys a window holds.
  if (legacyCache.size < LEGACY_CACHE_LIMIT) legacyCache.set(key, keys)
  return keys
}

const KIND_BY_TOKEN: [RegExp, DeviceKind][] = [
  [/(^|_)(AP|ACCESS_POINT|WIRELESS)(_|$)/, 'AP'],
  [/(^|_)(SW|SWITCH)(_|$)/, 'SW'],
  [/(^|_)(GW|GATEWAY|CONSOLE|WAN)(_|$)/, 'GW'],
]
const KIND_BY_MODEL: [RegExp, DeviceKind][] = [
  [/^(U[0-9]|UAP|U6|U7|UAL|UAE|E7)/i, 'AP'],
  [/^(US|USW|USL|USM|USF)/i, 'SW'],
  [/^(UDM|UDR|UXG|UGW|UCG|UDW|UCK|UX)/i, 'GW'],
]

/** Which kind of UniFi device a v2 entry is about, from its key, its parameter roles or the device model. */
function deviceKind(event: CollectedEvent): DeviceKind | null {
  const key = event.key.toUpperCase()
  for (const [pattern, kind] of KIND_BY_TOKEN) if (pattern.test(key)) return kind
  const parameters = asRecord(event.raw['parameters'])
  if (!parameters) return null
  if (parameters['AP']) return 'AP'
  if (parameters['SWITCH']) return 'SW'
  if (parameters['GATEWAY']) return 'GW'
  const model = firstRawText(asRecord(parameters['DEVICE']) ?? {}, ['model'])
  if (model) for (const [pattern, kind] of KIND_BY_MODEL) if (pattern.test(model)) return kind
  return null
}
