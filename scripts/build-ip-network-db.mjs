// Builds the offline IP network database the report uses for country and network owner (ASN, organisation) of
// external addresses: out/ipdb/ip-network.bin.gz, read by src/core/integrations/*/ip-network-db.ts.
//
// Sources (devDependencies, so only this compact file ships): @ip-location-db/asn (RouteViews, the five RIRs
// and DB-IP ASN Lite, CC BY 4.0) and @ip-location-db/asn-country (the RIRs' delegations, CC0). Their CSVs are
// 80 MB unpacked; adjacent ranges of the same owner/country are merged, IPv6 is kept at /64 resolution and the
// result is gzipped (about 5 MB).
//
// Layout (little-endian typed arrays, each section padded to 8 bytes), after the 8-byte magic `IPNET001`, a
// u32 header length and the JSON header:
//   asns u32[orgs] · names (UTF-8, joined by \n) · v4 asn: u32 start[n], u32 end[n], u32 org[n]
//   · v6 asn: u64 start[n], u64 end[n] (top 64 bits), u32 org[n]
//   · v4 country: u32 start[n], u32 end[n], u16 country[n] · v6 country: u64 start[n], u64 end[n], u16 country[n]
//
// Usage: node scripts/build-ip-network-db.mjs [--asn DIR] [--country DIR] [--out FILE] [--force]
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)

function option(name) {
  const index = process.argv.indexOf(`--${name}`)
  return index === -1 ? undefined : process.argv[index + 1]
}

function packageDir(name) {
  return path.dirname(require.resolve(`${name}/package.json`))
}

const asnDir = option('asn') ?? packageDir('@ip-location-db/asn')
const countryDir = option('country') ?? packageDir('@ip-location-db/asn-country')
const outFile = path.resolve(option('out') ?? path.join(root, 'out/ipdb/ip-network.bin.gz'))
const stampFile = `${outFile}.json`

function versionOf(dir) {
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version ?? 'unknown'
}

const sources = { asn: versionOf(asnDir), country: versionOf(countryDir) }
if (!process.argv.includes('--force') && existsSync(outFile) && existsSync(stampFile)) {
  const stamp = JSON.parse(readFileSync(stampFile, 'utf8'))
  if (stamp.asn === sources.asn && stamp.country === sources.country) {
    console.log(`build-ip-network-db: ${path.relative(root, outFile)} is up to date`)
    process.exit(0)
  }
}

/** The CSV's fields: three plain ones, then the rest (an organisation name, possibly quoted). */
function splitLine(line) {
  const fields = []
  let rest = line
  for (let i = 0; i < 3; i += 1) {
    const comma = rest.indexOf(',')
    if (comma === -1) {
      fields.push(rest)
      return fields
    }
    fields.push(rest.slice(0, comma))
    rest = rest.slice(comma + 1)
  }
  if (rest.startsWith('"') && rest.endsWith('"')) rest = rest.slice(1, -1).replaceAll('""', '"')
  fields.push(rest)
  return fields
}

async function* rows(file) {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })
  for await (const line of lines) if (line.trim() !== '') yield splitLine(line.trim())
}

const TOP64 = 64n

/** Ranges as [start, end, value]; adjacent or overlapping ranges of the same value merge. */
function pushRange(list, start, end, value, one) {
  const last = list[list.length - 1]
  if (last && last[2] === value && start <= last[1] + one) {
    if (end > last[1]) last[1] = end
    return
  }
  list.push([start, end, value])
}

async function readAsn() {
  const orgIndex = new Map()
  const asns = []
  const names = []
  const indexOf = (asn, name) => {
    const key = `${asn}|${name}`
    let index = orgIndex.get(key)
    if (index === undefined) {
      index = asns.length
      orgIndex.set(key, index)
      asns.push(asn)
      names.push(name.replaceAll('\n', ' '))
    }
    return index
  }
  const v4 = []
  for await (const [start, end, asn, name = ''] of rows(path.join(asnDir, 'asn-ipv4-num.csv'))) {
    pushRange(v4, Number(start), Number(end), indexOf(Number(asn), name), 1)
  }
  const v6 = []
  for await (const [start, end, asn, name = ''] of rows(path.join(asnDir, 'asn-ipv6-num.csv'))) {
    pushRange(v6, BigInt(start) >> TOP64, BigInt(end) >> TOP64, indexOf(Number(asn), name), 1n)
  }
  return { asns, names, v4, v6 }
}

async function readCountry() {
  const codes = []
  const codeIndex = new Map()
  const indexOf = (code) => {
    let index = codeIndex.get(code)
    if (index === undefined) {
      index = codes.length
      codeIndex.set(code, index)
      codes.push(code)
    }
    return index
  }
  const v4 = []
  for await (const [start, end, code] of rows(path.join(countryDir, 'asn-country-ipv4-num.csv'))) {
    pushRange(v4, Number(start), Number(end), indexOf(code), 1)
  }
  const v6 = []
  for await (const [start, end, code] of rows(path.join(countryDir, 'asn-country-ipv6-num.csv'))) {
    pushRange(v6, BigInt(start) >> TOP64, BigInt(end) >> TOP64, indexOf(code), 1n)
  }
  return { codes, v4, v6 }
}

function padded(bytes) {
  const pad = (8 - (bytes.byteLength % 8)) % 8
  return pad === 0 ? [bytes] : [bytes, new Uint8Array(pad)]
}

function columns(list, Starts, Values) {
  const starts = new Starts(list.length)
  const ends = new Starts(list.length)
  const values = new Values(list.length)
  list.forEach(([start, end, value], i) => {
    starts[i] = start
    ends[i] = end
    values[i] = value
  })
  return [starts, ends, values].flatMap((array) => padded(new Uint8Array(array.buffer)))
}

const started = Date.now()
const asn = await readAsn()
const country = await readCountry()
const names = new TextEncoder().encode(asn.names.join('\n'))
const header = new TextEncoder().encode(
  JSON.stringify({
    format: 1,
    sources,
    orgs: asn.asns.length,
    namesBytes: names.byteLength,
    v4Asn: asn.v4.length,
    v6Asn: asn.v6.length,
    v4Country: country.v4.length,
    v6Country: country.v6.length,
    countries: country.codes,
  }),
)
const headerLength = new Uint32Array([header.byteLength])
const parts = [
  ...padded(
    new Uint8Array([...new TextEncoder().encode('IPNET001'), ...new Uint8Array(headerLength.buffer), ...header]),
  ),
  ...padded(new Uint8Array(Uint32Array.from(asn.asns).buffer)),
  ...padded(names),
  ...columns(asn.v4, Uint32Array, Uint32Array),
  ...columns(asn.v6, BigUint64Array, Uint32Array),
  ...columns(country.v4, Uint32Array, Uint16Array),
  ...columns(country.v6, BigUint64Array, Uint16Array),
]
const raw = Buffer.concat(parts)
const gz = gzipSync(raw, { level: 9 })
mkdirSync(path.dirname(outFile), { recursive: true })
writeFileSync(`${outFile}.tmp`, gz)
renameSync(`${outFile}.tmp`, outFile)
writeFileSync(stampFile, `${JSON.stringify(sources)}\n`)
console.log(
  `build-ip-network-db: ${path.relative(root, outFile) || outFile} ${(gz.byteLength / 1e6).toFixed(1)} MB ` +
    `(${(raw.byteLength / 1e6).toFixed(1)} MB raw; ${asn.v4.length + asn.v6.length} network ranges, ` +
    `${country.v4.length + country.v6.length} country ranges) in ${Date.now() - started} ms`,
)
