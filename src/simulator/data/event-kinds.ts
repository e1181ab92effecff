import { EVENT_TABLE } from './event-table.js'

/**
 * Every event key the simulator emits: all keys of the analysis rules, the legacy `EVT_*`
 * keys seen on real consoles and a few unknown ones. Each kind also says how the same
 * event appears in the v2 system log (category enum, event name, severity).
 */

export type EventFamily =
  | 'wifi-connect'
  | 'wifi-disconnect'
  | 'wired-connect'
  | 'wired-disconnect'
  | 'client-blocked'
  | 'roam'
  | 'roam-radio'
  | 'admin-login'
  | 'admin-failed'
  | 'device'
  | 'radar'
  | 'channel'
  | 'poe'
  | 'wan'
  | 'speedtest'
  | 'rogue'
  | 'ips'
  | 'config'
  | 'backup'
  | 'vpn'
  | 'unknown'

export type LogCategory =
  | 'SECURITY'
  | 'UNIFI_DEVICES'
  | 'SOFTWARE_UPDATES'
  | 'VPN'
  | 'POWER'
  | 'UNIFI_ETHERNET_PORTS'
  | 'CLIENT_DEVICES'
  | 'INTERNET_AND_WAN'
  | 'AUDIT'
  | 'UNKNOWN'

/** The system-log category enum of Network 10.x; anything else is rejected by the strict personas. */
export const LOG_CATEGORIES: readonly LogCategory[] = [
  'SECURITY',
  'UNIFI_DEVICES',
  'SOFTWARE_UPDATES',
  'VPN',
  'POWER',
  'UNIFI_ETHERNET_PORTS',
  'CLIENT_DEVICES',
  'INTERNET_AND_WAN',
  'AUDIT',
  'UNKNOWN',
]

export type LogSeverity = 'LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH'
export const LOG_SEVERITIES: readonly LogSeverity[] = ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH']

export interface EventKind {
  key: string
  family: EventFamily
  subsystem: string
  /** Plain message; `{DEV}` becomes `AP[mac]`/`Switch[mac]`/`Gateway[mac]`. */
  msg: string
  category: LogCategory
  event: string
  severity: LogSeverity
  title: string
}

const FAMILIES: readonly EventFamily[] = [
  'wifi-connect',
  'wifi-disconnect',
  'wired-connect',
  'wired-disconnect',
  'client-blocked',
  'roam',
  'roam-radio',
  'admin-login',
  'admin-failed',
  'device',
  'radar',
  'channel',
  'poe',
  'wan',
  'speedtest',
  'rogue',
  'ips',
  'config',
  'backup',
  'vpn',
  'unknown',
]

function oneOf<T extends string>(value: string, allowed: readonly T[], line: string): T {
  const found = allowed.find((candidate) => candidate === value)
  if (found === undefined) throw new Error(`event table: "${value}" is not valid in line: ${line}`)
  return found
}

/** Parses the event table; a malformed line fails at module load, so a typo cannot ship silently. */
export function parseEventTable(table: string): EventKind[] {
  return table
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [key = '', family = '', subsystem = '', category = '', event = '', severity = '', title = '', msg = ''] =
        line.split('|').map((field) => field.trim())
      if (!/^EVT_[A-Za-z0-9_]+$/.test(key) || subsystem === '' || event === '' || title === '') {
        throw new Error(`event table: malformed line: ${line}`)
      }
      return {
        key,
        family: oneOf(family, FAMILIES, line),
        subsystem,
        msg,
        category: oneOf(category, LOG_CATEGORIES, line),
        event,
        severity: oneOf(severity, LOG_SEVERITIES, line),
        title,
      }
    })
}

export const EVENT_KINDS: readonly EventKind[] = parseEventTable(EVENT_TABLE)

export const KIND_INDEX: ReadonlyMap<string, number> = new Map(EVENT_KINDS.map((kind, index) => [kind.key, index]))

export function kindAt(index: number): EventKind {
  const kind = EVENT_KINDS[index]
  if (!kind) throw new RangeError(`no event kind ${index}`)
  return kind
}

export function kindIndex(key: string): number {
  const index = KIND_INDEX.get(key)
  if (index === undefined) throw new RangeError(`unknown event kind ${key}`)
  return index
}

/** The mix of ordinary background events (key, weight). */
export const BACKGROUND_MIX: readonly [string, number][] = [
  ['EVT_WU_Connected', 30],
  ['EVT_WU_Disconnected', 25],
  ['EVT_WU_Roam', 14],
  ['EVT_LU_Connected', 8],
  ['EVT_LU_Disconnected', 7],
  ['EVT_WU_RoamRadio', 5],
  ['EVT_WG_Connected', 3],
  ['EVT_AD_Login', 2],
  ['EVT_AP_ChannelChange', 2],
  ['EVT_AP_Upgraded', 1],
  ['EVT_SW_RestartedUnknown', 1],
  ['EVT_AP_Interference', 1],
  ['EVT_IPS_IpsAlert', 1],
]
