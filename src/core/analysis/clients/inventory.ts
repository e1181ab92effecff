/**
 * The client inventory of a site and what joined since the previous report. The first report of a site records
 * every client as the baseline and lists none as new. Later, a client the inventory has never seen (and nobody
 * marked as known) is new: medium when it is wired on a trusted network (someone plugged a device in), low on a
 * guest network or over Wi-Fi. Locally administered (randomised) addresses change by design, so they are
 * counted per SSID and never listed one by one. Pure: the stores read and write around it.
 */
import type { CollectedClient } from '../../unifi/model.js'
import { isRandomisedMac, manufacturerOf } from './mac.js'

export interface InventoryClient {
  mac: string
  /** The name set on the controller, else the hostname the client gave. */
  name: string | null
  manufacturer: string | null
  wired: boolean
  network: string | null
  vlan: number | null
  ssid: string | null
  guest: boolean
  randomised: boolean
  /** ISO 8601 with offset: when this inventory first saw it, and last saw it. */
  firstSeen: string
  lastSeen: string
}

export interface SiteInventory {
  /** When the baseline was recorded. */
  baselineAt: string
  /** When a report last updated it: the date "new since" refers to. */
  updatedAt: string
  clients: InventoryClient[]
}

export interface KnownClient {
  mac: string
  name: string | null
  markedAt: string
}

export interface NewClient extends InventoryClient {
  severity: 'medium' | 'low'
}

export interface RandomisedGroup {
  /** The SSID, or the network for a wired one. */
  where: string
  guest: boolean
  count: number
}

export interface ClientChanges {
  baseline: boolean
  /** When the inventory was last updated before this report; null on a baseline. */
  since: string | null
  newClients: NewClient[]
  randomised: RandomisedGroup[]
  /** The inventory after this report. */
  inventory: SiteInventory
  totals: { connected: number; wired: number; wireless: number; known: number; inventory: number }
}

const DAY_MS = 86_400_000
/** A client not seen for this long leaves the inventory (a known one never does). */
export const INVENTORY_KEEP_DAYS = 90
/** Randomised addresses rotate: they are kept only long enough not to be counted twice in a week. */
export const RANDOMISED_KEEP_DAYS = 7
export const MAX_INVENTORY_CLIENTS = 5000

const isGuest = (client: CollectedClient): boolean => client.guest || /guest/i.test(client.network ?? '')

export function toInventoryClient(client: CollectedClient, seenAt: string): InventoryClient {
  return {
    mac: client.mac,
    name: client.name ?? client.hostname,
    manufacturer: manufacturerOf(client.mac, client.oui),
    wired: client.wired,
    network: client.network,
    vlan: client.vlan,
    ssid: client.ssid,
    guest: isGuest(client),
    randomised: isRandomisedMac(client.mac),
    firstSeen: seenAt,
    lastSeen: seenAt,
  }
}

export function compareClients(args: {
  current: readonly CollectedClient[]
  previous: SiteInventory | null
  known: readonly KnownClient[]
  nowIso: string
  nowMs: number
}): ClientChanges {
  const { previous, nowIso } = args
  const known = new Map(args.known.map((client) => [client.mac, client]))
  const before = new Map((previous?.clients ?? []).map((client) => [client.mac, client]))
  const seen = new Map<string, InventoryClient>()
  const newClients: NewClient[] = []
  const groups = new Map<string, RandomisedGroup>()
  for (const client of args.current) {
    if (seen.has(client.mac)) continue
    const old = before.get(client.mac)
    const now = toInventoryClient(client, nowIso)
    const entry: InventoryClient = old === undefined ? now : { ...now, firstSeen: old.firstSeen }
    seen.set(client.mac, entry)
    if (previous === null || old !== undefined || known.has(client.mac)) continue
    if (entry.randomised) {
      const where = entry.ssid ?? entry.network ?? (entry.wired ? 'wired' : 'unknown network')
      const key = `${where}|${entry.guest}`
      const group = groups.get(key) ?? { where, guest: entry.guest, count: 0 }
      group.count += 1
      groups.set(key, group)
      continue
    }
    newClients.push({ ...entry, severity: entry.wired && !entry.guest ? 'medium' : 'low' })
  }
  const kept = [...seen.values()]
  for (const old of before.values()) {
    if (seen.has(old.mac)) continue
    const age = args.nowMs - Date.parse(old.lastSeen)
    const limit = (old.randomised ? RANDOMISED_KEEP_DAYS : INVENTORY_KEEP_DAYS) * DAY_MS
    if (known.has(old.mac) || !(age > limit)) kept.push(old)
  }
  kept.sort((a, b) => b.lastSeen.localeCompare(a.lastSeen))
  const connected = [...seen.values()]
  newClients.sort((a, b) => (a.severity === b.severity ? a.mac.localeCompare(b.mac) : a.severity === 'medium' ? -1 : 1))
  return {
    baseline: previous === null,
    since: previous?.updatedAt ?? null,
    newClients,
    randomised: [...groups.values()].sort((a, b) => b.count - a.count),
    inventory: {
      baselineAt: previous?.baselineAt ?? nowIso,
      updatedAt: nowIso,
      clients: kept.slice(0, MAX_INVENTORY_CLIENTS),
    },
    totals: {
      connected: connected.length,
      wired: connected.filter((client) => client.wired).length,
      wireless: connected.filter((client) => !client.wired).length,
      known: connected.filter((client) => known.has(client.mac)).length,
      inventory: Math.min(kept.length, MAX_INVENTORY_CLIENTS),
    },
  }
}
