/**
 * `stat/sta` records (connected clients), shaped like aiounifi's `wireless-client.json` /
 * `wired-client.json`. Client 0 is the phone that roams between APs in the event stream.
 */
import type { DeviceSpec, JsonRecord } from './device-builders.js'
import { intBetween, macAddress, mix, objectId, pick, rngFor } from './prng.js'
import type { SiteContext } from './site-context.js'

const NAMES = [
  "Ella's iPhone",
  'Office-PC',
  'Living Room TV',
  'Kitchen Speaker',
  'Lab-Laptop',
  'Doorbell',
  'NAS',
  'Printer',
]
const OUIS: readonly [string, string][] = [
  ['d8:4c:90', 'Apple'],
  ['3c:22:fb', 'Apple'],
  ['ac:cc:de', 'Hikvision'],
  ['b8:27:eb', 'Raspberry Pi Foundation'],
  ['f0:9f:c2', 'Ubiquiti Networks Inc.'],
  ['00:11:32', 'Synology Incorporated'],
]

export interface ClientRef {
  mac: string
  name: string
  hostname: string
  ip: string
  wired: boolean
}

export function clientCount(devices: number): number {
  return Math.min(2500, Math.max(8, devices * 5))
}

export function clientRef(ctx: SiteContext, index: number): ClientRef {
  const rng = rngFor(ctx.seed, 0xc11e, index)
  const [oui] = pick(rng, OUIS)
  const base = NAMES[index % NAMES.length] ?? 'Client'
  const name = index < NAMES.length ? base : `${base} ${index}`
  return {
    mac: macAddress(oui, mix(ctx.seed, 0xc1, index) & 0xffffff),
    name,
    hostname: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    ip: `${ctx.lanPrefix}.${100 + (index % 150)}`,
    wired: index % 4 === 3,
  }
}

export function buildClient(ctx: SiteContext, index: number, devices: readonly DeviceSpec[]): JsonRecord {
  const ref = clientRef(ctx, index)
  const rng = rngFor(ctx.seed, 0xc11f, index)
  const anchorSec = Math.floor(ctx.anchorMs / 1000)
  const uptime = intBetween(rng, 60, 86_400)
  const aps = devices.filter((d) => d.role === 'ap' && d.state === 1)
  const switches = devices.filter((d) => d.role === 'switch' && d.state === 1)
  const oui = OUIS.find(([prefix]) => ref.mac.startsWith(prefix))?.[1] ?? ''
  const record: JsonRecord = {
    _id: objectId(ctx.seed, 0xc11e, index),
    mac: ref.mac,
    hostname: ref.hostname,
    name: ref.name,
    oui,
    ip: ref.ip,
    network: 'LAN',
    network_id: objectId(ctx.seed, 0x4e7, 0),
    site_id: ctx.siteId,
    user_id: objectId(ctx.seed, 0x05e, index),
    is_guest: false,
    authorized: true,
    blocked: false,
    first_seen: anchorSec - 90 * 86_400 - index,
    last_seen: anchorSec - (index % 60),
    assoc_time: anchorSec - uptime,
    latest_assoc_time: anchorSec - uptime,
    uptime,
    satisfaction: intBetween(rng, 70, 100),
    tx_retries: 0,
    use_fixedip: false,
    noted: index < NAMES.length,
  }
  const ap = aps.length > 0 ? aps[index % aps.length] : undefined
  const sw = switches.length > 0 ? switches[index % switches.length] : undefined
  if (!ref.wired && ap) {
    const signal = -intBetween(rng, 45, 80)
    Object.assign(record, {
      is_wired: false,
      essid: 'HomeWiFi',
      bssid: ap.mac,
      ap_mac: ap.mac,
      channel: 44,
      radio: 'na',
      radio_proto: 'ax',
      radio_name: 'wifi1',
      signal,
      rssi: signal + 96,
      noise: -96,
      tx_rate: 216_000,
      rx_rate: 400_000,
      tx_bytes: intBetween(rng, 1e5, 1e8),
      rx_bytes: intBetween(rng, 1e5, 1e8),
      powersave_enabled: false,
      is_11r: false,
    })
  } else {
    Object.assign(record, {
      is_wired: true,
      sw_mac: sw?.mac ?? '',
      sw_port: 2 + (index % 20),
      sw_depth: 1,
      wired_rate_mbps: 1000,
      'wired-tx_bytes': intBetween(rng, 1e5, 1e8),
      'wired-rx_bytes': intBetween(rng, 1e5, 1e8),
    })
  }
  return record
}
