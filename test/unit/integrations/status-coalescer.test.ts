import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { coalesceStatusChanges } from '../../../src/core/integrations/status-coalescer.js'
import { IntegrationStatusStore, idleBreakerStatus } from '../../../src/core/integrations/status-store.js'
import type { IntegrationStatusSnapshot } from '../../../src/shared/integration-status.js'

const POLICY = { failMax: 3, resetTimeoutMs: 60_000, timeoutMs: 30_000 }

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

function setup() {
  const store = new IntegrationStatusStore({ now: () => Date.now() })
  store.register('a', 'A', idleBreakerStatus(POLICY))
  store.register('b', 'B', idleBreakerStatus(POLICY))
  const pushed: IntegrationStatusSnapshot[] = []
  const dispose = coalesceStatusChanges(
    (listener) => store.onChange(listener),
    (s) => pushed.push(s),
  )
  const bump = (id: string, n: number) => store.setBreaker(id, { ...idleBreakerStatus(POLICY), consecutiveFailures: n })
  return { pushed, dispose, bump }
}

describe('coalesceStatusChanges', () => {
  it('pushes at most once per 100 ms per integration, ending with the latest snapshot', () => {
    const { pushed, dispose, bump } = setup()
    bump('a', 1)
    expect(pushed.map((s) => s.breaker.consecutiveFailures)).toEqual([1])
    vi.advanceTimersByTime(10)
    bump('a', 2)
    bump('a', 3)
    expect(pushed).toHaveLength(1)
    vi.advanceTimersByTime(89)
    expect(pushed).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(pushed.map((s) => s.breaker.consecutiveFailures)).toEqual([1, 3])
    vi.advanceTimersByTime(100)
    bump('a', 4)
    expect(pushed.map((s) => s.breaker.consecutiveFailures)).toEqual([1, 3, 4])
    dispose()
  })

  it('limits each integration separately', () => {
    const { pushed, dispose, bump } = setup()
    bump('a', 1)
    bump('b', 1)
    bump('a', 2)
    expect(pushed.map((s) => s.id)).toEqual(['a', 'b'])
    vi.advanceTimersByTime(100)
    expect(pushed.map((s) => `${s.id}${s.breaker.consecutiveFailures}`)).toEqual(['a1', 'b1', 'a2'])
    dispose()
  })

  it('dispose unsubscribes and clears pending timers', () => {
    const { pushed, dispose, bump } = setup()
    bump('a', 1)
    bump('a', 2)
    expect(vi.getTimerCount()).toBe(1)
    dispose()
    expect(vi.getTimerCount()).toBe(0)
    bump('a', 3)
    vi.advanceTimersByTime(500)
    expect(pushed).toHaveLength(1)
  })
})
