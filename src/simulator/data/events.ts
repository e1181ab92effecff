/**
 * Legacy `stat/event` records by index. The first rows of the site follow a script that covers every event
 * kind once plus the situations the analysis must recognise (radar messages, a PoE disconnect with its
 * port, one phone roaming ≥ 5 times, repeated failed admin logins, dash-form MACs); the rest is ordinary
 * background chatter. Shapes follow unpoller's `events.json` and aiounifi's websocket event fixtures.
 */
import type { ClientRef } from './clients.js'
import type { DeviceSpec, JsonRecord } from './device-builders.js'
import { BACKGROUND_MIX, EVENT_KINDS, kindAt, kindIndex, type EventKind } from './event-kinds.js'
import { dashMac, intBetween, macAddress, objectId, pick, rngFor, type Rng } from './prng.js'
import { isoSeconds, type SiteContext } from './site-context.js'

export interface ScriptedEvent {
  key: string
  /** Client index for client events (0 = the roaming phone). */
  client?: number
  /** Channel-change/interference events whose message reports DFS radar. */
  radar?: boolean
  /** Emit the device or client MAC in the `AA-BB-…` form. */
  dash?: boolean
  /** Source IP for admin logins. */
  ip?: string
}

export const ROAMING_CLIENT = 0
export const ROAMS_OF_ROAMING_CLIENT = 7
export const FAILED_LOGIN_IP = '198.51.100.66'

export function scriptedEvents(): ScriptedEvent[] {
  const list: ScriptedEvent[] = EVENT_KINDS.map((kind) => ({ key: kind.key }))
  list.push({ key: 'EVT_AP_ChannelChange', radar: true })
  list.push({ key: 'EVT_AP_Interference', radar: true })
  for (let i = 0; i < ROAMS_OF_ROAMING_CLIENT; i++) list.push({ key: 'EVT_WU_Roam', client: ROAMING_CLIENT })
  for (let i = 0; i < 3; i++) list.push({ key: 'EVT_AD_LoginFailed', ip: FAILED_LOGIN_IP })
  list.push({ key: 'EVT_SW_Lost_Contact', dash: true })
  list.push({ key: 'EVT_WU_Connected', dash: true })
  return list
}

const BACKGROUND_TOTAL = BACKGROUND_MIX.reduce((sum, [, weight]) => sum + weight, 0)
const BACKGROUND_KINDS = BACKGROUND_MIX.map(([key, weight]) => [kindIndex(key), weight] as const)

/** Kind of a background (unscripted) event: cheap, so kinds of 100 000 events can be tabulated up front. */
export function backgroundKind(seed: number, index: number): number {
  let roll = rngFor(seed, 0xe7e, index)() * BACKGROUND_TOTAL
  for (const [kind, weight] of BACKGROUND_KINDS) {
    roll -= weight
    if (roll < 0) return kind
  }
  return BACKGROUND_KINDS[0]?.[0] ?? 0
}

/** Devices grouped once per site, so building an event never scans the roster. */
export interface DeviceGroups {
  ap: readonly DeviceSpec[]
  sw: readonly DeviceSpec[]
  gw: readonly DeviceSpec[]
  poe: readonly DeviceSpec[]
  any: readonly DeviceSpec[]
}

export function groupDevices(devices: readonly DeviceSpec[]): DeviceGroups {
  return {
    ap: devices.filter((d) => d.role === 'ap'),
    sw: devices.filter((d) => d.role === 'switch'),
    gw: devices.filter((d) => d.role === 'gateway'),
    poe: devices.filter((d) => d.role === 'switch' && d.poeBudgetW > 0),
    any: devices,
  }
}

export interface EventInputs {
  ctx: SiteContext
  devices: DeviceGroups
  client: (index: number) => ClientRef
  clientCount: number
  /** IPS facts for `EVT_IPS_*` events: a legacy IPS record stamped with this time. */
  ipsRecord: (eventIndex: number, timeMs: number) => JsonRecord
}

type Role = 'ap' | 'sw' | 'gw'

