/**
 * Internal vs external addresses for the threat source summary: RFC 1918, CGNAT (100.64.0.0/10),
 * loopback, link-local (IPv4 and IPv6) and IPv6 unique-local (fc00::/7). Everything else is external.
 */
import { isIP } from 'node:net'

const IPV4_INTERNAL: readonly (readonly [number, number])[] = [
  cidr(10, 0, 0, 0, 8),
  cidr(172, 16, 0, 0, 12),
  cidr(192, 168, 0, 0, 16),
  cidr(100, 64, 0, 0, 10),
  cidr(127, 0, 0, 0, 8),
  cidr(169, 254, 0, 0, 16),
]

function cidr(a: number, b: number, c: number, d: number, bits: number): readonly [number, number] {
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0
  // `>>> 0` after every bitwise step: JS bitwise results are signed 32-bit, and 172.x/192.x have the top bit set.
  return [(((a << 24) | (b << 16) | (c << 8) | d) & mask) >>> 0, mask]
}

function ipv4ToInt(ip: string): number {
  const [a = 0, b = 0, c = 0, d = 0] = ip.split('.').map(Number)
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0
}

export function isInternalIp(ip: string): boolean {
  const address = ip.trim()
  const version = isIP(address)
  if (version === 4) {
    const value = ipv4ToInt(address)
    return IPV4_INTERNAL.some(([network, mask]) => (value & mask) >>> 0 === network)
  }
  if (version !== 6) return false
  const lower = address.toLowerCase()
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower)
  if (mapped?.[1]) return isInternalIp(mapped[1])
  if (lower === '::1') return true
  const firstHextet = parseInt(lower.split(':')[0] || '0', 16)
  if ((firstHextet & 0xffc0) === 0xfe80) return true
  return (firstHextet & 0xfe00) === 0xfc00
}
