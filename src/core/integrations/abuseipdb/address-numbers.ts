/** IP address literals as numbers (IPv4 as an unsigned 32-bit number, IPv6 as a 128-bit bigint). */
import { isIP } from 'node:net'

/** `a.b.c.d` → 0…2³²−1. The caller has checked `isIP(text) === 4`. */
export function ipv4ToNumber(text: string): number {
  const [a = 0, b = 0, c = 0, d = 0] = text.split('.').map(Number)
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0
}

/** Any IPv6 spelling (`::`, embedded IPv4, zone id) → 0…2¹²⁸−1. The caller has checked `isIP(text) === 6`. */
export function ipv6ToBigInt(text: string): bigint {
  let address = text.toLowerCase().split('%')[0] ?? ''
  const embedded = /(\d+\.\d+\.\d+\.\d+)$/.exec(address)
  if (embedded?.[1]) {
    const v4 = ipv4ToNumber(embedded[1])
    address = `${address.slice(0, -embedded[1].length)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`
  }
  const [head = '', tail] = address.split('::')
  const headParts = head === '' ? [] : head.split(':')
  const tailParts = tail === undefined || tail === '' ? [] : tail.split(':')
  const missing = 8 - headParts.length - tailParts.length
  const parts = tail === undefined ? headParts : [...headParts, ...Array<string>(missing).fill('0'), ...tailParts]
  let value = 0n
  for (const part of parts.slice(0, 8)) value = (value << 16n) | BigInt(parseInt(part || '0', 16))
  return value
}

/** The normal form used as a key (cache, counts): IPv4 as is, IPv6 lower-case and compressed by Node's URL parser. */
export function canonicalAddress(text: string): string | null {
  const address = text.trim()
  const version = isIP(address)
  if (version === 4) return address.split('.').map(Number).join('.')
  if (version !== 6) return null
  try {
    return new URL(`http://[${address.split('%')[0] ?? ''}]/`).hostname.replace(/^\[|\]$/g, '')
  } catch {
    return null
  }
}
