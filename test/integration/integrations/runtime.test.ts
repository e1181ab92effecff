import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from 'undici'
import { ConfigError } from '../../../src/core/errors.js'
import { createDispatcher } from '../../../src/core/http/index.js'
import { createMemoryLogger } from '../../../src/core/logger.js'
import type { AnyIntegration, IntegrationOutcome } from '../../../src/core/integrations/contract.js'
import {
  createIntegrationRuntime,
  sectionForOutcome,
  type IntegrationRuntime,
} from '../../../src/core/integrations/runner.js'
import { defaultSettings, type Settings } from '../../../src/shared/settings.js'
import { refusedOrigin, startUpstream, testIntegration, type Upstream } from './loopback.js'

const WINDOW = { since: Date.parse('2026-11-27T14:00:00Z'), until: Date.parse('2026-11-28T14:00:00Z') }

function settingsWith(breaker: Partial<Settings['breaker']>): Settings {
  const settings = defaultSettings()
  return { ...settings, breaker: { ...settings.breaker, ...breaker } }
}

let upstream: Upstream
let dispatcher: Agent
let runtime: IntegrationRuntime | undefined
const unhandled: unknown[] = []
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason)
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled)
  upstream = await startUpstream()
  dispatcher = createDispatcher({ maxResponseBytes: 64 * 1024 })
})

afterEach(async () => {
  await runtime?.close()
  runtime = undefined
  expect(unhandled).toEqual([])
})

afterAll(async () => {
  await dispatcher.close()
  await upstream.close()
  process.off('unhandledRejection', onUnhandled)
})

function make(integrations: AnyIntegration[], settings = settingsWith({ timeoutMs: 1_000, resetTimeoutMs: 60_000 })) {
  const logger = createMemoryLogger()
  runtime = createIntegrationRuntime({ integrations, settings, logger, dispatcher })
  return { runtime, logger }
}

function at(path: string) {
  return () => `${upstream.origin}${path}`
}

function byId(outcomes: IntegrationOutcome[], id: string): IntegrationOutcome {
  const outcome = outcomes.find((candidate) => candidate.id === id)
  if (!outcome) throw new Error(`no outcome for ${id}`)
  return outcome
}

