/**
 * The state timeline as the runtime feeds it: a real breaker wired to the status store the way runner.ts does,
 * so the order in which opossum reports state changes and settled calls is the real one.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AuthError, HttpStatusError } from '../../../src/core/errors.js'
import { createMemoryLogger } from '../../../src/core/logger.js'
import { IntegrationBreaker } from '../../../src/core/integrations/breaker.js'
import { IntegrationStatusStore, idleBreakerStatus } from '../../../src/core/integrations/status-store.js'

type Step = 'ok' | 'fail' | 'auth' | 'hang'

const POLICY = { failMax: 3, resetTimeoutMs: 60_000, timeoutMs: 30_000 }

function setup() {
  const steps: Step[] = []
  const store = new IntegrationStatusStore({ now: () => Date.now() })
  store.register('cf', 'Cloudflare', idleBreakerStatus(POLICY))
  const breaker: IntegrationBreaker<void, string> = new IntegrationBreaker<void, string>({
    id: 'cf',
    displayName: 'Cloudflare',
    policy: POLICY,
    logger: createMemoryLogger(),
    now: () => Date.now(),
    action: (signal) => {
      const step = steps.shift() ?? 'ok'
      if (step === 'ok') return Promise.resolve('data')
      if (step === 'fail') return Promise.reject(new HttpStatusError(503, 'http://127.0.0.1/x', 'HTTP 503'))
      if (step === 'auth') return Promise.reject(new AuthError('The token was rejected.'))
      return new Promise<string>((_, reject) =>
        signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }),
      )
    },
    onCall: (record) => store.recordCall('cf', record, breaker.view()),
    onStateChange: () => store.setBreaker('cf', breaker.view()),
  })
  const fire = (signal?: AbortSignal): Promise<unknown> =>
    breaker.fire(undefined, signal).catch((error: unknown) => error)
  const timeline = () => store.snapshot('cf')!.timeline.transitions.map(({ state, cause }) => ({ state, cause }))
  return { steps, store, breaker, fire, timeline }
}

let current: ReturnType<typeof setup> | undefined

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-12-04T14:00:00Z') })
})

afterEach(() => {
  current?.breaker.shutdown()
  current = undefined
  vi.useRealTimers()
})

async function openIt(t: ReturnType<typeof setup>): Promise<void> {
  t.steps.push('fail', 'fail', 'fail')
  for (let i = 0; i < 3; i += 1) await t.fire()
}

describe('source state timeline', () => {
  it('opens, cools down, closes on a good trial, each with its cause in words', async () => {
    const t = (current = setup())
    await openIt(t)
    await t.fire() // refused: no new transition
    vi.advanceTimersByTime(60_000)
    await t.fire()
    expect(t.timeline()).toEqual([
      {
        state: 'open',
        cause: 'Opened after 3 of 3 consecutive failures; calls are skipped for the cool-down of 60 s.',
      },
      { state: 'half-open', cause: 'The cool-down of 60 s elapsed; the next call is the trial.' },
      { state: 'closed', cause: 'The trial call succeeded; calls go through again.' },
    ])
    const transitions = t.store.snapshot('cf')!.timeline.transitions
    expect(transitions.map((x) => x.at - Date.parse('2026-12-04T14:00:00Z'))).toEqual([0, 60_000, 60_000])
  })

  it('a failed trial opens again; "Retry now" is named as such', async () => {
    const t = (current = setup())
    await openIt(t)
    t.breaker.retryNow()
    t.steps.push('fail')
    await t.fire()
    expect(t.timeline().slice(1)).toEqual([
      { state: 'half-open', cause: 'Retry now: the next call is the trial.' },
      { state: 'open', cause: 'The trial call failed; calls are skipped for the cool-down of 60 s.' },
    ])
  })

  it('a rejected call needs attention until a call succeeds; a rejected trial is not called a success', async () => {
    const t = (current = setup())
    t.steps.push('auth', 'auth', 'ok')
    for (let i = 0; i < 3; i += 1) await t.fire()
    expect(t.timeline()).toEqual([
      {
        state: 'needs-attention',
        cause: 'A call was rejected (auth); not counted toward the breaker: check the settings.',
      },
      { state: 'closed', cause: 'A call succeeded again.' },
    ])
    await openIt(t)
    t.breaker.retryNow()
    t.steps.push('auth')
    await t.fire()
    expect(t.timeline().slice(-2)).toEqual([
      { state: 'half-open', cause: 'Retry now: the next call is the trial.' },
      {
        state: 'needs-attention',
        cause: 'The trial call was rejected (auth); not counted toward the breaker: check the settings.',
      },
    ])
  })

  it('new breaker settings close an open breaker, and a cancelled trial leaves no trace', async () => {
    const t = (current = setup())
    await openIt(t)
    vi.advanceTimersByTime(60_000)
    const run = new AbortController()
    t.steps.push('hang')
    const trial = t.fire(run.signal)
    run.abort()
    await trial
    await Promise.resolve()
    expect(t.breaker.state).toBe('half-open')
    expect(t.timeline().map((x) => x.state)).toEqual(['open', 'half-open'])
    t.breaker.applyPolicy({ ...POLICY, failMax: 5 })
    expect(t.timeline().at(-1)).toEqual({ state: 'closed', cause: 'Breaker settings changed; the count starts again.' })
    // The cancelled call is still in the call list: it happened.
    expect(t.store.snapshot('cf')!.recentCalls[0]).toMatchObject({ outcome: 'cancelled', kind: 'aborted' })
  })

  it('lists the calls newest first with their outcome class and latency', async () => {
    const t = (current = setup())
    t.steps.push('ok', 'fail', 'auth')
    await t.fire()
    vi.advanceTimersByTime(1000)
    await t.fire()
    await t.fire()
    const calls = t.store.snapshot('cf')!.recentCalls
    expect(calls.map((c) => [c.outcome, c.kind, c.latencyMs])).toEqual([
      ['rejected', 'auth', 0],
      ['error', 'server', 0],
      ['ok', null, 0],
    ])
  })
})
