import { describe, expect, it } from 'vitest'
import { parseControllerAddress } from '../../../src/core/unifi/address.js'
import { CookieJar, csrfFromHeaders, csrfFromJwt } from '../../../src/core/unifi/credentials.js'
import { mergeThreats } from '../../../src/core/unifi/merge-threats.js'
import type { CollectedThreat } from '../../../src/core/unifi/model.js'
import { chooseSite } from '../../../src/core/unifi/sites.js'
import { ConfigError } from '../../../src/core/errors.js'

describe('parseControllerAddress', () => {
  it.each([
    ['192.168.1.1', { host: '192.168.1.1', port: null }],
    ['https://192.168.1.1/network/default/dashboard', { host: '192.168.1.1', port: null }],
    ['unifi.example.com:8443', { host: 'unifi.example.com', port: 8443 }],
    ['http://unifi.example.com:11443/', { host: 'unifi.example.com', port: 11443 }],
    ['[fd00::1]:443', { host: 'fd00::1', port: 443 }],
  ])('%s', (input, expected) => {
    expect(parseControllerAddress(input)).toEqual(expected)
  })

  it('rejects empty addresses and bad ports with a ConfigError', () => {
    expect(() => parseControllerAddress(undefined)).toThrow(ConfigError)
    expect(() => parseControllerAddress('host:70000')).toThrow(/Port 70000/)
  })
})

describe('session credentials', () => {
  it('keeps the session cookie from a Partitioned Set-Cookie and drops expired ones', () => {
    const jar = new CookieJar()
    jar.absorb({
      'set-cookie': ['UOS_TOKEN=abc.def.ghi; path=/; HttpOnly; Secure; Partitioned; SameSite=None', 'other=1'],
    })
    expect(jar.sessionCookie()).toEqual({ name: 'UOS_TOKEN', value: 'abc.def.ghi' })
    expect(jar.header()).toBe('UOS_TOKEN=abc.def.ghi; other=1')
    jar.absorb({ 'set-cookie': 'other=; Max-Age=0' })
    expect(jar.header()).toBe('UOS_TOKEN=abc.def.ghi')
  })

  it('prefers the rotated x-updated-csrf-token and reads the JWT csrfToken claim', () => {
    expect(csrfFromHeaders({ 'x-csrf-token': 'old', 'x-updated-csrf-token': 'new' })).toBe('new')
    expect(csrfFromHeaders({})).toBeNull()
    const payload = Buffer.from(JSON.stringify({ userId: 'u', csrfToken: 'from-jwt' })).toString('base64url')
    expect(csrfFromJwt(`header.${payload}.signature`)).toBe('from-jwt')
    expect(csrfFromJwt('not-a-jwt')).toBeNull()
  })
})

describe('chooseSite', () => {
  const sites = [
    { name: 'default', description: 'Default' },
    { name: 'x7k2pq9d', description: 'Branch office' },
  ]

  it('uses the configured name, or the only site, and lists the sites otherwise', () => {
    expect(chooseSite(sites, 'x7k2pq9d').description).toBe('Branch office')
    expect(chooseSite(sites.slice(0, 1), undefined).name).toBe('default')
    expect(() => chooseSite(sites, undefined)).toThrow(/default \(Default\), x7k2pq9d \(Branch office\)/)
    expect(() => chooseSite(sites, 'nope')).toThrow(/"nope" was not found/)
    expect(() => chooseSite([], undefined)).toThrow(/No sites/)
  })
})

describe('mergeThreats', () => {
  const base: CollectedThreat = {
    origins: ['traffic-flows'],
    timestampMs: 1_800_000_010_000,
    srcIp: '185.220.101.7',
    srcPort: 51514,
    dstIp: '10.0.0.2',
    dstPort: 443,
    protocol: 'TCP',
    signature: 'ET SCAN Example',
    signatureId: 2001000,
    category: null,
    severity: 2,
    action: 'allow',
    srcCountry: null,
    dstCountry: null,
    direction: 'inbound',
  }

  it('merges the same alert from several sources in one minute and lists every origin', () => {
    const legacy = {
      ...base,
      origins: ['stat/ips/event' as const],
      timestampMs: base.timestampMs + 20_000,
      srcCountry: 'DE',
      action: 'block',
    }
    const log = {
      ...base,
      origins: ['system-log' as const],
      signature: '',
      signatureId: null,
      dstPort: null,
      srcPort: null,
    }
    const merged = mergeThreats([[base], [legacy], [log]])
    expect(merged).toHaveLength(1)
    expect(merged[0]?.origins).toEqual(['traffic-flows', 'stat/ips/event', 'system-log'])
    expect(merged[0]).toMatchObject({ srcCountry: 'DE', action: 'block', signatureId: 2001000 })
  })

  it('joins a system-log entry stamped in the neighbouring minute to the signed record', () => {
    const flowStart = { ...base, timestampMs: 1_800_000_059_000 }
    const log = {
      ...base,
      origins: ['system-log' as const],
      signature: '',
      signatureId: null,
      timestampMs: 1_800_000_061_000,
    }
    expect(mergeThreats([[flowStart], [log]]).map((threat) => threat.origins)).toEqual([
      ['traffic-flows', 'system-log'],
    ])
  })

  it('keeps different signatures, ports and minutes apart, and unmatched system-log threats on their own', () => {
    const otherMinute = { ...base, timestampMs: base.timestampMs + 61_000 }
    const otherPort = { ...base, dstPort: 22 }
    const lonely = { ...base, origins: ['system-log' as const], signature: '', signatureId: null, srcIp: '203.0.113.9' }
    expect(mergeThreats([[base, otherMinute, otherPort], [lonely]])).toHaveLength(4)
  })
})
