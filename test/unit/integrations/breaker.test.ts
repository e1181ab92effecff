import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AuthError, HttpStatusError, RequestTimeoutError, ScannerError } from '../../../src/core/errors.js'
import { createMemoryLogger } from '../../../src/core/logger.js'
import { CircuitOpenError, IntegrationBreaker } from '../../../src/core/integrations/breaker.js'
import type { BreakerCallRecord } from '../../../src/core/integrations/breaker.js'

type Step = 'ok' | 'fail' | 'auth' | 'hang' | 'deferred'

/** A scripted action: each call takes the next step; `hang` waits for its signal like a real request. */
function scripted() {
  const steps: Step[] = []
  const signals: AbortSignal[] = []
  const deferred: { resolve: (value: string) => void; reject: (error: unknown) => void }[] = []
  let calls = 0
  const action = (signal: AbortSignal): Promise<string> => {
    calls += 1
    signals.push(signal)
    const step = steps.shift() ?? 'ok'
    if (step === 'ok') return Promise.resolve(`data ${calls}`)
    if (step === 'fail') return Promise.reject(new HttpStatusError(503, 'http://127.0.0.1/x', 'HTTP 503 from test'))
    if (step === 'auth') return Promise.reject(new AuthError('The token was rejected. Create a new token.'))
    return new Promise<string>((resolve, reject) => {
      if (step === 'deferred') deferred.push({ resolve, reject })
      signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true })
    })
  }
  return { steps, signals, deferred, action, calls: () => calls }
}

const POLICY = { failMax: 3, resetTimeoutMs: 60_000, timeoutMs: 30_000 }

function setup(policy = POLICY) {
  const script = scripted()
  const logger = createMemoryLogger()
  const records: BreakerCallRecord[] = []
  let stateChanges = 0
  const breaker = new IntegrationBreaker<void, string>({
    id: 'demo',
    displayName: 'Demo',
    policy,
    action: (signal) => script.action(signal),
    logger,
    now: () => Date.now(),
    onCall: (record) => records.push(record),
    onStateChange: () => {
      stateChanges += 1
    },
  })
  const fire = (): Promise<string | ScannerError> => breaker.fire().catch((error: ScannerError) => error)
  return { script, logger, records, breaker, fire, stateChanges: () => stateChanges }
}

let current: ReturnType<typeof setup> | undefined

beforeEach(() => {
  // Fake timers before the breaker exists: opossum creates its intervals in the constructor.
  vi.useFakeTimers({ now: new Date('2026-11-28T14:00:00Z') })
})

afterEach(() => {
  current?.breaker.shutdown()
  current = undefined
  vi.useRealTimers()
})

async function openBreaker(t: ReturnType<typeof setup>): Promise<void> {
  t.script.steps.push('fail', 'fail', 'fail')
  for (let i = 0; i < 3; i += 1) await t.fire()
  expect(t.breaker.state).toBe('open')
}

