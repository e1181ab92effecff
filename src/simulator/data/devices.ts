/**
 * The device roster of a site: a fixed cast of interesting devices first (overheating gateway with WAN2
 * offline, a PoE switch at 93 % of its budget, an AP with high CPU, one up for 200 days, devices without
 * temperatures, offline/heartbeat-missed/adoption-failed states, a dash-form MAC), then ordinary APs and
 * switches up to the requested count.
 */
import { buildAccessPoint, buildGateway, buildSwitch, type DeviceSpec, type JsonRecord } from './device-builders.js'
import { intBetween, macAddress, mix, rngFor } from './prng.js'
import type { SiteContext } from './site-context.js'

const DAY_S = 86_400
const OUI = { gateway: '28:70:4e', switch: 'fc:ec:da', ap: '80:2a:a8' } as const

type Cast = Omit<DeviceSpec, 'index' | 'mac' | 'ip' | 'uplinkMac'>

const base = {
  state: 1,
  uptimeAsString: false,
  overheating: false,
  upgradable: false,
  poeBudgetW: 0,
  poeLoad: 0,
  portCount: 1,
  dashMac: false,
  wan2Offline: false,
} as const

/** The fixed cast; the analysis tests rely on these, so their order and values are part of the contract. */
const CAST: readonly Cast[] = [
  {
    ...base,
    role: 'gateway',
    type: 'udm',
    model: 'UDMPRO',
    name: 'UDM-Pro',
    version: '4.3.6.12345',
    uptimeSec: 12 * DAY_S,
    cpu: 34.2,
    mem: 71.0,
    temperatureC: 93,
    overheating: true,
    wan2Offline: true,
    portCount: 4,
    upgradable: true,
  },
  {
    ...base,
    role: 'switch',
    type: 'usw',
    model: 'US24P250',
    name: 'Core Switch 24 PoE',
    version: '7.1.26.15869',
    uptimeSec: 41 * DAY_S,
    cpu: 21.5,
    mem: 48.3,
    temperatureC: 58,
    poeBudgetW: 222,
    poeLoad: 0.93,
    portCount: 26,
  },
  {
    ...base,
    role: 'ap',
    type: 'uap',
    model: 'U7PG2',
    name: 'Lobby AP',
    version: '6.6.77.15402',
    uptimeSec: 9 * DAY_S,
    cpu: 88.0,
    mem: 62.4,
    temperatureC: null,
  },
  {
    ...base,
    role: 'ap',
    type: 'uap',
    model: 'UAL6',
    name: 'Office AP',
    version: '6.6.77.15402',
    uptimeSec: 200 * DAY_S,
    uptimeAsString: true,
    cpu: 12.1,
    mem: 40.2,
    temperatureC: null,
  },
  {
    ...base,
    role: 'switch',
    type: 'usw',
    model: 'US16P150',
    name: 'Switch 16 PoE',
    version: '7.1.26.15869',
    uptimeSec: 46 * DAY_S,
    cpu: 9.0,
    mem: 49.3,
    temperatureC: 56,
    poeBudgetW: 150,
    poeLoad: 0.3,
    portCount: 18,
    dashMac: true,
  },
  {
    ...base,
    role: 'switch',
    type: 'usw',
    model: 'USMINI',
    name: 'Desk Flex Mini',
    version: '2.1.6.762',
    uptimeSec: 23 * DAY_S,
    cpu: 4.0,
    mem: 33.0,
    temperatureC: null,
    portCount: 5,
  },
  {
    ...base,
    role: 'ap',
    type: 'uap',
    model: 'U7PRO',
    name: 'Garden AP',
    version: '8.0.21.16143',
    state: 6,
    uptimeSec: 3 * DAY_S,
    cpu: 7.5,
    mem: 30.1,
    temperatureC: null,
  },
  {
    ...base,
    role: 'ap',
    type: 'uap',
    model: 'UAL6',
    name: 'Garage AP',
    version: '6.6.77.15402',
    state: 0,
    uptimeSec: 0,
    cpu: 0,
    mem: 0,
    temperatureC: null,
  },
  {
    ...base,
    role: 'switch',
    type: 'usw',
    model: 'US8',
    name: 'Attic Switch',
    version: '7.1.26.15869',
    state: 10,
    uptimeSec: 0,
    cpu: 0,
    mem: 0,
    temperatureC: null,
    portCount: 8,
  },
  {
    ...base,
    role: 'ap',
    type: 'uap',
    model: 'U6PRO',
    name: 'Upstairs AP',
    version: '6.6.55.15189',
    uptimeSec: 19 * DAY_S,
    cpu: 15.3,
    mem: 45.8,
    temperatureC: null,
    upgradable: true,
  },
]

/** Number of fixed-cast devices; a roster smaller than this is a prefix of the cast. */
export const CAST_SIZE = CAST.length

function ordinary(ctx: SiteContext, index: number): Cast {
  const rng = rngFor(ctx.seed, 0xd0d0, index)
  const isSwitch = index % 4 === 0
  const uptimeSec = intBetween(rng, 1, 60) * DAY_S + intBetween(rng, 0, DAY_S)
  if (isSwitch) {
    return {
      ...base,
      role: 'switch',
      type: 'usw',
      model: 'USL24P',
      name: `Switch ${index}`,
      version: '7.1.26.15869',
      uptimeSec,
      cpu: intBetween(rng, 30, 300) / 10,
      mem: intBetween(rng, 300, 600) / 10,
      temperatureC: intBetween(rng, 38, 62),
      poeBudgetW: 95,
      poeLoad: intBetween(rng, 5, 60) / 100,
      portCount: 26,
    }
  }
  return {
    ...base,
    role: 'ap',
    type: 'uap',
    model: index % 2 === 0 ? 'U6PRO' : 'U7PRO',
    name: `AP ${index}`,
    version: '8.0.21.16143',
    uptimeSec,
    cpu: intBetween(rng, 20, 350) / 10,
    mem: intBetween(rng, 250, 650) / 10,
    temperatureC: null,
  }
}

function ipFor(ctx: SiteContext, index: number): string {
  return index < 240 ? `${ctx.lanPrefix}.${index + 2}` : `10.20.${index >> 8}.${index & 255}`
}

export function deviceSpecs(ctx: SiteContext, count: number): DeviceSpec[] {
  const specs: DeviceSpec[] = []
  for (let index = 0; index < count; index++) {
    const cast = CAST[index] ?? ordinary(ctx, index)
    specs.push({
      ...cast,
      index,
      mac: macAddress(OUI[cast.role], mix(ctx.seed, 0xdea, index) & 0xffffff),
      ip: ipFor(ctx, index),
      uplinkMac: null,
    })
  }
  // Everything hangs off the gateway; APs past the cast hang off the first switch.
  const gateway = specs.find((spec) => spec.role === 'gateway')
  const firstSwitch = specs.find((spec) => spec.role === 'switch')
  for (const spec of specs) {
    if (spec.role === 'gateway') continue
    spec.uplinkMac = (spec.role === 'ap' && firstSwitch ? firstSwitch.mac : gateway?.mac) ?? null
  }
  return specs
}

export function buildDevice(ctx: SiteContext, spec: DeviceSpec): JsonRecord {
  const anchorSec = Math.floor(ctx.anchorMs / 1000)
  const lastSeen = spec.state === 1 ? anchorSec - (spec.index % 30) : anchorSec - 3 * 3600
  if (spec.role === 'gateway') return buildGateway(ctx, spec, lastSeen)
  if (spec.role === 'switch') return buildSwitch(ctx, spec, lastSeen)
  return buildAccessPoint(ctx, spec, lastSeen)
}
