import { describe, expect, it } from 'vitest'
import { NetworkError, RequestTimeoutError } from '../../../src/core/errors.js'
import { ConsoleActivity } from '../../../src/main/status/console-activity.js'

describe("the UniFi card's activity", () => {
  it('turns each exchange into a call of the card table, newest first, and the window into nearest-rank percentiles', () => {
    let now = 1_000_000
    const activity = new ConsoleActivity(() => now)
    const latencies = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
    for (const latencyMs of latencies) activity.exchange({ at: (now += 1), latencyMs, status: 200, error: null })
    activity.exchange({ at: (now += 1), latencyMs: 5, status: 404, error: null })
    activity.exchange({ at: (now += 1), latencyMs: 7, status: 503, error: null })
    activity.exchange({
      at: (now += 1),
      latencyMs: 30_000,
      status: null,
      error: new RequestTimeoutError('slow', 30_000),
    })
    activity.exchange({ at: (now += 1), latencyMs: 3, status: null, error: new NetworkError('refused') })
    const view = activity.view()
    expect(view.recentCalls.slice(0, 4).map((call) => [call.outcome, call.kind])).toEqual([
      ['error', 'unreachable'],
      ['timeout', 'timeout'],
      ['error', 'server'],
      ['rejected', 'config'],
    ])
    expect(view.recentCalls[4]).toMatchObject({ outcome: 'ok', latencyMs: 100, kind: null })
    expect(view.recentCalls).toHaveLength(14)
    // Answered requests only (12): 5, 7, 10 … 100 → p50 is the 6th, p90 the 11th (⌈10.8⌉), p99 the 12th.
    expect(view.window).toEqual({ windowMs: 600_000, requests: 12, p50Ms: 40, p90Ms: 90, p99Ms: 100, maxMs: 100 })
  })

  it('keeps at most 20 calls, and forgets latencies older than the window', () => {
    let now = 0
    const activity = new ConsoleActivity(() => now)
    for (let i = 0; i < 500; i += 1) activity.exchange({ at: (now += 10), latencyMs: i, status: 200, error: null })
    expect(activity.view().recentCalls).toHaveLength(20)
    now += 600_001
    expect(activity.view().window).toMatchObject({ requests: 0, p50Ms: null })
  })

  it('holds at most 200 contacts however many there were, and none older than 24 h', () => {
    let now = 0
    const activity = new ConsoleActivity(() => now)
    for (let i = 0; i < 10_000; i += 1) {
      now += 1_000
      activity.contact(
        now,
        i % 2 === 0 ? 'connected' : 'failed',
        'report',
        i % 2 === 0 ? null : 'unreachable (NETWORK)',
      )
      expect(activity.view().contacts.length).toBeLessThanOrEqual(200)
    }
    const contacts = activity.view().contacts
    expect(contacts).toHaveLength(200)
    expect(contacts.at(-1)).toEqual({ at: now, connection: 'failed', by: 'report', cause: 'unreachable (NETWORK)' })
    now += 24 * 60 * 60 * 1000 + 1
    activity.contact(now, 'connected', 'test', null)
    expect(activity.view().contacts).toEqual([{ at: now, connection: 'connected', by: 'test', cause: null }])
  })
})