describe('IntegrationBreaker state machine', () => {
  it('opens after 3 consecutive failures and then refuses without running the action', async () => {
    const t = (current = setup())
    t.script.steps.push('fail', 'fail')
    await t.fire()
    await t.fire()
    expect(t.breaker.state).toBe('closed')
    expect(t.breaker.view().consecutiveFailures).toBe(2)
    t.script.steps.push('fail')
    const third = await t.fire()
    expect(third).toBeInstanceOf(HttpStatusError)
    expect(t.breaker.state).toBe('open')

    const refused = await t.fire()
    expect(refused).toBeInstanceOf(CircuitOpenError)
    expect((refused as CircuitOpenError).nextTrialAt).toBe(Date.parse('2026-11-28T14:01:00Z'))
    expect((refused as CircuitOpenError).kind).toBe('server')
    expect(t.script.calls()).toBe(3)
    expect(t.records.map((r) => r.result)).toEqual(['failure', 'failure', 'failure', 'short-circuit'])

    const warnings = t.logger.records.filter((r) => r.level === 'warn')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]?.message).toContain('opened after 3 consecutive failures')
    expect(warnings[0]?.message).toContain('HTTP 503 from test')
    expect(warnings[0]?.message).toContain('2026-11-28T14:01:00.000Z')
    expect(t.breaker.view()).toMatchObject({
      state: 'open',
      openedAt: Date.parse('2026-11-28T14:00:00Z'),
      nextTrialAt: Date.parse('2026-11-28T14:01:00Z'),
    })
  })

  it('stays closed for 2 failures, a success, then 2 failures (the success resets the count)', async () => {
    const t = (current = setup())
    t.script.steps.push('fail', 'fail', 'ok', 'fail', 'fail')
    for (let i = 0; i < 5; i += 1) await t.fire()
    expect(t.breaker.state).toBe('closed')
    expect(t.breaker.view().consecutiveFailures).toBe(2)
    expect(t.script.calls()).toBe(5)
  })

  it('does not count configuration errors, and they reset the counter', async () => {
    const t = (current = setup())
    t.script.steps.push('fail', 'fail', 'auth', 'fail', 'fail', 'auth', 'auth', 'auth', 'auth')
    const results = []
    for (let i = 0; i < 9; i += 1) results.push(await t.fire())
    expect(t.breaker.state).toBe('closed')
    expect(results[2]).toBeInstanceOf(AuthError)
    expect(t.records.filter((r) => r.result === 'not-counted')).toHaveLength(5)
    expect(t.logger.records).toHaveLength(0)
  })

  it('after the cool-down admits exactly one trial; concurrent calls are short-circuited; success closes', async () => {
    const t = (current = setup())
    await openBreaker(t)
    vi.advanceTimersByTime(59_999)
    expect(t.breaker.state).toBe('open')
    expect(await t.fire()).toBeInstanceOf(CircuitOpenError)
    vi.advanceTimersByTime(1)
    expect(t.breaker.state).toBe('half-open')

    t.script.steps.push('deferred')
    const trial = t.fire()
    expect(t.breaker.view().trialInFlight).toBe(true)
    const others = await Promise.all([t.fire(), t.fire(), t.fire()])
    for (const other of others) {
      expect(other).toBeInstanceOf(CircuitOpenError)
      expect((other as CircuitOpenError).nextTrialAt).toBeNull()
    }
    expect(t.script.calls()).toBe(4)

    vi.advanceTimersByTime(2_000)
    t.script.deferred[0]?.resolve('recovered')
    expect(await trial).toBe('recovered')
    expect(t.breaker.state).toBe('closed')
    expect(t.breaker.view()).toMatchObject({ consecutiveFailures: 0, openedAt: null, nextTrialAt: null })
    const infos = t.logger.records.filter((r) => r.level === 'info')
    expect(infos).toHaveLength(1)
    expect(infos[0]?.message).toContain('outage lasted 1 min 2 s')
  })

  it('a failed trial re-opens for another cool-down without a second warning', async () => {
    const t = (current = setup())
    await openBreaker(t)
    vi.advanceTimersByTime(60_000)
    t.script.steps.push('fail')
    expect(await t.fire()).toBeInstanceOf(HttpStatusError)
    expect(t.breaker.state).toBe('open')
    expect(t.breaker.view().nextTrialAt).toBe(Date.parse('2026-11-28T14:02:00Z'))
    expect(t.breaker.view().openedAt).toBe(Date.parse('2026-11-28T14:00:00Z'))
    expect(t.logger.records.filter((r) => r.level === 'warn')).toHaveLength(1)

    vi.advanceTimersByTime(60_000)
    expect(await t.fire()).toBe('data 5')
    expect(t.breaker.state).toBe('closed')
    const info = t.logger.records.filter((r) => r.level === 'info')
    expect(info).toHaveLength(1)
    expect(info[0]?.message).toContain('outage lasted 2 min')
  })

  it('times out at the budget, aborts the call signal and counts the timeout', async () => {
    const t = (current = setup())
    t.script.steps.push('hang')
    const pending = t.fire()
    await vi.advanceTimersByTimeAsync(29_999)
    expect(t.script.signals[0]?.aborted).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    const error = await pending
    expect(error).toBeInstanceOf(RequestTimeoutError)
    expect((error as RequestTimeoutError).message).toContain('30 s')
    expect(t.script.signals[0]?.aborted).toBe(true)
    expect(t.script.signals[0]?.reason).toBe(error)
    expect(t.records[0]).toMatchObject({ result: 'timeout', latencyMs: 30_000 })
    expect(t.breaker.view().consecutiveFailures).toBe(1)
  })

  it('a trial cancelled with its run neither closes nor re-opens: the next run is the trial again', async () => {
    const t = (current = setup())
    await openBreaker(t)
    vi.advanceTimersByTime(60_000)
    expect(t.breaker.state).toBe('half-open')

    const run = new AbortController()
    t.script.steps.push('hang')
    const trial = t.breaker.fire(undefined, run.signal).catch((error: ScannerError) => error)
    run.abort()
    expect((await trial) as ScannerError).toMatchObject({ kind: 'aborted' })
    await Promise.resolve()
    expect(t.breaker.state).toBe('half-open')
    expect(t.logger.records.filter((r) => r.level === 'info')).toHaveLength(0)

    expect(await t.fire()).toBe('data 5')
    expect(t.breaker.state).toBe('closed')
    const infos = t.logger.records.filter((r) => r.level === 'info')
    expect(infos).toHaveLength(1)
    expect(infos[0]?.message).toContain('outage lasted 1 min')
  })

  it('retryNow moves an open breaker straight to its single trial', async () => {
    const t = (current = setup())
    expect(t.breaker.retryNow()).toBe(false)
    await openBreaker(t)
    expect(t.breaker.retryNow()).toBe(true)
    expect(t.breaker.state).toBe('half-open')
    t.script.steps.push('fail')
    await t.fire()
    expect(t.breaker.state).toBe('open')
    expect(t.breaker.retryNow()).toBe(true)
    expect(await t.fire()).toBe('data 5')
    expect(t.breaker.state).toBe('closed')
    expect(t.logger.records.filter((r) => r.level === 'warn')).toHaveLength(1)
    expect(t.logger.records.filter((r) => r.level === 'info')).toHaveLength(1)
  })

  it('rebuilds on a policy change: closed, counter reset, new numbers in force', async () => {
    const t = (current = setup())
    await openBreaker(t)
    expect(t.breaker.applyPolicy({ ...POLICY })).toBe(false)
    expect(t.breaker.applyPolicy({ failMax: 1, resetTimeoutMs: 10_000, timeoutMs: 5_000 })).toBe(true)
    expect(t.breaker.view()).toMatchObject({ state: 'closed', consecutiveFailures: 0, failMax: 1, timeoutMs: 5_000 })
    t.script.steps.push('fail')
    await t.fire()
    expect(t.breaker.state).toBe('open')
    expect(t.breaker.view().nextTrialAt).toBe(Date.now() + 10_000)
  })

  it('shutdown aborts calls in flight and leaves no timers behind', async () => {
    const t = (current = setup())
    await openBreaker(t)
    vi.advanceTimersByTime(60_000)
    t.script.steps.push('hang')
    const pending = t.fire()
    t.breaker.shutdown()
    const error = await pending
    expect(error).toBeInstanceOf(ScannerError)
    expect((error as ScannerError).kind).toBe('aborted')
    expect(t.script.signals[3]?.aborted).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
    expect(await t.fire()).toMatchObject({ kind: 'aborted' })
  })

  it('a throwing status listener cannot turn a success into a failure', async () => {
    const script = scripted()
    const logger = createMemoryLogger()
    const breaker = new IntegrationBreaker<void, string>({
      id: 'demo',
      displayName: 'Demo',
      policy: POLICY,
      action: (signal) => script.action(signal),
      logger,
      onCall: () => {
        throw new Error('listener bug')
      },
      onStateChange: () => {
        throw new Error('listener bug')
      },
    })
    try {
      script.steps.push('fail', 'fail', 'fail')
      for (let i = 0; i < 3; i += 1) await breaker.fire().catch(() => undefined)
      expect(breaker.state).toBe('open')
      expect(breaker.retryNow()).toBe(true)
      expect(await breaker.fire()).toBe('data 4')
      expect(breaker.state).toBe('closed')
    } finally {
      breaker.shutdown()
    }
  })
})
