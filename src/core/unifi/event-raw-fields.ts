/**
 * The fields of an original event/alarm record the analysis reads (placeholders, device references,
 * timestamps, v2 roles). The client keeps only these in `CollectedEvent.raw`: a 100 000-entry window of
 * whole system-log objects costs well over 100 MB of heap, most of it fields nothing reads. The analysis
 * reads raw records only through these names (a unit test checks its sources), so the two cannot drift.
 */
import { internUnknown } from './intern.js'
import { isPlainObject } from './schemas/primitives.js'

/**
 * Device-type prefixes of legacy event fields: access point, switch, gateway, Dream Machine (console and
 * gateway in one), next-gen gateway (UXG), SmartPower (USP). Each sends `<prefix>` (MAC), `<prefix>_name` and
 * `<prefix>_displayName`; consoles send both their own prefix and `gw_*`.
 */
const DEVICE_PREFIXES = ['ap', 'sw', 'gw', 'dm', 'xg', 'usp'] as const

/** Where a legacy event names its device's MAC, most specific first. */
export const DEVICE_MAC_FIELDS: readonly string[] = [
  'mac',
  ...DEVICE_PREFIXES.map((prefix) => `${prefix}_mac`),
  ...DEVICE_PREFIXES,
]

/** Where a legacy event names its device: the type's own name, then its display name, then `device_name`. */
export const DEVICE_NAME_FIELDS: readonly string[] = [
  ...DEVICE_PREFIXES.map((prefix) => `${prefix}_name`),
  ...DEVICE_PREFIXES.map((prefix) => `${prefix}_displayName`),
  'device_name',
]

/** Top-level record fields, grouped by what the analysis uses them for. */
export const EVENT_RAW_FIELDS = {
  /** v2 `{ROLE}` objects (`DEVICE`, `SRC_CLIENT`, `IP`, …); see EVENT_ROLE_FIELDS. */
  roles: ['parameters'],
  eventName: ['event'],
  timestamps: ['time', 'timestamp', 'datetime'],
  deviceMac: DEVICE_MAC_FIELDS,
  deviceName: DEVICE_NAME_FIELDS,
  /** `EVT_GW_WANTransition`: interface and its new state (`active`/`inactive`). */
  wan: ['iface', 'state'],
  /** The controller's own verdict on a legacy event. */
  flags: ['is_negative'],
  text: ['subsystem', 'message_raw', 'msg', 'title_raw', 'title'],
  addresses: ['ip', 'client_ip', 'src_ip', 'dest_ip', 'dst_ip'],
  people: ['admin', 'user', 'username', 'client', 'sta', 'guest', 'hostname', 'name'],
  wireless: [
    'radio_from',
    'radio_to',
    'channel_from',
    'channel_to',
    'channel',
    'ap_from',
    'ap_to',
    'ap_from_name',
    'ap_to_name',
    'rssi',
    'signal',
    'ssid',
    'essid',
  ],
  ports: ['port', 'port_idx', 'sw_port'],
  /** The network a wired client joined (`EVT_LU_Connected`: "has connected to LAN"). */
  network: ['network'],
} as const

/** Fields read inside each `parameters[ROLE]` object. */
export const EVENT_ROLE_FIELDS = ['id', 'name', 'ip', 'mac', 'hostname', 'model'] as const

export const EVENT_RAW_KEYS: readonly string[] = Object.values(EVENT_RAW_FIELDS).flat()

/** Fields with few distinct values (names and `{ROLE}` templates), kept as one shared copy each. */
const REPETITIVE_FIELDS: ReadonlySet<string> = new Set(['event', 'subsystem', 'message_raw', 'title_raw', 'title'])

/**
 * The part of an original record the analysis reads: the listed fields (absent ones stay absent), and
 * every `parameters` role with only its listed fields. Values are shared with the original, not copied,
 * so the rest of the parsed page can be collected.
 */
export function slimEventRaw(record: Record<string, unknown>): Record<string, unknown> {
  const slim: Record<string, unknown> = {}
  for (const key of EVENT_RAW_KEYS) {
    const value = record[key]
    if (value === undefined || !Object.hasOwn(record, key)) continue
    if (key === 'parameters' && isPlainObject(value)) slim[key] = slimRoles(value)
    else slim[key] = REPETITIVE_FIELDS.has(key) ? internUnknown(value) : value
  }
  return slim
}

function slimRoles(parameters: Record<string, unknown>): Record<string, unknown> {
  const roles: Record<string, unknown> = {}
  for (const [role, value] of Object.entries(parameters)) {
    if (!isPlainObject(value)) {
      roles[role] = value
      continue
    }
    const fields: Record<string, unknown> = {}
    // Roles name the same few hundred clients and devices over and over: one copy of each name is kept.
    for (const field of EVENT_ROLE_FIELDS) if (Object.hasOwn(value, field)) fields[field] = internUnknown(value[field])
    roles[role] = fields
  }
  return roles
}
