import { describe, expect, it } from 'vitest'
import { HttpStatusError } from '../../../src/core/errors.js'
import { IntegrationStatusStore, idleBreakerStatus } from '../../../src/core/integrations/status-store.js'
import {
  RECENT_CALLS_MAX,
  TIMELINE_CAUSE_MAX,
  TIMELINE_MAX_TRANSITIONS,
} from '../../../src/shared/integration-status.js'
import { integrationStatusSchema } from '../../../src/shared/ipc/payloads.js'

const POLICY = { failMax: 1, resetTimeoutMs: 60_000, timeoutMs: 30_000 }

describe('integration status payload', () => {
  it("a busy source's snapshot stays within the IPC schema's bounds", () => {
    let clock = Date.UTC(2026, 11, 4)
    const store = new IntegrationStatusStore({ now: () => clock })
    store.register('cf', 'Cloudflare', idleBreakerStatus(POLICY))
    const closed = idleBreakerStatus(POLICY)
    const open = { ...closed, state: 'open' as const, consecutiveFailures: 1, openedAt: 0, nextTrialAt: 1 }
    const failure = new HttpStatusError(503, 'https://user:secret@example.test/x', 'HTTP 503')
    for (let i = 0; i < 2000; i += 1) {
      clock += 1000
      store.recordCall('cf', { result: 'failure', latencyMs: i, error: failure }, closed)
      store.setBreaker('cf', open)
      store.setBreaker('cf', { ...closed, state: 'half-open' })
      store.recordCall('cf', { result: 'success', latencyMs: 5, error: null }, closed)
    }
    const snapshot = store.snapshot('cf')!
    expect(snapshot.recentCalls).toHaveLength(RECENT_CALLS_MAX)
    expect(snapshot.timeline.transitions).toHaveLength(TIMELINE_MAX_TRANSITIONS)
    expect(integrationStatusSchema.strict().parse(snapshot)).toEqual(snapshot)
    // The calls and the timeline carry classes and counts, never an upstream's URL or message.
    const added = JSON.stringify({ calls: snapshot.recentCalls, timeline: snapshot.timeline })
    expect(added).not.toContain('secret')
    expect(added).not.toContain('example.test')
  })

  it('refuses lists and causes beyond their bounds', () => {
    const store = new IntegrationStatusStore({ now: () => 0 })
    store.register('cf', 'Cloudflare', idleBreakerStatus(POLICY))
    const snapshot = store.snapshot('cf')!
    const call = { at: 0, outcome: 'ok' as const, latencyMs: 1, kind: null }
    const tooManyCalls = { ...snapshot, recentCalls: Array.from({ length: RECENT_CALLS_MAX + 1 }, () => call) }
    expect(integrationStatusSchema.safeParse(tooManyCalls).success).toBe(false)
    const change = { at: 0, state: 'open' as const, cause: 'x' }
    const tooManyChanges = {
      ...snapshot,
      timeline: {
        ...snapshot.timeline,
        transitions: Array.from({ length: TIMELINE_MAX_TRANSITIONS + 1 }, () => change),
      },
    }
    expect(integrationStatusSchema.safeParse(tooManyChanges).success).toBe(false)
    const longCause = {
      ...snapshot,
      timeline: { ...snapshot.timeline, transitions: [{ ...change, cause: 'x'.repeat(TIMELINE_CAUSE_MAX + 1) }] },
    }
    expect(integrationStatusSchema.safeParse(longCause).success).toBe(false)
  })
})
