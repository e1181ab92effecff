/**
 * The offline IP network database: country and network owner (ASN, organisation) of an address, with no
 * request leaving the machine. The file is built from registry packages by scripts/build-ip-network-db.mjs (its
 * header comment gives the layout and the sources' licences) and read here once per process.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { isIP } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { ScannerError } from '../../errors.js'
import { ipv4ToNumber, ipv6ToBigInt } from './address-numbers.js'

export const IP_NETWORK_DB_FILE = join('ipdb', 'ip-network.bin.gz')

export interface NetworkInfo {
  /** ISO 3166 alpha-2 code of the registry delegation, e.g. `DE`; null when unknown. */
  country: string | null
  asn: number | null
  /** Organisation that announces the address, e.g. `Cloudflare, Inc.`; null when unknown. */
  organisation: string | null
}

export interface IpNetworkDb {
  /** Versions of the source packages the file was built from. */
  readonly sources: Record<string, string>
  lookup(address: string): NetworkInfo
}

export class IpNetworkDbError extends ScannerError {
  constructor(message: string, cause?: unknown) {
    super('config', 'IP_NETWORK_DB_UNREADABLE', message, { cause })
  }
}

interface Header {
  format: number
  sources: Record<string, string>
  orgs: number
  namesBytes: number
  v4Asn: number
  v6Asn: number
  v4Country: number
  v6Country: number
  countries: string[]
}

interface Table<T extends number | bigint> {
  starts: ArrayLike<T>
  ends: ArrayLike<T>
  values: ArrayLike<number>
}

const MAGIC = 'IPNET001'
/** A sane bound: the real file is about 12 MB unpacked. */
const MAX_RAW_BYTES = 64 * 1024 * 1024

export function parseIpNetworkDb(gzipped: Uint8Array): IpNetworkDb {
  let raw: Buffer
  try {
    raw = gunzipSync(gzipped, { maxOutputLength: MAX_RAW_BYTES })
  } catch (error) {
    throw new IpNetworkDbError('The offline IP network database is damaged (not a gzip file).', error)
  }
  // A private copy: typed-array views need an 8-byte-aligned buffer of their own.
  const bytes = new Uint8Array(raw.byteLength)
  bytes.set(raw)
  if (new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) {
    throw new IpNetworkDbError('The offline IP network database has an unknown format.')
  }
  const view = new DataView(bytes.buffer)
  const headerLength = view.getUint32(8, true)
  let header: Header
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as Header
  } catch (error) {
    throw new IpNetworkDbError('The offline IP network database has a damaged header.', error)
  }
  if (header.format !== 1) throw new IpNetworkDbError('The offline IP network database has an unknown format.')
  let offset = align(12 + headerLength)
  const take = <A>(count: number, size: number, make: (buffer: ArrayBuffer, at: number, n: number) => A): A => {
    const end = offset + count * size
    if (end > bytes.byteLength) throw new IpNetworkDbError('The offline IP network database is truncated.')
    const array = make(bytes.buffer, offset, count)
    offset = align(end)
    return array
  }
  const u32 = (n: number) => take(n, 4, (b, at, count) => new Uint32Array(b, at, count))
  const u16 = (n: number) => take(n, 2, (b, at, count) => new Uint16Array(b, at, count))
  const u64 = (n: number) => take(n, 8, (b, at, count) => new BigUint64Array(b, at, count))
  const asns = u32(header.orgs)
  const names = new TextDecoder().decode(take(header.namesBytes, 1, (b, at, n) => new Uint8Array(b, at, n))).split('\n')
  const v4Asn: Table<number> = { starts: u32(header.v4Asn), ends: u32(header.v4Asn), values: u32(header.v4Asn) }
  const v6Asn: Table<bigint> = { starts: u64(header.v6Asn), ends: u64(header.v6Asn), values: u32(header.v6Asn) }
  const v4Country: Table<number> = {
    starts: u32(header.v4Country),
    ends: u32(header.v4Country),
    values: u16(header.v4Country),
  }
  const v6Country: Table<bigint> = {
    starts: u64(header.v6Country),
    ends: u64(header.v6Country),
    values: u16(header.v6Country),
  }

  const org = (index: number | null): Pick<NetworkInfo, 'asn' | 'organisation'> => {
    if (index === null) return { asn: null, organisation: null }
    const asn = asns[index]
    const name = names[index]?.trim()
    return { asn: asn === undefined || asn === 0 ? null : asn, organisation: name ? name : null }
  }
  const country = (index: number | null): string | null => (index === null ? null : (header.countries[index] ?? null))

  return {
    sources: header.sources,
    lookup(address) {
      const text = address.trim()
      const version = isIP(text)
      if (version === 4) {
        const value = ipv4ToNumber(text)
        return { country: country(find(v4Country, value)), ...org(find(v4Asn, value)) }
      }
      if (version === 6) {
        const value = ipv6ToBigInt(text) >> 64n
        return { country: country(find(v6Country, value)), ...org(find(v6Asn, value)) }
      }
      return { country: null, asn: null, organisation: null }
    },
  }
}

function align(offset: number): number {
  return offset + ((8 - (offset % 8)) % 8)
}

/** Binary search for the last range starting at or before `value`; its value when it also covers `value`. */
function find<T extends number | bigint>(table: Table<T>, value: T): number | null {
  let low = 0
  let high = table.starts.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const start = table.starts[middle] as T
    if (start <= value) {
      found = middle
      low = middle + 1
    } else {
      high = middle - 1
    }
  }
  if (found === -1) return null
  const end = table.ends[found] as T
  return value <= end ? (table.values[found] ?? null) : null
}

/**
 * Where the built file is: beside the bundles (`out/ipdb/` next to `out/cli/`, `out/main/`, also inside the
 * packed app), or under `out/` of the repository when running from source. Walks up a bounded number of folders.
 */
export function locateIpNetworkDb(from: string = dirname(fileURLToPath(import.meta.url))): string | null {
  let dir = from
  for (let depth = 0; depth < 8; depth += 1) {
    for (const candidate of [join(dir, IP_NETWORK_DB_FILE), join(dir, 'out', IP_NETWORK_DB_FILE)]) {
      if (existsSync(candidate)) return candidate
    }
    const parent = dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  return null
}

const loaded = new Map<string, Promise<IpNetworkDb>>()

/** Reads and parses the file once per process and path. */
export function loadIpNetworkDb(path: string | null = locateIpNetworkDb()): Promise<IpNetworkDb> {
  if (path === null) {
    return Promise.reject(
      new IpNetworkDbError(
        'The offline IP network database is missing from this installation (ipdb/ip-network.bin.gz).',
      ),
    )
  }
  let pending = loaded.get(path)
  if (pending === undefined) {
    pending = readFile(path).then(
      (content) => parseIpNetworkDb(content),
      (error: unknown) => {
        throw new IpNetworkDbError('The offline IP network database could not be read.', error)
      },
    )
    // A failed read may succeed later (a file restored): do not keep the rejection.
    pending.catch(() => loaded.delete(path))
    loaded.set(path, pending)
  }
  return pending
}
