/**
 * The reputation client, the look-up limits and the disk cache against the fake AbuseIPDB API on loopback:
 * real envelopes and error shapes, rate-limit headers, 401/422/429 and slow answers.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AuthError, HttpStatusError, RequestTimeoutError, ScannerError } from '../../../src/core/errors.js'
import { createDispatcher } from '../../../src/core/http/index.js'
import { silentLogger } from '../../../src/core/logger.js'
import { createReputationClient } from '../../../src/core/integrations/abuseipdb/client.js'
import { lookUpReputations } from '../../../src/core/integrations/abuseipdb/lookups.js'
import { CACHE_FILE, openReputationCache } from '../../../src/core/integrations/abuseipdb/reputation-cache.js'
import { startFakeAbuseIpdb, type FakeAbuseIpdb } from '../../../src/simulator/abuseipdb/server.js'

const dispatcher = createDispatcher()
const HOUR = 3_600_000

describe('AbuseIPDB look-ups against the fake API', () => {
  let api: FakeAbuseIpdb
  let dir: string

  beforeAll(async () => {
    api = await startFakeAbuseIpdb({ dailyLimit: 1000 })
  })
  afterAll(async () => {
    await api.close()
    await dispatcher.close()
  })
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'reputation-cache-'))
    api.requests.length = 0
    api.setMode('normal')
    api.setDelay(0)
    api.resetQuota()
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const client = (apiKey = api.key, signal = new AbortController().signal, requestTimeoutMs?: number) =>
    createReputationClient({ apiKey, apiUrl: api.url, dispatcher, signal, requestTimeoutMs })
  const cache = (nowMs = Date.now(), ttlMs = 24 * HOUR) =>
    openReputationCache({ dir, apiUrl: api.url, ttlMs, nowMs, logger: silentLogger })

  it('sends the key in the Key header, asks for JSON, and reads the data envelope and quota headers', async () => {
    const answer = await client().check('185.220.101.7')
    expect(answer.data).toMatchObject({ ipAddress: '185.220.101.7', abuseConfidenceScore: 100, isTor: true })
    expect(answer.rateLimit).toEqual({ limit: 1000, remaining: 999 })
    expect(api.requests).toEqual([
      { ipAddress: '185.220.101.7', maxAgeInDays: '90', keyAccepted: true, accept: 'application/json' },
    ])
  })

  it('a refused key is an auth error that never repeats the key', async () => {
    const key = 'wrong-key-but-secret-looking-9f8e7d'
    const error = await client(key)
      .check('8.8.8.8')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AuthError)
    expect((error as AuthError).message).toMatch(/refused the API key \(HTTP 401: Authentication failed/)
    expect(JSON.stringify({ m: (error as Error).message, s: (error as Error).stack })).not.toContain(key)
  })

  it('429 is rate-limited with the wait from Retry-After', async () => {
    api.setMode('quota')
    const error = await client()
      .check('8.8.8.8')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HttpStatusError)
    expect(error).toMatchObject({ kind: 'rate-limited', statusCode: 429, retryAfterMs: 3_600_000 })
    expect((error as Error).message).toMatch(/quota reached .*Daily rate limit of 1000/)
  })

  it('a server failure and a slow answer are outages', async () => {
    api.setMode('server-error')
    await expect(client().check('8.8.8.8')).rejects.toMatchObject({ kind: 'server' })
    api.setMode('normal')
    api.setDelay(400)
    await expect(client(api.key, new AbortController().signal, 100).check('8.8.8.8')).rejects.toBeInstanceOf(
      RequestTimeoutError,
    )
  })

  it('refuses a plain-http API URL that is not loopback before any request', () => {
    expect(() =>
      createReputationClient({
        apiKey: api.key,
        apiUrl: 'http://abuse.example.org/api/v2',
        dispatcher,
        signal: new AbortController().signal,
      }),
    ).toThrow(/must use https/)
  })

  it('looks up at most the cap, most frequent first; a second run within the TTL asks nothing again', async () => {
    const addresses = ['185.220.101.7', '45.155.205.233', '89.248.165.52', '167.94.138.35', '8.8.8.8']
    const now = Date.now()
    const first = await lookUpReputations({
      addresses,
      client: client(),
      cache: await cache(now),
      maxLookups: 3,
      now: () => now,
    })
    expect(first.lookups).toBe(3)
    expect(first.limits.overCap).toBe(2)
    expect(api.requests.map((r) => r.ipAddress).sort()).toEqual(addresses.slice(0, 3).sort())

    api.requests.length = 0
    const later = now + 2 * HOUR
    const second = await lookUpReputations({
      addresses,
      client: client(),
      cache: await cache(later),
      maxLookups: 3,
      now: () => later,
    })
    expect(second.cacheHits).toBe(3)
    expect(api.requests.map((r) => r.ipAddress).sort()).toEqual(addresses.slice(3).sort())
    expect(second.found.get('185.220.101.7')).toMatchObject({
      source: 'cache',
      reputation: { score: 100, isTor: true },
    })

    const file = path.join(dir, CACHE_FILE)
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect(await readFile(file, 'utf8')).not.toContain(api.key)
  })

  it('asks again once an answer is older than the TTL', async () => {
    const now = Date.now()
    await lookUpReputations({
      addresses: ['8.8.8.8'],
      client: client(),
      cache: await cache(now),
      maxLookups: 5,
      now: () => now,
    })
    api.requests.length = 0
    const later = now + 25 * HOUR
    const result = await lookUpReputations({
      addresses: ['8.8.8.8'],
      client: client(),
      cache: await cache(later),
      maxLookups: 5,
      now: () => later,
    })
    expect(result.lookups).toBe(1)
    expect(api.requests).toHaveLength(1)
  })

  it('stops when X-RateLimit-Remaining reaches 0 and counts what was left', async () => {
    const small = await startFakeAbuseIpdb({ dailyLimit: 2 })
    try {
      const limited = createReputationClient({
        apiKey: small.key,
        apiUrl: small.url,
        dispatcher,
        signal: new AbortController().signal,
      })
      const addresses = ['1.1.1.1', '8.8.8.8', '9.9.9.9', '8.8.4.4', '1.0.0.1', '149.112.112.112', '208.67.222.222']
      const result = await lookUpReputations({
        addresses,
        client: limited,
        cache: await openReputationCache({
          dir,
          apiUrl: small.url,
          ttlMs: HOUR,
          nowMs: Date.now(),
          logger: silentLogger,
        }),
        maxLookups: 50,
        now: Date.now,
      })
      expect(result.quota).toEqual({ limit: 2, remaining: 0 })
      expect(result.lookups).toBe(2)
      expect(small.requests).toHaveLength(2)
      expect(result.found.size).toBe(2)
      expect(result.limits.quotaLeft).toBe(addresses.length - result.lookups)
    } finally {
      await small.close()
    }
  })

  it('a 429 ends the look-ups with the error after saving what was learnt; a 422 skips one address', async () => {
    const now = Date.now()
    const store = await cache(now)
    await expect(
      lookUpReputations({
        addresses: ['8.8.8.8', 'not-an-ip'],
        client: client(),
        cache: store,
        maxLookups: 5,
        now: () => now,
      }),
    ).resolves.toMatchObject({ limits: { refused: 1 }, lookups: 2 })

    api.setMode('quota')
    const error = await lookUpReputations({
      addresses: ['8.8.8.8', '1.1.1.1'],
      client: client(),
      cache: await cache(now),
      maxLookups: 5,
      now: () => now,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ScannerError)
    expect((error as ScannerError).kind).toBe('rate-limited')
    const saved = JSON.parse(await readFile(path.join(dir, CACHE_FILE), 'utf8')) as { entries: Record<string, unknown> }
    expect(Object.keys(saved.entries)).toEqual(['8.8.8.8'])
  })

  it('a damaged cache file is set aside and ignored', async () => {
    await writeFile(path.join(dir, CACHE_FILE), '{"schemaVersion":1,"entries":')
    const store = await cache()
    expect(store.warning).toMatch(/unreadable/)
    expect(store.fresh('8.8.8.8')).toBeNull()
    const files = await readdir(dir)
    expect(files.some((name) => name.startsWith(`${CACHE_FILE}.corrupt-`))).toBe(true)
    store.put(
      '8.8.8.8',
      {
        score: 0,
        totalReports: 0,
        distinctReporters: 0,
        lastReportedAt: null,
        isTor: false,
        usageType: null,
        isp: null,
        domain: null,
        countryCode: null,
        whitelisted: false,
      },
      Date.now(),
    )
    await store.save()
    expect((await cache()).fresh('8.8.8.8')).not.toBeNull()
  })

  it('answers cached for another API base are not used', async () => {
    const now = Date.now()
    await lookUpReputations({
      addresses: ['8.8.8.8'],
      client: client(),
      cache: await cache(now),
      maxLookups: 5,
      now: () => now,
    })
    const other = await openReputationCache({
      dir,
      apiUrl: 'https://api.abuseipdb.com/api/v2',
      ttlMs: HOUR,
      nowMs: now,
      logger: silentLogger,
    })
    expect(other.fresh('8.8.8.8')).toBeNull()
  })
})
