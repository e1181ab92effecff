/**
 * What the port forwards and the firewall expose, shared by the management, exposure and segmentation checks:
 * which forwards are open to any source, which reach a management port, and whether the firewall lets the
 * internet reach the gateway itself.
 */
import type { PostureCollection, PosturePortForward, PostureZone } from '../../unifi/posture-model.js'
import { quote } from './kit.js'

/** Console, SSH, controller and inform ports: what remote administration of UniFi listens on. */
export const MANAGEMENT_PORTS = new Set([22, 443, 8443, 8080, 8880, 8843, 11443])
/** Services that should never face the internet directly. */
export const RISKY_PORTS = new Set([21, 22, 23, 445, 1433, 3306, 3389, 5432, 5900, 6379, 9200, 27017])

/** The ports of a forward's `dst_port` (`"22"`, `"8000-8010"`, `"80,443"`), at most 64 of them. */
export function portsOf(spec: string | null): number[] {
  if (spec === null) return []
  const ports: number[] = []
  for (const part of spec.split(',').slice(0, 16)) {
    const [low, high] = part.split('-').map((p) => Number(p.trim()))
    if (low === undefined || !Number.isInteger(low)) continue
    const top = high !== undefined && Number.isInteger(high) ? Math.min(high, low + 63) : low
    for (let port = low; port <= top && ports.length < 64; port += 1) ports.push(port)
  }
  return ports
}

export function isEnabled(forward: PosturePortForward): boolean {
  return forward.enabled !== false
}

/** Open to the whole internet: no source, `any`, and no source limiting. */
export function openToAny(forward: PosturePortForward): boolean {
  if (forward.srcLimiting === true) return false
  const src = forward.src?.trim().toLowerCase() ?? ''
  return src === '' || src === 'any' || src === '0.0.0.0/0'
}

export function describeForward(forward: PosturePortForward): string {
  return (
    `port forward ${quote(forward.name)}: dst_port = ${forward.dstPort ?? 'not reported'}, ` +
    `fwd = ${forward.fwd ?? 'not reported'}, src = ${forward.src ?? 'not set'}`
  )
}

function zoneIs(zones: readonly PostureZone[] | null, id: string | null, keys: readonly string[]): boolean {
  if (zones === null || id === null) return false
  const zone = zones.find((z) => z.id === id)
  return zone !== undefined && zone.zoneKey !== null && keys.includes(zone.zoneKey)
}

export const EXTERNAL_ZONES = ['external', 'wan']
export const GATEWAY_ZONES = ['gateway']
export const INTERNAL_ZONES = ['internal', 'lan']

export function isZone(zones: readonly PostureZone[] | null, id: string | null, keys: readonly string[]): boolean {
  return zoneIs(zones, id, keys)
}

export interface ManagementExposure {
  /** Evidence of every path found; empty when none. */
  paths: string[]
  /** Why the absence of a path cannot be stated; null when both sources were read. */
  unknownReason: string | null
}

export function managementExposure(posture: PostureCollection): ManagementExposure {
  const paths: string[] = []
  const reasons: string[] = []
  if (posture.portForwards.state === 'read') {
    for (const forward of posture.portForwards.value) {
      if (!isEnabled(forward) || !openToAny(forward)) continue
      if (portsOf(forward.dstPort).some((port) => MANAGEMENT_PORTS.has(port))) paths.push(describeForward(forward))
    }
  } else reasons.push(posture.portForwards.reason)
  const firewall = posture.firewall
  if (firewall.state === 'read') {
    if (firewall.value.mode === 'legacy') {
      for (const rule of firewall.value.rules) {
        if (rule.enabled === false || rule.ruleset !== 'WAN_LOCAL' || rule.action !== 'accept' || !rule.srcAny) continue
        const ports = portsOf(rule.dstPort)
        if (ports.length === 0 || ports.some((port) => MANAGEMENT_PORTS.has(port)))
          paths.push(
            `firewall rule ${quote(rule.name)}: ruleset = WAN_LOCAL, action = accept, any source, dst_port = ${rule.dstPort ?? 'any'}`,
          )
      }
    } else {
      const { policies, zones } = firewall.value
      if (zones === null) reasons.push('the firewall zones could not be read')
      for (const policy of policies) {
        if (policy.enabled === false || policy.action !== 'ALLOW' || !policy.sourceAny) continue
        if (isZone(zones, policy.sourceZone, EXTERNAL_ZONES) && isZone(zones, policy.destinationZone, GATEWAY_ZONES))
          paths.push(
            `firewall policy ${quote(policy.name)}: ALLOW from the External zone (any source) to the Gateway zone`,
          )
      }
    }
  } else reasons.push(firewall.reason)
  return { paths, unknownReason: reasons.length > 0 ? reasons.join('; ') : null }
}
