/**
 * The Cloudflare integration inside the integration runtime against the fake API: the time budget
 * cuts a hanging API while a concurrent UniFi call finishes on its own time; three failing runs open the
 * breaker, the fourth never reaches the fake, and after the cooldown a single trial closes it again.
 * Auth failures need attention and never trip the breaker.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createDispatcher, httpRequest } from '../../../src/core/http/index.js'
import { createCloudflareIntegration } from '../../../src/core/integrations/cloudflare/index.js'
import type { IntegrationOutcome } from '../../../src/core/integrations/contract.js'
import {
  createIntegrationRuntime,
  sectionForOutcome,
  type IntegrationRuntime,
} from '../../../src/core/integrations/runner.js'
import { createMemoryLogger } from '../../../src/core/logger.js'
import { settingsSchema } from '../../../src/shared/settings.js'
import { startFakeCloudflare, type CloudflareFault } from '../../../src/simulator/cloudflare/index.js'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setup(
  faults: CloudflareFault[],
  breaker: { failMax: number; timeoutMs: number; resetTimeoutMs: number },
) {
  const fake = await startFakeCloudflare({ faults })
  cleanups.push(() => fake.close())
  const settings = settingsSchema.parse({
    // One zone and a known account keep a healthy run short, well inside the budget.
    integrations: {
      cloudflare: { apiToken: fake.token, apiUrl: fake.url, accountId: fake.accountId, zones: ['example.com'] },
    },
    breaker,
  })
  const logger = createMemoryLogger()
  const runtime = createIntegrationRuntime({ integrations: [createCloudflareIntegration()], settings, logger })
  cleanups.push(() => runtime.close())
  return { fake, runtime, logger }
}

function runOnce(runtime: IntegrationRuntime): Promise<IntegrationOutcome> {
  const now = Date.now()
  return runtime.run({ window: { since: now - 12 * 3_600_000, until: now }, unifi: null }).then((outcomes) => {
    const [outcome] = outcomes
    if (outcome === undefined) throw new Error('no outcome')
    return outcome
  })
}

/** A stand-in for the UniFi side of the run: a loopback server that answers after `delayMs`. */
async function slowUnifi(delayMs: number): Promise<{ url: string }> {
  const server: Server = createServer((_req, res) => {
    setTimeout(() => res.end('{"meta":{"rc":"ok"},"data":[]}'), delayMs)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  )
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/s/default/stat/health` }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

describe('Cloudflare in the integration runtime', () => {
  it('cuts a hanging Cloudflare API at the integration timeout while the UniFi part completes on time', async () => {
    const { fake, runtime } = await setup([{ kind: 'hang' }], { failMax: 3, timeoutMs: 1_500, resetTimeoutMs: 10_000 })
    const unifi = await slowUnifi(50)
    const dispatcher = createDispatcher()
    cleanups.push(() => dispatcher.close())
    const started = performance.now()
    const finished: string[] = []
    const [outcome] = await Promise.all([
      runOnce(runtime).then((result) => {
        finished.push('cloudflare')
        return result
      }),
      httpRequest({ url: unifi.url, dispatcher }).then((response) => {
        finished.push('unifi')
        expect(response.status).toBe(200)
      }),
    ])
    const cloudflareDoneMs = performance.now() - started
    expect(outcome).toMatchObject({ status: 'failed', reason: 'timeout', errorKind: 'timeout' })
    if (outcome.status === 'failed')
      expect(outcome.message).toBe('Cloudflare: unable to fetch data (timed out after 1.5 s)')
    // The UniFi read was answered while Cloudflare still hung; Cloudflare gave up at its budget, not before.
    expect(finished).toEqual(['unifi', 'cloudflare'])
    expect(cloudflareDoneMs).toBeGreaterThanOrEqual(1_400)
    expect(fake.requests.map((r) => r.path)).toEqual(['/zones'])
    // The report still gets a Cloudflare section: the runtime's error note.
    const section = sectionForOutcome(outcome, 'UTC')
    expect(section).toMatchObject({ id: 'integration-cloudflare', tone: 'error' })
    expect(section?.blocks[0]).toMatchObject({
      type: 'paragraph',
      text: 'Cloudflare: unable to fetch data (timed out after 1.5 s)',
    })
  })

  it('opens after three failing runs, short-circuits the fourth, and closes after one successful trial', async () => {
    const { fake, runtime, logger } = await setup([{ kind: 'server-error' }], {
      failMax: 3,
      timeoutMs: 2_000,
      resetTimeoutMs: 2_500,
    })
    for (let run = 1; run <= 3; run += 1) {
      const outcome = await runOnce(runtime)
      expect(outcome).toMatchObject({ status: 'failed', reason: 'error', errorKind: 'server' })
      expect(outcome.breaker).toBe(run < 3 ? 'closed' : 'open')
    }
    const reached = fake.requests.length
    expect(reached).toBeGreaterThanOrEqual(3)

    const fourth = await runOnce(runtime)
    expect(fourth).toMatchObject({ status: 'failed', reason: 'circuit-open', breaker: 'open' })
    // Short-circuited: no request reached the API (the cost of a refused call is measured by `npm run bench`).
    expect(fake.requests.length).toBe(reached)

    fake.setFaults([])
    await sleep(2_700)
    // Two runs at once after the cooldown: exactly one is the trial, the other is refused without a request.
    const [a, b] = await Promise.all([runOnce(runtime), runOnce(runtime)])
    const statuses = [a.status, b.status].sort()
    expect(statuses).toEqual(['failed', 'ok'])
    const refused = [a, b].find((o) => o.status === 'failed')
    expect(refused).toMatchObject({ reason: 'circuit-open' })
    const trial = [a, b].find((o) => o.status === 'ok')
    expect(trial?.breaker).toBe('closed')
    if (trial?.status === 'ok') expect(trial.section.title).toBe('Cloudflare Security')
    expect(runtime.status()[0]?.breaker.state).toBe('closed')
    expect(logger.records.filter((r) => /open/i.test(r.message) && r.level === 'warn').length).toBeGreaterThanOrEqual(1)
  })

  it('an invalid token needs attention on every run and never opens the breaker', async () => {
    const { fake, runtime } = await setup([{ kind: 'invalid-token' }], {
      failMax: 3,
      timeoutMs: 2_000,
      resetTimeoutMs: 5_000,
    })
    for (let run = 1; run <= 4; run += 1) {
      const outcome = await runOnce(runtime)
      expect(outcome).toMatchObject({ status: 'needs-attention', errorKind: 'auth', breaker: 'closed' })
      if (outcome.status === 'needs-attention') expect(outcome.message).toMatch(/^Cloudflare needs attention: /)
    }
    expect(fake.requests).toHaveLength(4)
  })

  it('429 counts toward the breaker and is reported as rate limiting', async () => {
    const { runtime } = await setup([{ kind: 'rate-limited', retryAfterSeconds: 30 }], {
      failMax: 2,
      timeoutMs: 2_000,
      resetTimeoutMs: 60_000,
    })
    const first = await runOnce(runtime)
    expect(first).toMatchObject({ status: 'failed', reason: 'error', errorKind: 'rate-limited', breaker: 'closed' })
    const second = await runOnce(runtime)
    expect(second).toMatchObject({ status: 'failed', errorKind: 'rate-limited', breaker: 'open' })
  })
})
