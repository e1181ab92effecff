/**
 * Transport faults on single endpoints become per-source failures with the right error class while the
 * rest of the collection survives; the same faults on the login or site list fail the run with that class.
 */
import { afterEach, describe, expect, it } from 'vitest'
import {
  startSimulatedController,
  type SimulatedController,
  type SimulatorFault,
} from '../../../src/simulator/unifi/index.js'
import {
  NetworkError,
  RequestTimeoutError,
  ResponseParseError,
  ResponseTooLargeError,
} from '../../../src/core/errors.js'
import { createInMemorySourceMemory } from '../../../src/core/unifi/source-memory.js'
import { clientFor, DAY, NOW, requestsTo } from './sim-client.js'

let sim: SimulatedController | null = null
afterEach(async () => {
  await sim?.close()
  sim = null
})

const MIB = 1024 * 1024

// Timeout faults use a 1 s request timeout; the others a generous one, so a busy machine cannot turn them
// into timeouts.
describe.each<[string, SimulatorFault, string, string, number]>([
  ['hang', { type: 'hang', pathIncludes: 'traffic-flows' }, 'traffic-flows', 'timeout', 1_000],
  ['reset', { type: 'reset', pathIncludes: 'stat/health' }, 'stat/health', 'unreachable', 20_000],
  ['invalid-json', { type: 'invalid-json', pathIncludes: 'rest/setting' }, 'rest/setting', 'parse', 20_000],
  ['oversize', { type: 'oversize', bytes: 2 * MIB, pathIncludes: 'stat/device' }, 'stat/device', 'too-large', 20_000],
  ['slow beyond the timeout', { type: 'slow', delayMs: 4_000, pathIncludes: 'stat/sta' }, 'stat/sta', 'timeout', 1_000],
])('fault %s on one endpoint', (_name, fault, endpoint, kind, requestTimeoutMs) => {
  it(`records ${endpoint} as failed (${kind}) and keeps every other source`, async () => {
    sim = await startSimulatedController({ persona: 'unifi-os-10.3', now: () => NOW, faults: [fault] })
    const { client } = clientFor(sim, { requestTimeoutMs, maxResponseBytes: MIB })
    const collection = await client.collect(DAY, AbortSignal.timeout(25_000))
    await client.close()
    const failed = collection.sources.attempts.filter((attempt) => attempt.outcome === 'failed')
    expect(failed.map((attempt) => [attempt.endpoint, attempt.errorKind])).toEqual([[endpoint, kind]])
    expect(failed[0]?.detail).toBeTruthy()
    expect(collection.warnings.some((warning) => warning.startsWith(endpoint))).toBe(true)
    expect(collection.events.length).toBeGreaterThan(0)
    if (endpoint !== 'traffic-flows') expect(collection.threats.length).toBeGreaterThan(0)
    if (endpoint !== 'stat/device') expect(collection.devices.length).toBeGreaterThan(0)
  })
})

describe('faults on the way in', () => {
  it.each<[string, SimulatorFault, unknown]>([
    ['hang on login', { type: 'hang', pathIncludes: '/api/auth/login' }, RequestTimeoutError],
    ['reset on the site list', { type: 'reset', pathIncludes: 'self/sites' }, NetworkError],
    ['invalid JSON on the site list', { type: 'invalid-json', pathIncludes: 'self/sites' }, ResponseParseError],
    ['oversized site list', { type: 'oversize', bytes: 2 * MIB, pathIncludes: 'self/sites' }, ResponseTooLargeError],
  ])('%s fails the run with the matching error class', async (_name, fault, errorClass) => {
    sim = await startSimulatedController({ now: () => NOW, faults: [fault] })
    const hang = fault.type === 'hang'
    const { client } = clientFor(sim, { requestTimeoutMs: hang ? 1_000 : 20_000, maxResponseBytes: MIB })
    await expect(client.collect(DAY, AbortSignal.timeout(25_000))).rejects.toBeInstanceOf(errorClass)
    await client.close()
  })

  it('slow answers within the timeout are waited for', async () => {
    sim = await startSimulatedController({ now: () => NOW, faults: [{ type: 'slow', delayMs: 200 }] })
    const { client } = clientFor(sim, { requestTimeoutMs: 5_000 })
    const collection = await client.collect(DAY, AbortSignal.timeout(25_000))
    await client.close()
    expect(collection.warnings).toEqual([])
  })

  it('the caller can abandon a hanging collection; close() then logs out and releases the sockets', async () => {
    sim = await startSimulatedController({ now: () => NOW, faults: [{ type: 'hang', pathIncludes: 'system-log' }] })
    const { client } = clientFor(sim, { requestTimeoutMs: 30_000 })
    const controller = new AbortController()
    const pending = client.collect(DAY, controller.signal)
    await client.connect(AbortSignal.timeout(10_000))
    setTimeout(() => controller.abort(), 200)
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' })
    await client.close()
    expect(sim.stats.logouts).toBe(1)
    await expect.poll(() => sim?.stats.openConnections() ?? 0, { timeout: 5_000 }).toBe(0)
  })
})

describe('remembered sources', () => {
  it('skips endpoints that were missing on the same controller version and says why', async () => {
    sim = await startSimulatedController({ persona: 'unifi-os-10.3', now: () => NOW })
    const memory = createInMemorySourceMemory()
    const first = clientFor(sim, {}, memory)
    await first.client.collect(DAY, AbortSignal.timeout(25_000))
    await first.client.close()
    expect(requestsTo(sim, 'stat/ips/event')).toBe(1)
    const second = clientFor(sim, {}, memory)
    const collection = await second.client.collect(DAY, AbortSignal.timeout(25_000))
    await second.client.close()
    expect(requestsTo(sim, 'stat/ips/event')).toBe(1)
    const skipped = collection.sources.attempts.find((attempt) => attempt.endpoint === 'stat/ips/event')
    expect(skipped).toMatchObject({ outcome: 'skipped', detail: expect.stringContaining('HTTP 404') as unknown })
    expect(collection.threats.length).toBeGreaterThan(0)
  })
})

describe('legacy event paging', () => {
  it('pages stat/event past the 3000-row cap until meta.count is reached', async () => {
    sim = await startSimulatedController({ persona: 'classic-8', events: 7_000, now: () => NOW })
    const { client } = clientFor(sim)
    const collection = await client.collect(DAY, AbortSignal.timeout(25_000))
    await client.close()
    expect(requestsTo(sim, 'stat/event')).toBe(3)
    const attempt = collection.sources.attempts.find((item) => item.endpoint === 'stat/event')
    expect(attempt).toMatchObject({ outcome: 'used', truncated: false })
    const ipsInEvents = collection.threats.filter((threat) => threat.origins.includes('stat/event')).length
    expect((attempt?.count ?? 0) + ipsInEvents).toBeGreaterThan(6_000)
  })
})
