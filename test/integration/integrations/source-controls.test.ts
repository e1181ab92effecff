/**
 * What the admin decides per source on the Status tab, through the real runtime over loopback HTTP: Pause keeps a
 * source from being called at all (and says so in the report), a source's own policy governs its breaker, the
 * trip is named in words and class (with the upstream's Retry-After), and the cards count the reports in a row
 * that lost the source's section.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from 'undici'
import { createDispatcher } from '../../../src/core/http/index.js'
import { createMemoryLogger } from '../../../src/core/logger.js'
import type { AnyIntegration, IntegrationOutcome } from '../../../src/core/integrations/contract.js'
import {
  createIntegrationRuntime,
  sectionForOutcome,
  type IntegrationRuntime,
} from '../../../src/core/integrations/runner.js'
import { defaultSettings, type Settings } from '../../../src/shared/settings.js'
import { startUpstream, testIntegration, type Upstream } from './loopback.js'

const WINDOW = { since: Date.parse('2026-11-27T14:00:00Z'), until: Date.parse('2026-11-28T14:00:00Z') }

let upstream: Upstream
let dispatcher: Agent
let runtime: IntegrationRuntime | undefined

beforeAll(async () => {
  upstream = await startUpstream()
  dispatcher = createDispatcher({ maxResponseBytes: 64 * 1024 })
})
afterEach(async () => {
  await runtime?.close()
  runtime = undefined
})
afterAll(async () => {
  await dispatcher.close()
  await upstream.close()
})

function withSources(sources: Settings['sources'], breaker: Partial<Settings['breaker']> = {}): Settings {
  const settings = defaultSettings()
  return { ...settings, breaker: { ...settings.breaker, timeoutMs: 1_000, ...breaker }, sources }
}

function make(integrations: AnyIntegration[], settings: Settings): IntegrationRuntime {
  runtime = createIntegrationRuntime({ integrations, settings, logger: createMemoryLogger(), dispatcher })
  return runtime
}

const at = (path: string) => () => `${upstream.origin}${path}`
const card = (rt: IntegrationRuntime, id: string) => rt.status().find((snapshot) => snapshot.id === id)
function only(outcomes: IntegrationOutcome[]): IntegrationOutcome {
  expect(outcomes).toHaveLength(1)
  return outcomes[0] as IntegrationOutcome
}
const requestsTo = (path: string): number => upstream.hits.get(path) ?? 0

describe('source controls in the integration runtime', () => {
  it('a paused source is never called, says so in its section, and runs again once resumed', async () => {
    const paused = withSources({ feed: { paused: true } })
    const rt = make([testIntegration({ id: 'feed', url: at('/ok') })], paused)
    const before = requestsTo('/ok')
    const outcome = only(await rt.run({ window: WINDOW, unifi: null }))
    expect(outcome).toMatchObject({ status: 'paused', message: expect.stringContaining('paused (by you') as string })
    expect(requestsTo('/ok')).toBe(before)
    expect(sectionForOutcome(outcome, 'UTC')).toMatchObject({ title: 'Feed', tone: 'warning' })
    expect(card(rt, 'feed')?.controls.paused).toBe(true)

    const resumed = only(await rt.run({ window: WINDOW, unifi: null, settings: withSources({}) }))
    expect(resumed.status).toBe('ok')
    expect(requestsTo('/ok')).toBe(before + 1)
    expect(card(rt, 'feed')?.controls.paused).toBe(false)
  })

  it('runs each source under its own policy values over the global ones, and marks which are its own', async () => {
    const settings = withSources({ strict: { paused: false, breaker: { failMax: 1 } } }, { failMax: 5 })
    const rt = make(
      [testIntegration({ id: 'strict', url: at('/500') }), testIntegration({ id: 'lenient', url: at('/500') })],
      settings,
    )
    await rt.run({ window: WINDOW, unifi: null })
    expect(card(rt, 'strict')?.breaker).toMatchObject({ state: 'open', failMax: 1 })
    expect(card(rt, 'lenient')?.breaker).toMatchObject({ state: 'closed', failMax: 5, consecutiveFailures: 1 })
    expect(card(rt, 'strict')?.controls.ownPolicy).toEqual(['failMax'])
    expect(card(rt, 'lenient')?.controls.ownPolicy).toEqual([])
  })

  it('names the trip: an outage with the opening, a rate limit with its Retry-After, credentials for the admin', async () => {
    const rt = make(
      [
        testIntegration({ id: 'down', url: at('/500') }),
        testIntegration({ id: 'limited', url: at('/429') }),
        testIntegration({ id: 'token', url: at('/401') }),
      ],
      withSources({}, { failMax: 1, resetTimeoutMs: 60_000 }),
    )
    await rt.run({ window: WINDOW, unifi: null })
    expect(card(rt, 'down')?.trip).toMatchObject({ cause: 'outage', retryAfterMs: null })
    expect(card(rt, 'down')?.trip?.text).toBe(
      'Outage: Down could not be reached or answered with an error. After 1 failure in a row the breaker opened; it tries again after the cool-down of 1 min.',
    )
    expect(card(rt, 'limited')?.trip).toMatchObject({ cause: 'rate-limit', retryAfterMs: 120_000 })
    expect(card(rt, 'limited')?.trip?.text).toContain('Rate limited: Limited asked to wait 2 min.')
    // Credentials never count toward the breaker: it stays closed, and the card still says why nothing works.
    expect(card(rt, 'token')?.breaker.state).toBe('closed')
    expect(card(rt, 'token')?.trip).toMatchObject({ cause: 'credentials' })
    expect(card(rt, 'token')?.trip?.text).toContain('retries do not help')
  })

  it('counts the reports in a row without a source section, and forgets them when one has it again', async () => {
    const rt = make([testIntegration({ id: 'flaky', url: at('/500') })], withSources({}, { failMax: 10 }))
    for (let i = 0; i < 2; i += 1) rt.recordReport(await rt.run({ window: WINDOW, unifi: null }))
    expect(card(rt, 'flaky')?.controls.reportsWithoutSection).toBe(2)
    const good = only(await rt.run({ window: WINDOW, unifi: null }))
    rt.recordReport([
      { ...good, status: 'ok', section: { id: 'x', title: 'Flaky', tone: 'good', blocks: [] }, data: null },
    ])
    expect(card(rt, 'flaky')?.controls.reportsWithoutSection).toBe(0)
    // Counted failures with the breaker still closed are not a trip yet: the card shows them as failures.
    expect(card(rt, 'flaky')?.trip).toBeNull()
    expect(card(rt, 'flaky')?.breaker.consecutiveFailures).toBe(3)
  })
})