describe('integration runtime over loopback HTTP', () => {
  it('times out a hanging integration at its budget, closes its socket, and a healthy sibling finishes on time', async () => {
    const { runtime } = make([
      testIntegration({ id: 'hang', url: at('/hang') }),
      testIntegration({ id: 'healthy', url: at('/ok?delay=20') }),
    ])
    const outcomes = await runtime.run({ window: WINDOW, unifi: null })

    const hang = byId(outcomes, 'hang')
    expect(hang).toMatchObject({
      status: 'failed',
      reason: 'timeout',
      errorKind: 'timeout',
      message: 'Hang: unable to fetch data (timed out after 1 s)',
    })
    // Date.now() may round one millisecond below the timer's monotonic budget.
    expect(hang.durationMs).toBeGreaterThanOrEqual(990)
    const healthy = byId(outcomes, 'healthy')
    expect(healthy.status).toBe('ok')
    // The sibling did not wait for the hang: it finished before the hang's budget ran out.
    expect(healthy.durationMs).toBeLessThan(hang.durationMs)
    if (healthy.status === 'ok') expect(healthy.section.blocks).toEqual([{ type: 'paragraph', text: 'Value 42' }])
    // The abort reached undici: the server sees the connection go away (bounded generously).
    await Promise.race([
      upstream.socketClosed('/hang'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('socket still open')), 5_000)),
    ])
    expect(runtime.status().find((s) => s.id === 'hang')?.window.timeouts).toBe(1)
  })

  it('classifies refused connection, 500, 429 with Retry-After, invalid JSON and oversize bodies as counted failures', async () => {
    const refused = await refusedOrigin()
    const { runtime } = make([
      testIntegration({ id: 'refused', url: () => `${refused}/x` }),
      testIntegration({ id: 'e500', url: at('/500') }),
      testIntegration({ id: 'e429', url: at('/429') }),
      testIntegration({ id: 'badjson', url: at('/badjson') }),
      testIntegration({ id: 'big', url: at('/big') }),
    ])
    const outcomes = await runtime.run({ window: WINDOW, unifi: null })
    const summary = outcomes.map((o) => [
      o.id,
      o.status,
      o.status === 'failed' ? o.errorKind : '',
      o.status === 'failed' ? o.message : '',
    ])
    expect(summary).toEqual([
      ['refused', 'failed', 'unreachable', 'Refused: unable to fetch data (cannot reach the server, ECONNREFUSED)'],
      ['e500', 'failed', 'server', 'E500: unable to fetch data (HTTP 500)'],
      ['e429', 'failed', 'rate-limited', 'E429: unable to fetch data (rate limited, HTTP 429, retry after 2 min)'],
      ['badjson', 'failed', 'parse', 'Badjson: unable to fetch data (invalid response)'],
      ['big', 'failed', 'too-large', 'Big: unable to fetch data (response too large)'],
    ])
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ reason: 'error', breaker: 'closed' })
      const status = runtime.status().find((s) => s.id === outcome.id)
      expect(status?.breaker.consecutiveFailures).toBe(1)
      expect(status?.lastError?.counted).toBe(true)
      expect(status?.window.failures).toBe(1)
      // The report still gets the section, with the error note and what to do.
      const section = sectionForOutcome(outcome, 'UTC')
      expect(section).toMatchObject({ id: `integration-${outcome.id}`, tone: 'error' })
      expect(section?.blocks.length).toBeGreaterThanOrEqual(2)
    }
  })

  it('opens after three counted failures, then skips without calling the upstream, and recovers after retry now', async () => {
    let path = '/500'
    const { runtime, logger } = make([testIntegration({ id: 'flaky', url: () => `${upstream.origin}${path}` })])
    const before = upstream.hits.get('/500') ?? 0
    const first = await runtime.run({ window: WINDOW, unifi: null })
    await runtime.run({ window: WINDOW, unifi: null })
    const third = await runtime.run({ window: WINDOW, unifi: null })
    expect(byId(first, 'flaky').breaker).toBe('closed')
    expect(byId(third, 'flaky').breaker).toBe('open')

    const skipped = byId(await runtime.run({ window: WINDOW, unifi: null }), 'flaky')
    expect(skipped).toMatchObject({ status: 'failed', reason: 'circuit-open', errorKind: 'server' })
    expect(skipped.status === 'failed' && skipped.message).toMatch(
      /^Flaky: unable to fetch data \(circuit open, next try \d{1,2}:\d\d [AP]M \S+\)$/,
    )
    expect(skipped.status === 'failed' && skipped.nextAttemptAt).toBeGreaterThan(Date.now())
    expect(upstream.hits.get('/500')).toBe(before + 3)
    const snapshot = runtime.status()[0]
    expect(snapshot?.breaker).toMatchObject({ state: 'open', consecutiveFailures: 3 })
    expect(snapshot?.window).toMatchObject({ failures: 3, shortCircuits: 1 })
    expect(logger.records.filter((r) => r.message.includes('circuit breaker opened'))).toHaveLength(1)

    path = '/ok'
    expect(runtime.retryNow('flaky')).toBe(true)
    expect(runtime.status()[0]?.breaker.state).toBe('half-open')
    const recovered = byId(await runtime.run({ window: WINDOW, unifi: null }), 'flaky')
    expect(recovered).toMatchObject({ status: 'ok', breaker: 'closed' })
    expect(logger.records.filter((r) => r.message.includes('circuit breaker closed'))).toHaveLength(1)
  })

  it('recovers in-process when the cool-down has passed: the next run is the trial', async () => {
    let path = '/500'
    const { runtime } = make(
      [testIntegration({ id: 'flaky', url: () => `${upstream.origin}${path}` })],
      settingsWith({ failMax: 1, timeoutMs: 200, resetTimeoutMs: 300 }),
    )
    expect(byId(await runtime.run({ window: WINDOW, unifi: null }), 'flaky').breaker).toBe('open')
    path = '/ok'
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(runtime.status()[0]?.breaker.state).toBe('half-open')
    expect(byId(await runtime.run({ window: WINDOW, unifi: null }), 'flaky')).toMatchObject({
      status: 'ok',
      breaker: 'closed',
    })
  })

  it('401 is needs-attention and never trips the breaker', async () => {
    const { runtime, logger } = make([testIntegration({ id: 'auth', url: at('/401') })])
    let last: IntegrationOutcome | undefined
    for (let i = 0; i < 5; i += 1) last = byId(await runtime.run({ window: WINDOW, unifi: null }), 'auth')
    expect(last).toMatchObject({
      status: 'needs-attention',
      errorKind: 'auth',
      breaker: 'closed',
      message: 'Auth needs attention: the credentials were rejected (HTTP 401)',
    })
    const status = runtime.status()[0]
    expect(status?.breaker).toMatchObject({ state: 'closed', consecutiveFailures: 0 })
    expect(status?.window).toMatchObject({ notCounted: 5, failures: 0 })
    expect(status?.lastError).toMatchObject({ kind: 'auth', counted: false })
    expect(sectionForOutcome(last!, 'UTC')).toMatchObject({ tone: 'warning' })
    expect(logger.records.some((r) => r.message.includes('circuit breaker opened'))).toBe(false)
  })

  it('403, 400 and validation errors are needs-attention too, never counted', async () => {
    const invalid: AnyIntegration = {
      ...testIntegration({ id: 'invalid', url: at('/ok') }),
      fetch: () => Promise.reject(new ConfigError('Zone "example.org" is not in this account. Check the zone list.')),
    }
    const { runtime } = make([
      testIntegration({ id: 'forbidden', url: at('/403') }),
      testIntegration({ id: 'malformed', url: at('/400') }),
      invalid,
    ])
    for (let i = 0; i < 4; i += 1) await runtime.run({ window: WINDOW, unifi: null })
    const outcomes = await runtime.run({ window: WINDOW, unifi: null })
    expect(outcomes.map((o) => [o.id, o.status, o.breaker, o.status === 'needs-attention' ? o.errorKind : ''])).toEqual(
      [
        ['forbidden', 'needs-attention', 'closed', 'config'],
        ['malformed', 'needs-attention', 'closed', 'config'],
        ['invalid', 'needs-attention', 'closed', 'config'],
      ],
    )
    expect(byId(outcomes, 'forbidden')).toMatchObject({
      message: 'Forbidden needs attention: the request was refused (HTTP 403)',
    })
    expect(byId(outcomes, 'invalid')).toMatchObject({
      detail: 'Zone "example.org" is not in this account. Check the zone list.',
    })
    for (const status of runtime.status()) expect(status.window).toMatchObject({ failures: 0, notCounted: 5 })
  })

  it('cancelling the run aborts the calls in flight without counting a failure', async () => {
    const { runtime } = make(
      [testIntegration({ id: 'slow', url: at('/ok?delay=5000') })],
      settingsWith({ timeoutMs: 20_000, resetTimeoutMs: 60_000 }),
    )
    const controller = new AbortController()
    const pending = runtime.run({ window: WINDOW, unifi: null, signal: controller.signal })
    setTimeout(() => controller.abort(), 50)
    const outcome = byId(await pending, 'slow')
    expect(outcome).toMatchObject({ status: 'failed', reason: 'error', errorKind: 'aborted' })
    expect(outcome.status === 'failed' && outcome.message).toBe('Slow: unable to fetch data (cancelled)')
    expect(runtime.status()[0]?.breaker.consecutiveFailures).toBe(0)
  })

  it('many integrations sharing the run signal raise no listener-leak warning', async () => {
    const warnings: Error[] = []
    const onWarning = (warning: Error): void => {
      warnings.push(warning)
    }
    process.on('warning', onWarning)
    try {
      const many = Array.from({ length: 30 }, (_, index) => testIntegration({ id: `m${index}`, url: at('/ok') }))
      const { runtime } = make(many)
      const controller = new AbortController()
      const outcomes = await runtime.run({ window: WINDOW, unifi: null, signal: controller.signal })
      expect(outcomes.every((outcome) => outcome.status === 'ok')).toBe(true)
      await new Promise((resolve) => setImmediate(resolve))
      expect(warnings.map((warning) => warning.message)).toEqual([])
    } finally {
      process.off('warning', onWarning)
    }
  })

  it('not configured → no output at all; partial → one warning naming the missing fields', async () => {
    const requestsBefore = [...upstream.hits.values()].reduce((a, b) => a + b, 0)
    const unset = testIntegration({
      id: 'unset',
      url: at('/ok'),
      fields: [{ key: 'token', label: 'Token', kind: 'secret', required: true }],
    })
    const partial = testIntegration({
      id: 'partial',
      url: at('/ok'),
      fields: [
        { key: 'token', label: 'Token', kind: 'secret', required: true },
        { key: 'accountId', label: 'Account ID', kind: 'text', required: true },
      ],
    })
    const settings = { ...settingsWith({ timeoutMs: 1_000, resetTimeoutMs: 60_000 }) }
    settings.integrations = { partial: { token: 'a-token-value' } }
    const { runtime, logger } = make([unset, partial], settings)
    const first = await runtime.run({ window: WINDOW, unifi: null })
    await runtime.run({ window: WINDOW, unifi: null })
    expect(byId(first, 'unset')).toMatchObject({ status: 'not-configured' })
    expect(sectionForOutcome(byId(first, 'unset'), 'UTC')).toBeNull()
    expect(byId(first, 'partial')).toMatchObject({ status: 'partial-config', missing: ['accountId'] })
    expect(sectionForOutcome(byId(first, 'partial'), 'UTC')).toMatchObject({ tone: 'warning' })
    expect(logger.records).toHaveLength(1)
    expect(logger.records[0]).toMatchObject({ level: 'warn' })
    expect(logger.records[0]?.message).toContain('missing: Account ID')
    expect([...upstream.hits.values()].reduce((a, b) => a + b, 0)).toBe(requestsBefore)
    expect(runtime.status().map((s) => [s.id, s.configuration.state])).toEqual([
      ['unset', 'not-configured'],
      ['partial', 'partial'],
    ])
  })

  it('a crashing integration is isolated and the run never rejects', async () => {
    const crashing: AnyIntegration = {
      ...testIntegration({ id: 'crash', url: at('/ok') }),
      fetch: () => {
        throw new TypeError('bug in fetch')
      },
    }
    const badRender: AnyIntegration = {
      ...testIntegration({ id: 'render', url: at('/ok') }),
      renderSection: () => {
        throw new Error('bug in render')
      },
    }
    const { runtime } = make([crashing, badRender, testIntegration({ id: 'fine', url: at('/ok') })])
    const outcomes = await runtime.run({ window: WINDOW, unifi: null })
    expect(outcomes.map((o) => [o.id, o.status])).toEqual([
      ['crash', 'failed'],
      ['render', 'failed'],
      ['fine', 'ok'],
    ])
    expect(byId(outcomes, 'crash')).toMatchObject({
      errorKind: 'internal',
      reason: 'error',
      message: 'Crash: unable to fetch data (unexpected error)',
    })
    expect(byId(outcomes, 'render')).toMatchObject({ message: 'Render: unable to show the data (unexpected error)' })
    // The upstream answered: a rendering bug does not count toward the breaker.
    expect(runtime.status().find((s) => s.id === 'render')?.breaker.consecutiveFailures).toBe(0)
    expect(runtime.status().find((s) => s.id === 'crash')?.breaker.consecutiveFailures).toBe(1)
  })

  it('rebuilds breakers when the breaker policy changes between runs', async () => {
    const { runtime } = make([testIntegration({ id: 'flaky', url: at('/500') })])
    await runtime.run({ window: WINDOW, unifi: null })
    const changed = settingsWith({ failMax: 1, timeoutMs: 1_000, resetTimeoutMs: 60_000 })
    const outcome = byId(await runtime.run({ window: WINDOW, unifi: null, settings: changed }), 'flaky')
    expect(outcome.breaker).toBe('open')
    expect(runtime.status()[0]?.breaker).toMatchObject({ failMax: 1, consecutiveFailures: 1 })
  })

  it('close() aborts calls in flight: the run settles at once and the socket closes', async () => {
    const { runtime } = make(
      [testIntegration({ id: 'slow', url: at('/ok?delay=5000') })],
      settingsWith({ timeoutMs: 20_000, resetTimeoutMs: 60_000 }),
    )
    const pending = runtime.run({ window: WINDOW, unifi: null })
    await new Promise((resolve) => setTimeout(resolve, 50))
    await runtime.close()
    const outcome = byId(await pending, 'slow')
    // Aborted, not answered: the run did not wait for the upstream's 5 s reply.
    expect(outcome).toMatchObject({ status: 'failed', errorKind: 'aborted' })
  })

  it('testConnection runs outside the breaker within the time budget', async () => {
    const { runtime } = make(
      [testIntegration({ id: 'good', url: at('/ok') }), testIntegration({ id: 'hang', url: at('/hang') })],
      settingsWith({ timeoutMs: 300, resetTimeoutMs: 60_000 }),
    )
    expect(await runtime.testConnection('good')).toEqual({ ok: true, message: 'Good answers.' })
    const hung = await runtime.testConnection('hang')
    expect(hung.ok).toBe(false)
    expect(hung.message).toContain('300 ms')
    expect(await runtime.testConnection('nope')).toMatchObject({ ok: false })
  })
})
