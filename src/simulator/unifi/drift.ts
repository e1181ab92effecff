/**
 * What changes on the simulated network between two reports, set by a test or the demo: devices whose
 * fields move (one comes back online, one starts to run hot) and clients that join the site. The drift is
 * applied to every answer of `stat/device` and `stat/sta` of the `default` site until it is replaced.
 */
import type { JsonRecord } from '../data/device-builders.js'

export interface JoinedClient {
  mac: string
  hostname: string
  /** Wired on a switch port, else wireless on `essid`. */
  wired: boolean
  /** Network name (default `LAN`, or `Guest` for a guest). */
  network?: string
  vlan?: number
  essid?: string
  guest?: boolean
  /** Manufacturer as the controller reports it (`oui`); absent for a randomised address. */
  oui?: string
}

export interface SimulatorDrift {
  /** Fields merged into a device's record, by its name or MAC (e.g. `{ state: 1 }` brings an offline AP back). */
  devices?: Record<string, JsonRecord>
  /** Clients connected in addition to the dataset's own. */
  joinedClients?: JoinedClient[]
}

export function driftDevices(list: readonly JsonRecord[], drift: SimulatorDrift): JsonRecord[] {
  const changes = drift.devices ?? {}
  if (Object.keys(changes).length === 0) return [...list]
  return list.map((device) => {
    const change = changes[String(device.name)] ?? changes[String(device.mac)]
    return change === undefined ? device : { ...device, ...change }
  })
}

export function driftClients(list: readonly JsonRecord[], drift: SimulatorDrift, nowMs: number): JsonRecord[] {
  const joined = drift.joinedClients ?? []
  if (joined.length === 0) return [...list]
  const nowSec = Math.floor(nowMs / 1000)
  return [
    ...list,
    ...joined.map((client, index) => ({
      _id: `drift${String(index).padStart(20, '0')}`,
      mac: client.mac,
      hostname: client.hostname,
      oui: client.oui ?? '',
      ip: `192.168.${client.guest ? 30 : 1}.${200 + (index % 50)}`,
      network: client.network ?? (client.guest ? 'Guest' : 'LAN'),
      ...(client.vlan === undefined ? {} : { vlan: client.vlan }),
      is_guest: client.guest ?? false,
      is_wired: client.wired,
      first_seen: nowSec - 600,
      last_seen: nowSec,
      uptime: 600,
      ...(client.wired ? { sw_port: 7 } : { essid: client.essid ?? 'HomeWiFi', radio: 'na', signal: -60 }),
    })),
  ]
}
