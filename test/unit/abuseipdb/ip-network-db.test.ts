import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile, mkdir, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  IpNetworkDbError,
  loadIpNetworkDb,
  locateIpNetworkDb,
  parseIpNetworkDb,
} from '../../../src/core/integrations/abuseipdb/ip-network-db.js'

const SCRIPT = path.join(process.cwd(), 'scripts', 'build-ip-network-db.mjs')

function build(args: string[]): string {
  return execFileSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', stdio: 'pipe' })
}

describe('offline IP network database', () => {
  let dir: string
  let file: string

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ipdb-'))
    const asn = path.join(dir, 'asn')
    const country = path.join(dir, 'country')
    await mkdir(asn)
    await mkdir(country)
    await writeFile(path.join(asn, 'package.json'), '{"version":"9.9.9"}')
    await writeFile(path.join(country, 'package.json'), '{"version":"8.8.8"}')
    // 1.1.1.0/24 and 1.1.2.0/24 belong to the same owner and merge; 8.8.8.0/24 has a quoted name.
    await writeFile(
      path.join(asn, 'asn-ipv4-num.csv'),
      [
        '16843008,16843263,13335,"Cloudflare, Inc."',
        '16843264,16843519,13335,"Cloudflare, Inc."',
        '134744064,134744319,15169,"Google ""LLC"""',
        '',
      ].join('\n'),
    )
    await writeFile(
      path.join(asn, 'asn-ipv6-num.csv'),
      // 2606:4700::/32
      `${0x26064700n << 96n},${((0x26064700n + 1n) << 96n) - 1n},13335,"Cloudflare, Inc."\n`,
    )
    await writeFile(path.join(country, 'asn-country-ipv4-num.csv'), '16843008,16843519,AU\n134744064,134744319,US\n')
    await writeFile(
      path.join(country, 'asn-country-ipv6-num.csv'),
      `${0x26064700n << 96n},${((0x26064700n + 1n) << 96n) - 1n},US\n`,
    )
    file = path.join(dir, 'out', 'ip-network.bin.gz')
    build(['--asn', asn, '--country', country, '--out', file])
  })

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('answers country, ASN and organisation for IPv4 and IPv6', async () => {
    const db = await loadIpNetworkDb(file)
    expect(db.sources).toEqual({ asn: '9.9.9', country: '8.8.8' })
    expect(db.lookup('1.1.1.1')).toEqual({ country: 'AU', asn: 13335, organisation: 'Cloudflare, Inc.' })
    expect(db.lookup('1.1.2.200')).toEqual({ country: 'AU', asn: 13335, organisation: 'Cloudflare, Inc.' })
    expect(db.lookup('8.8.8.8')).toEqual({ country: 'US', asn: 15169, organisation: 'Google "LLC"' })
    expect(db.lookup('2606:4700:4700::1111')).toEqual({ country: 'US', asn: 13335, organisation: 'Cloudflare, Inc.' })
  })

  it('knows nothing about addresses outside its ranges', async () => {
    const db = await loadIpNetworkDb(file)
    expect(db.lookup('9.9.9.9')).toEqual({ country: null, asn: null, organisation: null })
    expect(db.lookup('1.1.0.255')).toEqual({ country: null, asn: null, organisation: null })
    expect(db.lookup('2a00::1')).toEqual({ country: null, asn: null, organisation: null })
    expect(db.lookup('nonsense')).toEqual({ country: null, asn: null, organisation: null })
  })

  it('skips the rebuild when the sources have not changed', () => {
    const output = build(['--asn', path.join(dir, 'asn'), '--country', path.join(dir, 'country'), '--out', file])
    expect(output).toContain('up to date')
  })

  it('refuses damaged files with a typed error', async () => {
    expect(() => parseIpNetworkDb(Buffer.from('not gzip'))).toThrow(IpNetworkDbError)
    expect(() => parseIpNetworkDb(gzipSync(Buffer.from('WRONGMAGIC')))).toThrow(/unknown format/)
    const good = await readFile(file)
    const { gunzipSync } = await import('node:zlib')
    const truncated = gzipSync(gunzipSync(good).subarray(0, 200))
    expect(() => parseIpNetworkDb(truncated)).toThrow(/truncated/)
    await expect(loadIpNetworkDb(path.join(dir, 'missing.gz'))).rejects.toThrow(IpNetworkDbError)
    await expect(loadIpNetworkDb(null)).rejects.toThrow(/missing/)
  })

  it('the database built from the shipped packages stays under 15 MB and knows real networks', async () => {
    build([])
    const real = locateIpNetworkDb()
    expect(real).not.toBeNull()
    const bytes = await readFile(real as string)
    expect(bytes.byteLength).toBeLessThan(15 * 1024 * 1024)
    const db = await loadIpNetworkDb(real)
    const cloudflare = db.lookup('1.1.1.1')
    expect(cloudflare.asn).toBe(13335)
    expect(cloudflare.organisation).toMatch(/cloudflare/i)
    expect(db.lookup('8.8.8.8').asn).toBe(15169)
    expect(db.lookup('2606:4700:4700::1111').asn).toBe(13335)
    expect(db.lookup('185.220.101.7').country).toBe('DE')
  })
})
