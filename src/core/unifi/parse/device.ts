/**
 * `stat/device` record → CollectedDevice. Temperatures come in three shapes by model:
 * `temperatures[]`, `general_temperature`, or `temps`/`system-stats.temps` strings with a unit. A device
 * that reports none gets null ("not reported"), never 0.
 */
import type { CollectedDevice, PoePort, WanLink } from '../model.js'
import { normaliseMac } from '../normalise.js'
import { deviceSchema, type DeviceRecord, type TemperatureEntry } from '../schemas/device.js'
import { capText, isPlainObject, MAX_NAME_CHARS, toBoolean, toNumber, toText } from '../schemas/primitives.js'

const MAC_PATTERN = /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/

/** Returns null when the record is not a device at all (no MAC address, not an object). */
export function parseDevice(input: unknown): CollectedDevice | null {
  const parsed = deviceSchema.safeParse(input)
  if (!parsed.success) return null
  const record = parsed.data
  const mac = normaliseMac(record.mac)
  if (mac === null || !MAC_PATTERN.test(mac)) return null
  const stats = record['system-stats'] ?? {}
  const budget = record.total_max_power
  return {
    mac,
    name: record.name === null ? mac : capText(record.name, MAX_NAME_CHARS),
    model: record.model,
    type: record.type ?? 'unknown',
    state: record.state,
    version: record.version,
    uptimeSec: record.uptime ?? toNumber(stats.uptime),
    cpuPercent: toNumber(stats.cpu),
    memPercent: toNumber(stats.mem),
    temperatureC: temperatureOf(record),
    overheating: record.overheating ?? false,
    upgradable: record.upgradable ?? false,
    poeBudgetW: budget !== null && budget > 0 ? budget : null,
    poePorts: poePortsOf(record),
    wan: wanLinksOf(record),
  }
}

/** The hottest reported sensor, in °C. */
function temperatureOf(record: DeviceRecord): number | null {
  const readings: number[] = []
  for (const entry of record.temperatures ?? []) {
    const value = entryCelsius(entry)
    if (value !== null) readings.push(value)
  }
  const general = celsius(record.general_temperature, null)
  if (general !== null) readings.push(general)
  const stats = record['system-stats']
  for (const table of [record.temps, isPlainObject(stats?.temps) ? stats.temps : null]) {
    if (table === null) continue
    for (const value of Object.values(table)) {
      const reading = celsius(value, null)
      if (reading !== null) readings.push(reading)
    }
  }
  // Some firmware reports 0 for "no sensor"; a real device is never at 0 °C indoors.
  let hottest: number | null = null
  for (const value of readings) if (value > 0 && (hottest === null || value > hottest)) hottest = value
  return hottest
}

function entryCelsius(entry: TemperatureEntry): number | null {
  return celsius(entry.value, entry.unit)
}

/** `72`, `"72 C"`, `"161.6 F"`, `"72°C"`; a unit of F/fahrenheit converts. */
function celsius(value: unknown, unit: string | null): number | null {
  const number = toNumber(value)
  if (number === null) return null
  const unitText = `${unit ?? ''} ${typeof value === 'string' ? value : ''}`.toLowerCase()
  const fahrenheit = /(^|[\s\d°])f(ahrenheit)?\b/.test(unitText)
  const result = fahrenheit ? ((number - 32) * 5) / 9 : number
  return Math.round(result * 10) / 10
}

function poePortsOf(record: DeviceRecord): PoePort[] {
  const ports: PoePort[] = []
  for (const port of record.port_table ?? []) {
    if (port.port_poe !== true) continue
    ports.push({
      index: port.port_idx ?? ports.length + 1,
      name: port.name,
      powerW: port.poe_power ?? 0,
      poeEnabled: port.poe_enable ?? false,
      up: port.up ?? false,
    })
  }
  return ports
}

function wanLinksOf(record: DeviceRecord): WanLink[] {
  const interfaces = [record.wan1 ?? null, record.wan2 ?? null]
  const status = record.last_wan_status
  if (status !== null) {
    return Object.entries(status).map(([name, value], index) => {
      const text = toText(value)?.toLowerCase() ?? ''
      const up = text === 'online' || text === 'up' || toBoolean(value) === true
      return { name, up, ip: interfaces[index]?.ip ?? null }
    })
  }
  const links: WanLink[] = []
  interfaces.forEach((wan, index) => {
    if (wan === null) return
    links.push({ name: index === 0 ? 'WAN' : `WAN${index + 1}`, up: wan.up ?? false, ip: wan.ip })
  })
  return links
}