function computeRole(kind: EventKind): Role | null {
  if (/^EVT_(AP|ROGUE)_/.test(kind.key) || ['radar', 'channel', 'rogue'].includes(kind.family)) return 'ap'
  if (/^EVT_(SW|USP)_/.test(kind.key) || kind.family === 'poe') return 'sw'
  if (/^EVT_(GW|DM|XG|WAN|SPEED)_/.test(kind.key) || ['wan', 'speedtest', 'backup', 'vpn'].includes(kind.family)) {
    return 'gw'
  }
  if (kind.family === 'device' || kind.family === 'unknown') return 'sw'
  return null
}

const ROLES: readonly (Role | null)[] = EVENT_KINDS.map(computeRole)

const ROLE_NAMES: Record<Role, { field: string; label: string }> = {
  ap: { field: 'ap', label: 'AP' },
  sw: { field: 'sw', label: 'Switch' },
  gw: { field: 'gw', label: 'Gateway' },
}

function pickDevice(devices: DeviceGroups, role: Role, rng: Rng, poe: boolean): DeviceSpec | undefined {
  const candidates = poe ? devices.poe : devices[role]
  return candidates.length > 0 ? pick(rng, candidates) : devices.any[0]
}

export function buildEvent(
  input: EventInputs,
  index: number,
  timeMs: number,
  kindIdx: number,
  script?: ScriptedEvent,
): JsonRecord {
  const { ctx } = input
  const kind = kindAt(kindIdx)
  const rng = rngFor(ctx.seed, 0xe7f, index)
  const id = objectId(ctx.seed, 0xe7, index)
  if (kind.family === 'ips') {
    return { ...input.ipsRecord(index, timeMs), _id: id, key: kind.key }
  }
  const record: JsonRecord = {
    _id: id,
    key: kind.key,
    subsystem: kind.subsystem,
    site_id: ctx.siteId,
    time: timeMs,
    datetime: isoSeconds(timeMs),
  }
  const role = ROLES[kindIdx] ?? null
  let devToken = ''
  if (role) {
    const device = pickDevice(input.devices, role, rng, kind.family === 'poe')
    if (device) {
      const mac = script?.dash ? dashMac(device.mac) : device.mac
      const names = ROLE_NAMES[role]
      record[names.field] = mac
      record[`${names.field}_name`] = device.name
      record[`${names.field}_model`] = device.model
      devToken = `${names.label}[${mac}]`
    }
  }
  const client = input.client(script?.client ?? intBetween(rng, 0, Math.max(0, input.clientCount - 1)))
  const user = script?.dash ? dashMac(client.mac) : client.mac
  const aps = input.devices.ap
  const apIndex = Math.floor(rng() * aps.length)
  const ap = aps[apIndex]
  const otherAp = aps.length > 1 ? aps[(apIndex + 1 + intBetween(rng, 0, aps.length - 2)) % aps.length] : ap
  const userField = kind.key.startsWith('EVT_WG_') ? 'guest' : 'user'
  let msg = kind.msg.replaceAll('{DEV}', devToken)
  switch (kind.family) {
    case 'wifi-connect': {
      const channel = pick(rng, ['36', '44', '149', '6', '11'])
      const radio = Number(channel) > 14 ? 'na' : 'ng'
      Object.assign(record, {
        [userField]: user,
        hostname: client.hostname,
        ssid: 'HomeWiFi',
        ap: ap?.mac ?? '',
        ap_name: ap?.name ?? '',
        radio,
        channel,
        network: 'LAN',
      })
      msg = `User[${user}] has connected to AP[${ap?.mac ?? ''}] with SSID "HomeWiFi" on "channel ${channel}(${radio})"`
      break
    }
    case 'wifi-disconnect': {
      const duration = intBetween(rng, 30, 20_000)
      const bytes = intBetween(rng, 1000, 50_000_000)
      Object.assign(record, {
        [userField]: user,
        hostname: client.hostname,
        ssid: 'HomeWiFi',
        ap: ap?.mac ?? '',
        duration,
        bytes,
      })
      msg = `User[${user}] disconnected from "HomeWiFi" (${Math.floor(duration / 60)}m ${duration % 60}s connected, ${(bytes / 1024).toFixed(2)}K bytes, last AP[${ap?.mac ?? ''}])`
      break
    }
    case 'wired-connect':
      Object.assign(record, { user, hostname: client.hostname, network: 'LAN' })
      msg = `User[${user}] has connected to LAN`
      break
    case 'wired-disconnect': {
      const duration = intBetween(rng, 60, 80_000)
      Object.assign(record, { user, hostname: client.hostname, network: 'LAN', duration, bytes: duration * 1200 })
      msg = `User[${user}] disconnected from "LAN" (${Math.floor(duration / 3600)}h ${Math.floor((duration % 3600) / 60)}m connected)`
      break
    }
    case 'client-blocked':
      Object.assign(record, { user, hostname: client.hostname })
      msg = `User[${user}] has been blocked`
      break
    case 'roam': {
      const [from, to] = [pick(rng, ['36', '44', '6']), pick(rng, ['149', '100', '11'])]
      Object.assign(record, {
        [userField]: user,
        hostname: client.hostname,
        ssid: 'HomeWiFi',
        ap_from: ap?.mac ?? '',
        ap_to: otherAp?.mac ?? '',
        ap_from_name: ap?.name ?? '',
        ap_to_name: otherAp?.name ?? '',
        radio_from: Number(from) > 14 ? 'na' : 'ng',
        radio_to: Number(to) > 14 ? 'na' : 'ng',
        channel_from: from,
        channel_to: to,
        signal: -intBetween(rng, 50, 80),
      })
      msg = `User[${user}] roams from AP[${ap?.mac ?? ''}] to AP[${otherAp?.mac ?? ''}] from "channel ${from}" to "channel ${to}"`
      break
    }
    case 'roam-radio':
      Object.assign(record, {
        [userField]: user,
        hostname: client.hostname,
        ap: ap?.mac ?? '',
        ap_name: ap?.name ?? '',
        radio_from: 'ng',
        radio_to: 'na',
        channel_from: '6',
        channel_to: '44',
      })
      msg = `User[${user}] has roamed from "channel 6(ng)" to "channel 44(na)" on AP[${ap?.mac ?? ''}]`
      break
    case 'admin-login':
    case 'admin-failed':
    case 'config': {
      const admin = kind.family === 'admin-failed' ? pick(rng, ['admin', 'root', 'ubnt']) : 'report-reader'
      const ip =
        script?.ip ??
        (kind.family === 'admin-failed' ? pick(rng, ['198.51.100.66', '203.0.113.200']) : `${ctx.lanPrefix}.50`)
      Object.assign(record, { admin, ip, is_admin: true })
      msg = msg.replaceAll('{ADMIN}', admin).replaceAll('{IP}', ip)
      break
    }
    case 'rogue': {
      const bssid = macAddress('de:ad:be', rngFor(ctx.seed, 0xb55, index)() * 0xffffff)
      Object.assign(record, { bssid, essid: 'FreeWiFi', is_adhoc: false })
      msg = msg.replaceAll('{BSSID}', bssid)
      break
    }
    case 'radar':
      Object.assign(record, { channel: kind.key === 'EVT_AP_RadarDetected' ? 100 : 52, radio: 'na' })
      break
    case 'channel': {
      const from = script?.radar ? 52 : 44
      Object.assign(record, { channel_from: String(from), channel_to: script?.radar ? '36' : '149', radio: 'na' })
      msg = script?.radar
        ? `${devToken}: Radar detected on channel 52, changed channel from 52 to 36`
        : `${devToken} changed channel from ${from} to 149`
      break
    }
    case 'poe': {
      const port = intBetween(rng, 2, 16)
      Object.assign(record, { port, port_idx: port })
      msg =
        kind.key === 'EVT_SW_PoeDisconnect'
          ? `${devToken} PoE disconnected on port ${port}`
          : `${devToken} PoE power budget exceeded (206.5W of 222W), port ${port} denied power`
      break
    }
    case 'wan':
      Object.assign(record, { wan: 'WAN2', ip: ctx.wanIp })
      break
    case 'device':
      if (script?.radar && kind.key === 'EVT_AP_Interference') msg = `${devToken}: Radar detected on channel 52`
      break
    default:
      break
  }
  record.msg = msg
  return record
}
