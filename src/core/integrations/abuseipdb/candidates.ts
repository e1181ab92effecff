/**
 * The external addresses of one window: every address named by a threat (source or destination, whichever is
 * outside) or by a security event, with how often and how it was handled. Only what may be sent survives
 * (`sendableAddress`); the rest is counted, never listed. Ordered most events first, so the per-run cap keeps
 * the addresses that matter most.
 */
import { isBlockedAction } from '../../analysis/threat-analysis.js'
import { EVENT_RAW_FIELDS } from '../../unifi/event-raw-fields.js'
import type { CollectedEvent, CollectedThreat } from '../../unifi/model.js'
import { canonicalAddress } from './address-numbers.js'
import { isPublicAddress, sendableAddress } from './public-address.js'

export interface Candidate {
  address: string
  events: number
  blocked: number
  allowed: number
}

export interface Candidates {
  /** Sendable addresses, most events first (ties by address). */
  list: Candidate[]
  /** Distinct addresses that were not sendable: private, reserved, the site's own. */
  notSent: number
  totals: { events: number; blocked: number; allowed: number }
}

/** Security events are the ones whose findings name an address: logins, IPS, intrusion and threat events. */
const SECURITY_EVENT = /login|auth|ips|ids|threat|intrusion|honeypot|attack|scan|brute/i
const ADDRESS_IN_TEXT = /\b(?:\d{1,3}\.){3}\d{1,3}\b|\b[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}\b/gi
/** Bounds on one event's text scan: a hostile controller can send long messages. */
const MAX_TEXT_ADDRESSES = 8

export function collectCandidates(
  threats: readonly CollectedThreat[],
  events: readonly CollectedEvent[],
  ownAddresses: readonly string[],
): Candidates {
  const own = new Set(ownAddresses.map(canonicalAddress).filter((a): a is string => a !== null))
  const counts = new Map<string, Candidate>()
  const skipped = new Set<string>()
  const totals = { events: 0, blocked: 0, allowed: 0 }

  const note = (raw: string, blocked: boolean | null): boolean => {
    const address = sendableAddress(raw, own)
    if (address === null) {
      const canonical = canonicalAddress(raw)
      if (canonical !== null) skipped.add(canonical)
      return false
    }
    let entry = counts.get(address)
    if (!entry) {
      entry = { address, events: 0, blocked: 0, allowed: 0 }
      counts.set(address, entry)
    }
    entry.events += 1
    if (blocked === true) entry.blocked += 1
    if (blocked === false) entry.allowed += 1
    return true
  }

  for (const threat of threats) {
    const blocked = isBlockedAction(threat.action)
    totals.events += 1
    if (blocked) totals.blocked += 1
    else totals.allowed += 1
    for (const ip of remoteEnds(threat)) note(ip, blocked)
  }

  for (const event of events) {
    if (!SECURITY_EVENT.test(`${event.key} ${event.event ?? ''} ${event.category ?? ''}`)) continue
    for (const ip of addressesOf(event)) note(ip, null)
  }

  for (const address of counts.keys()) skipped.delete(address)
  const list = [...counts.values()].sort((a, b) => b.events - a.events || a.address.localeCompare(b.address))
  return { list, notSent: skipped.size, totals }
}

/**
 * The remote end of a threat: the source of inbound traffic, the destination of outbound traffic (so the
 * site's own end, e.g. its WAN address as an inbound destination, is never taken for the attacker); for an
 * unknown direction, whichever end is public.
 */
function remoteEnds(threat: CollectedThreat): string[] {
  const present = (ip: string | null): ip is string => ip !== null && ip.trim() !== ''
  if (threat.direction === 'inbound') return [threat.srcIp].filter(present)
  if (threat.direction === 'outbound') return [threat.dstIp].filter(present)
  const ends = [threat.srcIp, threat.dstIp].filter(present)
  const remote = ends.filter((ip) => isPublicAddress(ip))
  return remote.length > 0 ? remote : ends
}

function addressesOf(event: CollectedEvent): Set<string> {
  const found = new Set<string>()
  for (const field of EVENT_RAW_FIELDS.addresses) {
    const value = event.raw[field]
    if (typeof value === 'string' && canonicalAddress(value) !== null) found.add(value.trim())
  }
  let scanned = 0
  for (const match of event.message.slice(0, 4096).matchAll(ADDRESS_IN_TEXT)) {
    if (scanned++ >= MAX_TEXT_ADDRESSES) break
    if (canonicalAddress(match[0]) !== null) found.add(match[0])
  }
  return found
}
