/**
 * Which addresses may be sent to the reputation service: only globally routable unicast ones. Never private
 * (RFC 1918), loopback, link-local, CGNAT (100.64.0.0/10), multicast, documentation, benchmarking or other
 * special-purpose ranges (IANA's special-purpose registries), IPv6 unique-local or link-local, nor the site's
 * own WAN addresses (passed in by the caller).
 */
import { isIP } from 'node:net'
import { canonicalAddress, ipv4ToNumber, ipv6ToBigInt } from './address-numbers.js'

type V4Range = readonly [network: number, bits: number]
type V6Range = readonly [network: bigint, bits: number]

const V4_NOT_PUBLIC: readonly V4Range[] = [
  [v4('0.0.0.0'), 8], // "this network"
  [v4('10.0.0.0'), 8], // private
  [v4('100.64.0.0'), 10], // CGNAT (shared address space)
  [v4('127.0.0.0'), 8], // loopback
  [v4('169.254.0.0'), 16], // link-local
  [v4('172.16.0.0'), 12], // private
  [v4('192.0.0.0'), 24], // IETF protocol assignments
  [v4('192.0.2.0'), 24], // documentation (TEST-NET-1)
  [v4('192.31.196.0'), 24], // AS112
  [v4('192.52.193.0'), 24], // AMT
  [v4('192.88.99.0'), 24], // deprecated 6to4 relay anycast
  [v4('192.168.0.0'), 16], // private
  [v4('192.175.48.0'), 24], // AS112 direct delegation
  [v4('198.18.0.0'), 15], // benchmarking
  [v4('198.51.100.0'), 24], // documentation (TEST-NET-2)
  [v4('203.0.113.0'), 24], // documentation (TEST-NET-3)
  [v4('224.0.0.0'), 4], // multicast
  [v4('240.0.0.0'), 4], // reserved, and the limited broadcast address
]

/** Only global unicast (2000::/3) can be public; these parts of it are not. */
const V6_GLOBAL: V6Range = [v6('2000::'), 3]
const V6_NOT_PUBLIC: readonly V6Range[] = [
  [v6('2001::'), 23], // IETF protocol assignments (Teredo, ORCHID, benchmarking …)
  [v6('2001:db8::'), 32], // documentation
  [v6('2002::'), 16], // 6to4: the embedded IPv4 address decides, and it is judged on its own
  [v6('3fff::'), 20], // documentation
]

function v4(text: string): number {
  return ipv4ToNumber(text)
}

function v6(text: string): bigint {
  return ipv6ToBigInt(text)
}

function inV4(value: number, [network, bits]: V4Range): boolean {
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0
  return (value & mask) >>> 0 === network
}

function inV6(value: bigint, [network, bits]: V6Range): boolean {
  const shift = BigInt(128 - bits)
  return value >> shift === network >> shift
}

function isPublicV4(text: string): boolean {
  const value = ipv4ToNumber(text)
  return !V4_NOT_PUBLIC.some((range) => inV4(value, range))
}

function isPublicV6(text: string): boolean {
  const value = ipv6ToBigInt(text)
  if (!inV6(value, V6_GLOBAL)) return false // ::1, ::ffff:0:0/96, fc00::/7, fe80::/10, ff00::/8, 64:ff9b::/96 …
  return !V6_NOT_PUBLIC.some((range) => inV6(value, range))
}

/** True for a globally routable unicast address literal. Anything that is not an address literal is false. */
export function isPublicAddress(text: string): boolean {
  const address = text.trim()
  const version = isIP(address)
  if (version === 4) return isPublicV4(address)
  if (version === 6) return isPublicV6(address)
  return false
}

/**
 * The canonical form of `text` when it may be sent: public, and not one of the site's own addresses.
 * `own` holds canonical addresses (see `canonicalAddress`).
 */
export function sendableAddress(text: string, own: ReadonlySet<string>): string | null {
  if (!isPublicAddress(text)) return null
  const canonical = canonicalAddress(text)
  if (canonical === null || own.has(canonical)) return null
  return canonical
}
