import { describe, expect, it } from 'vitest'
import { AuthError, HttpStatusError, RequestTimeoutError } from '../../../src/core/errors.js'
import { CircuitOpenError } from '../../../src/core/integrations/call-result.js'
import { RecentCalls, callOutcome } from '../../../src/core/integrations/recent-calls.js'
import { RECENT_CALLS_MAX } from '../../../src/shared/integration-status.js'

const ok = { result: 'success' as const, latencyMs: 10, error: null }

describe('recent calls ring', () => {
  it('keeps the last 20 calls, newest first, whatever came before', () => {
    const ring = new RecentCalls()
    expect(ring.capacity).toBe(RECENT_CALLS_MAX)
    expect(ring.list()).toEqual([])
    for (let i = 1; i <= 1000; i += 1) ring.add(i, { ...ok, latencyMs: i })
    const list = ring.list()
    expect(list).toHaveLength(20)
    expect(list[0]).toEqual({ at: 1000, outcome: 'ok', latencyMs: 1000, kind: null })
    expect(list[19]?.at).toBe(981)
    expect(list.map((call) => call.at)).toEqual(Array.from({ length: 20 }, (_, i) => 1000 - i))
  })

  it('lists fewer than the capacity in order before it wraps', () => {
    const ring = new RecentCalls(3)
    ring.add(1, ok)
    ring.add(2, ok)
    expect(ring.list().map((call) => call.at)).toEqual([2, 1])
    ring.add(3, ok)
    ring.add(4, ok)
    expect(ring.list().map((call) => call.at)).toEqual([4, 3, 2])
  })

  it('names each outcome and keeps the error class, not the message', () => {
    const ring = new RecentCalls()
    ring.add(1, { result: 'timeout', latencyMs: 30_000, error: new RequestTimeoutError('secret-ish text', 30_000) })
    ring.add(2, { result: 'not-counted', latencyMs: 5, error: new AuthError('rejected') })
    ring.add(3, { result: 'failure', latencyMs: 80, error: new HttpStatusError(503, 'u', 'HTTP 503') })
    ring.add(4, { result: 'short-circuit', latencyMs: null, error: new CircuitOpenError('open', null, 'server') })
    const list = ring.list()
    expect(list.map((call) => call.outcome)).toEqual(['short-circuited', 'error', 'rejected', 'timeout'])
    expect(list.map((call) => call.kind)).toEqual(['server', 'server', 'auth', 'timeout'])
    expect(list[0]?.latencyMs).toBeNull()
    expect(JSON.stringify(list)).not.toContain('secret-ish')
    expect(callOutcome('cancelled')).toBe('cancelled')
  })

  it('returns copies', () => {
    const ring = new RecentCalls(2)
    ring.add(1, ok)
    const first = ring.list()[0]!
    first.at = 99
    expect(ring.list()[0]?.at).toBe(1)
  })

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new RecentCalls(0)).toThrow(RangeError)
    expect(() => new RecentCalls(1.5)).toThrow(RangeError)
  })
})
