/**
 * Merges threats from every source. The same alert seen by several sources is
 * one threat whose `origins` lists them all. The key is (src, dst, dst port, signature, minute); system-log
 * entries carry no signature or port, so they join a signed threat with the same src and dst within a minute
 * either side, and stand alone only when no other source saw it.
 */
import type { CollectedThreat } from './model.js'

const MINUTE = 60_000

export function mergeThreats(groups: readonly (readonly CollectedThreat[])[]): CollectedThreat[] {
  const byKey = new Map<string, CollectedThreat>()
  const byPair = new Map<string, CollectedThreat>()
  const unsigned: CollectedThreat[] = []
  for (const threats of groups) {
    for (const threat of threats) {
      if (isUnsigned(threat)) {
        unsigned.push(threat)
        continue
      }
      const key = `${pairKey(threat)}|${threat.dstPort ?? ''}|${threat.signatureId ?? threat.signature}`
      const existing = byKey.get(key)
      if (existing === undefined) {
        const copy = { ...threat, origins: [...threat.origins] }
        byKey.set(key, copy)
        if (!byPair.has(pairKey(threat))) byPair.set(pairKey(threat), copy)
      } else {
        absorb(existing, threat)
      }
    }
  }
  const standalone = new Map<string, CollectedThreat>()
  for (const threat of unsigned) {
    const pair = pairKey(threat)
    const match = nearbyPair(byPair, threat) ?? standalone.get(pair)
    if (match !== undefined) absorb(match, threat)
    else standalone.set(pair, { ...threat, origins: [...threat.origins] })
  }
  return [...byKey.values(), ...standalone.values()].sort((a, b) => a.timestampMs - b.timestampMs)
}

function isUnsigned(threat: CollectedThreat): boolean {
  return threat.signature === '' && threat.signatureId === null
}

function pairKey(threat: CollectedThreat, minuteOffset = 0): string {
  return `${threat.srcIp ?? ''}|${threat.dstIp ?? ''}|${Math.floor(threat.timestampMs / MINUTE) + minuteOffset}`
}

/**
 * Sources stamp the same alert a little differently (flow start vs. log time), so a system-log entry may
 * fall into the neighbouring minute of the signed record it describes.
 */
function nearbyPair(byPair: Map<string, CollectedThreat>, threat: CollectedThreat): CollectedThreat | undefined {
  return byPair.get(pairKey(threat)) ?? byPair.get(pairKey(threat, -1)) ?? byPair.get(pairKey(threat, 1))
}

/** Adds `other`'s origin and fills fields the first source lacked. */
function absorb(target: CollectedThreat, other: CollectedThreat): void {
  for (const origin of other.origins) if (!target.origins.includes(origin)) target.origins.push(origin)
  target.signatureId ??= other.signatureId
  target.category ??= other.category
  target.severity ??= other.severity
  target.srcCountry ??= other.srcCountry
  target.dstCountry ??= other.dstCountry
  target.classtype ??= other.classtype ?? null
  target.message ??= other.message ?? null
  if (target.signature === '') target.signature = other.signature
  if (target.srcPort === null) target.srcPort = other.srcPort
  if (target.protocol === null) target.protocol = other.protocol
  // A block reported by any source means the packet was dropped.
  if (other.action === 'block' && target.action !== 'block') target.action = 'block'
}
