/**
 * MAC addresses of clients: one written form, whether the address is locally administered (the randomised,
 * "private" addresses phones and laptops use per network by default, which carry no manufacturer), and the
 * manufacturer of a globally administered one from the bundled table of the IEEE registry.
 */
import { OUI_TABLE } from './oui-table.js'

/** "AA-BB-CC-00-11-22" / "aabb.cc00.1122" → "aa:bb:cc:00:11:22"; null when it is not a MAC address. */
export function normaliseMac(value: string): string | null {
  const hex = value.toLowerCase().replace(/[^0-9a-f]/g, '')
  if (hex.length !== 12 || !/^[0-9a-f:.\-\s]+$/i.test(value.trim())) return null
  return hex.match(/../g)!.join(':')
}

/** The locally administered bit (second-least-significant bit of the first octet). */
export function isRandomisedMac(mac: string): boolean {
  const first = Number.parseInt(mac.slice(0, 2), 16)
  return Number.isFinite(first) && (first & 0b10) !== 0
}

let index: Map<string, string> | null = null

function table(): Map<string, string> {
  if (index !== null) return index
  index = new Map()
  for (const [name, prefixes] of OUI_TABLE) for (const prefix of prefixes.split(' ')) index.set(prefix, name)
  return index
}

/**
 * The manufacturer: the bundled table first, else what the controller itself said (its `oui` field); null for a
 * randomised address or one nobody knows.
 */
export function manufacturerOf(mac: string, controllerOui: string | null): string | null {
  if (isRandomisedMac(mac)) return null
  return table().get(mac.replace(/:/g, '').slice(0, 6)) ?? (controllerOui?.trim() || null)
}
