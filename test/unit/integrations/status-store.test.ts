import { describe, expect, it } from 'vitest'
import { HttpStatusError, AuthError, RequestTimeoutError } from '../../../src/core/errors.js'
import { CircuitOpenError } from '../../../src/core/integrations/breaker.js'
import { IntegrationStatusStore, idleBreakerStatus } from '../../../src/core/integrations/status-store.js'
import type { IntegrationStatusSnapshot } from '../../../src/shared/integration-status.js'

const POLICY = { failMax: 3, resetTimeoutMs: 60_000, timeoutMs: 30_000 }

function makeStore(windowMs = 60_000) {
  let clock = 1_000_000
  const store = new IntegrationStatusStore({ now: () => clock, windowMs })
  store.register('cf', 'Cloudflare', idleBreakerStatus(POLICY))
  const events: IntegrationStatusSnapshot[] = []
  store.onChange((snapshot) => events.push(snapshot))
  return { store, events, advance: (ms: number) => (clock += ms), now: () => clock }
}

describe('IntegrationStatusStore', () => {
  it('emits on configuration and breaker transitions, not on repeats', () => {
    const { store, events } = makeStore()
    store.setConfiguration('cf', { state: 'partial', missing: ['accountId'] })
    store.setConfiguration('cf', { state: 'partial', missing: ['accountId'] })
    expect(events).toHaveLength(1)
    expect(events[0]?.configuration).toEqual({ state: 'partial', missing: ['accountId'] })
    store.setBreaker('cf', { ...idleBreakerStatus(POLICY), state: 'open', openedAt: 5, nextTrialAt: 60_005 })
    store.setBreaker('cf', { ...idleBreakerStatus(POLICY), state: 'open', openedAt: 5, nextTrialAt: 60_005 })
    expect(events).toHaveLength(2)
    expect(events[1]?.breaker).toMatchObject({ state: 'open', nextTrialAt: 60_005 })
  })

  it('keeps last error, last success, last latency and rolling counts with p50/p90/p99 and the slowest call', () => {
    const { store, events, advance, now } = makeStore()
    const idle = idleBreakerStatus(POLICY)
    for (const latency of [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]) {
      store.recordCall('cf', { result: 'success', latencyMs: latency, error: null }, idle)
      advance(1)
    }
    const successAt = now() - 1
    store.recordCall(
      'cf',
      { result: 'failure', latencyMs: 200, error: new HttpStatusError(503, 'u', 'HTTP 503') },
      idle,
    )
    store.recordCall(
      'cf',
      { result: 'timeout', latencyMs: 30_000, error: new RequestTimeoutError('timed out', 30_000) },
      idle,
    )
    store.recordCall('cf', { result: 'not-counted', latencyMs: 5, error: new AuthError('rejected') }, idle)
    const refusal = new CircuitOpenError('open', 123, 'server')
    store.recordCall('cf', { result: 'short-circuit', latencyMs: null, error: refusal }, idle)
    const snapshot = store.snapshot('cf')!
    expect(events).toHaveLength(14)
    expect(snapshot.window).toMatchObject({ successes: 10, failures: 1, timeouts: 1, shortCircuits: 1, notCounted: 1 })
    // 13 latencies: 5, 10..100, 200, 30000 → nearest rank ⌈p·13⌉: p50 = 7th = 60, p90 = 12th = 200, p99 = 13th
    expect(snapshot.window).toMatchObject({ p50Ms: 60, p90Ms: 200, p99Ms: 30_000, maxMs: 30_000 })
    expect(snapshot.lastSuccessAt).toBe(successAt)
    expect(snapshot.lastLatencyMs).toBe(5)
    // A refusal keeps the real cause visible.
    expect(snapshot.lastError).toMatchObject({ message: 'rejected', kind: 'auth', counted: false })
  })

  it('forgets calls older than the window', () => {
    const { store, advance } = makeStore(60_000)
    const idle = idleBreakerStatus(POLICY)
    store.recordCall(
      'cf',
      { result: 'failure', latencyMs: 100, error: new HttpStatusError(500, 'u', 'HTTP 500') },
      idle,
    )
    advance(30_000)
    store.recordCall('cf', { result: 'success', latencyMs: 10, error: null }, idle)
    advance(30_001)
    const snapshot = store.snapshot('cf')!
    expect(snapshot.window).toMatchObject({ successes: 1, failures: 0, p50Ms: 10, p90Ms: 10, p99Ms: 10, maxMs: 10 })
    advance(30_000)
    expect(store.snapshot('cf')!.window).toMatchObject({
      successes: 0,
      p50Ms: null,
      p90Ms: null,
      p99Ms: null,
      maxMs: null,
    })
  })

  it('snapshots are plain JSON and independent copies', () => {
    const { store } = makeStore()
    const snapshot = store.snapshot('cf')!
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot)
    snapshot.configuration.missing.push('x')
    expect(store.snapshot('cf')!.configuration.missing).toEqual([])
  })

  it('drops a throwing subscriber and keeps notifying the others', () => {
    const { store, events } = makeStore()
    store.onChange(() => {
      throw new Error('window gone')
    })
    store.setConfiguration('cf', { state: 'configured', missing: [] })
    store.setConfiguration('cf', { state: 'partial', missing: ['a'] })
    expect(events).toHaveLength(2)
  })
})
