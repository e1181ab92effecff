/**
 * Small seeded pseudo-random helpers. Every generated record is a pure function of (seed, salt, index), so a
 * page of 100 000 events can be produced without generating the rows before it, and two runs with the same
 * seed and `now` serve byte-identical data.
 */

export type Rng = () => number

/** mulberry32: fast, 32-bit state, good enough for test data (not for anything secret). */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function mixStep(h: number, part: number): number {
  let k = Math.imul(part | 0, 0xcc9e2d51)
  k = (k << 15) | (k >>> 17)
  h = Math.imul(h ^ Math.imul(k, 0x1b873593), 5) + 0xe6546b64
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return h ^ (h >>> 16)
}

/** Mixes up to four integers into one well-spread 32-bit value (murmur3 finaliser per part). */
export function mix(a: number, b = 0, c = 0, d = 0): number {
  return mixStep(mixStep(mixStep(mixStep(0x9e3779b9, a), b), c), d) >>> 0
}

export function rngFor(seed: number, salt: number, index: number): Rng {
  return mulberry32(mix(seed, salt, index))
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)]
  if (item === undefined) throw new RangeError('pick() needs a non-empty list')
  return item
}

/** Integer in [lo, hi], both inclusive. */
export function intBetween(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1))
}

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals
  return Math.round(value * f) / f
}

function hex(value: number, width: number): string {
  return (value >>> 0).toString(16).padStart(width, '0').slice(-width)
}

/** A 24-hex-digit Mongo-style `_id`, stable for (seed, salt, index). */
export function objectId(seed: number, salt: number, index: number): string {
  return hex(mix(seed, salt, index, 1), 8) + hex(mix(seed, salt, index, 2), 8) + hex(mix(seed, salt, index, 3), 8)
}

/** Lower-case colon MAC with a fixed vendor prefix (`oui`, e.g. `fc:ec:da`). */
export function macAddress(oui: string, value: number): string {
  const tail = hex(value, 6)
  return `${oui}:${tail.slice(0, 2)}:${tail.slice(2, 4)}:${tail.slice(4, 6)}`
}

/** The same MAC in the upper-case dash form some controllers emit. */
export function dashMac(mac: string): string {
  return mac.toUpperCase().replaceAll(':', '-')
}
