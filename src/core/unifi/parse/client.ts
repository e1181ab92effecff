/**
 * One `stat/sta` record (a connected client) as the inventory keeps it: the MAC, names, how it connects
 * (wired, or the SSID), its network and VLAN, whether it is a guest, and when the controller first saw it.
 * A record without a usable MAC is dropped.
 */
import type { CollectedClient } from '../model.js'
import { isPlainObject } from '../schemas/primitives.js'

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 200) : null

const integer = (value: unknown): number | null => {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof number === 'number' && Number.isInteger(number) ? number : null
}

const MAC = /^[0-9a-f]{2}(?:[:-][0-9a-f]{2}){5}$/i

export function parseClient(item: unknown): CollectedClient | null {
  if (!isPlainObject(item)) return null
  const rawMac = text(item.mac)
  if (rawMac === null || !MAC.test(rawMac)) return null
  const wired = item.is_wired === true || item.is_wired === 'true'
  const firstSeen = integer(item.first_seen)
  const vlan = integer(item.vlan)
  return {
    mac: rawMac.toLowerCase().replace(/-/g, ':'),
    name: text(item.name),
    hostname: text(item.hostname),
    ip: text(item.ip) ?? text(item.fixed_ip),
    wired,
    network: text(item.network) ?? text(item.last_connection_network_name),
    vlan: vlan !== null && vlan >= 0 && vlan <= 4094 ? vlan : null,
    ssid: wired ? null : text(item.essid),
    guest: item.is_guest === true || item.is_guest === 'true',
    firstSeenMs: firstSeen !== null && firstSeen > 0 ? firstSeen * 1000 : null,
    oui: text(item.oui),
  }
}
