/**
 * The collection wave against a simulated console that answers every request after a fixed latency and
 * records when each request arrived and when it was answered: reads overlap, the console never sees more than
 * the configured number at once, a fallback goes out as soon as its primary failed, a failing source does not
 * hold the others up, and the result is the same whatever the bound.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { UnifiCollection } from '../../../src/core/unifi/model.js'
import { createProbeCache } from '../../../src/core/unifi/probe-cache.js'
import {
  startSimulatedController,
  type RecordedRequest,
  type SimulatedController,
} from '../../../src/simulator/unifi/index.js'
import { clientFor, DAY, NOW } from './sim-client.js'

let sim: SimulatedController | null = null
afterEach(async () => {
  await sim?.close()
  sim = null
})

const LATENCY = 60

function only(requests: readonly RecordedRequest[], fragment: string): RecordedRequest {
  const found = requests.filter((request) => request.path.includes(fragment))
  expect(found, fragment).toHaveLength(1)
  return found[0] as RecordedRequest
}

function ended(request: RecordedRequest): number {
  expect(request.endedAt, request.path).not.toBeNull()
  return request.endedAt ?? 0
}

describe('one wave after the login', () => {
  // The latency grows with the bound so that every connection's TLS handshake is done well within one answer.
  it.each([
    [1, 40],
    [2, 80],
    [4, 250],
    [8, 500],
  ])('keeps at most %i requests open at the console, and uses them all', async (bound, latencyMs) => {
    sim = await startSimulatedController({ now: () => NOW, latencyMs })
    const { client } = clientFor(sim, { site: 'default', maxConcurrentRequests: bound })
    await client.collect(DAY, AbortSignal.timeout(20_000))
    await client.close()
    expect(sim.stats.maxInFlight()).toBe(bound)
  })

  it('sends the site list, the version and the data reads together, right after the login', async () => {
    sim = await startSimulatedController({ now: () => NOW, latencyMs: LATENCY })
    const { client } = clientFor(sim, { site: 'default' })
    await client.collect(DAY, AbortSignal.timeout(20_000))
    await client.close()
    const requests = sim.stats.requests
    const login = only(requests, '/api/auth/login')
    const sites = only(requests, 'self/sites')
    const sysinfo = only(requests, 'stat/sysinfo')
    // The first data read by rank: the settings, which the UPnP read waits for.
    const firstRead = only(requests, 'rest/setting')
    // None waits for another: all three went out before any of them was answered.
    const latest = Math.max(sites.at, sysinfo.at, firstRead.at)
    expect(latest).toBeLessThan(Math.min(ended(sites), ended(sysinfo), ended(firstRead)))
    expect(Math.min(sites.at, sysinfo.at, firstRead.at)).toBeGreaterThanOrEqual(ended(login))
    // The whole wave: each request overlaps another one, except perhaps the one that went out last. When the
    // reads do not fill the last round (17 at four at a time: the 17th goes alone), that one starts as a slot
    // frees and may find the others of its round already answered; on a loaded machine it often does.
    const wave = requests.filter((request) => request.at >= ended(login) && !request.path.includes('logout'))
    const alone = wave.filter(
      (request) => !wave.some((other) => other !== request && other.at < ended(request) && request.at < ended(other)),
    )
    const lastOut = wave.reduce((latest, request) => (request.at > latest.at ? request : latest))
    expect(alone.filter((request) => request !== lastOut).map((request) => request.path)).toEqual([])
  })

  it('starts a fallback as soon as its primary failed, not after the wave', async () => {
    // unifi-os-10.3 refuses list/alarm (400 InvalidObject) and keeps stat/alarm empty: two fallbacks in a row.
    sim = await startSimulatedController({ persona: 'unifi-os-10.3', now: () => NOW, latencyMs: LATENCY })
    const { client } = clientFor(sim, { site: 'default' })
    const collection = await client.collect(DAY, AbortSignal.timeout(20_000))
    await client.close()
    const requests = sim.stats.requests
    const primary = only(requests, 'list/alarm')
    const fallback = only(requests, 'stat/alarm')
    const last = only(requests, 'system-log/critical')
    const otherReads = ['stat/device', 'stat/health', 'stat/sta', 'rest/setting'].map((path) => only(requests, path))
    expect(fallback.at).toBeGreaterThanOrEqual(ended(primary))
    expect(last.at).toBeGreaterThanOrEqual(ended(fallback))
    // The fallback went out while reads that were queued from the start were still waiting or running.
    expect(fallback.at).toBeLessThan(Math.max(...otherReads.map(ended)))
    // Each fallback takes one of the next free slots (of the default four): at most three other requests
    // reached the console between its primary's answer and its own arrival.
    const arrivedBetween = (from: number, to: number) =>
      requests.filter((request) => request.at >= from && request.at < to).length
    expect(arrivedBetween(ended(primary), fallback.at)).toBeLessThan(4)
    expect(arrivedBetween(ended(fallback), last.at)).toBeLessThan(4)
    expect(collection.sources.alarms).toBe('system-log/critical')
  })

  it('a source that hangs does not hold up the others', async () => {
    sim = await startSimulatedController({
      now: () => NOW,
      latencyMs: LATENCY,
      faults: [{ type: 'hang', pathIncludes: 'stat/health' }],
    })
    const timeout = 3_000
    const { client } = clientFor(sim, { site: 'default', requestTimeoutMs: timeout })
    const collection = await client.collect(DAY, AbortSignal.timeout(20_000))
    await client.close()
    const requests = sim.stats.requests
    const hanging = only(requests, 'stat/health')
    const others = requests.filter((request) => request !== hanging && !request.path.includes('logout'))
    // Everything else was answered before the client gave up on the hanging read.
    expect(Math.max(...others.map(ended))).toBeLessThan(ended(hanging))
    expect(collection.sources.attempts.find((attempt) => attempt.endpoint === 'stat/health')).toMatchObject({
      outcome: 'failed',
      errorKind: 'timeout',
    })
    expect(collection.devices.length).toBeGreaterThan(0)
    expect(collection.events.length).toBeGreaterThan(0)
  })
})

describe('same result whatever the bound', () => {
  it.each(['unifi-os-10.3', 'unifi-os-9.4', 'classic-8'] as const)(
    '%s: one request at a time and eight at a time collect the same',
    async (persona) => {
      // Several pages per source (system log 1000 per page, stat/event 3000 per page).
      sim = await startSimulatedController({ persona, now: () => NOW, events: 7_000, threats: 1_500 })
      const collect = async (bound: number): Promise<UnifiCollection> => {
        const { client } = clientFor(sim as SimulatedController, { maxConcurrentRequests: bound }, undefined)
        try {
          return await client.collect(DAY, AbortSignal.timeout(60_000))
        } finally {
          await client.close()
        }
      }
      const serial = await collect(1)
      const parallel = await collect(8)
      expect(parallel.events.length).toBeGreaterThan(6_000)
      expect(parallel).toEqual(serial)
    },
    60_000,
  )

  it('a site configured by its description is read under its real name', async () => {
    sim = await startSimulatedController({ now: () => NOW, seed: 2 })
    const { client } = clientFor(sim, { site: 'Branch office' }, undefined, createProbeCache())
    const collection = await client.collect(DAY, AbortSignal.timeout(20_000))
    await client.close()
    expect(collection.site).toEqual({ name: 'branch', description: 'Branch office' })
    expect(collection.devices.length).toBeGreaterThan(0)
    const reads = sim.stats.requests.filter((request) => request.path.includes('/api/s/branch/stat/device'))
    expect(reads).toHaveLength(1)
  })
})
