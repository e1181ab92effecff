/**
 * Login behaviour against the simulated console: one login shared by concurrent callers, exactly one
 * re-login after a 401, no second login after a 429, MFA and bad credentials as guided auth errors, and
 * CSRF rotation followed on every request.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulatedController, type SimulatedController } from '../../../src/simulator/unifi/index.js'
import { AuthError } from '../../../src/core/errors.js'
import { LoginRateLimitedError, MfaRequiredError } from '../../../src/core/unifi/errors.js'
import { clientFor, DAY, logText, NOW, requestsTo } from './sim-client.js'

let sims: SimulatedController[] = []
async function simulator(options: Parameters<typeof startSimulatedController>[0] = {}): Promise<SimulatedController> {
  const sim = await startSimulatedController({ now: () => NOW, ...options })
  sims.push(sim)
  return sim
}
afterEach(async () => {
  await Promise.all(sims.map((sim) => sim.close()))
  sims = []
})

describe('single flight', () => {
  it('concurrent collect, runAccess and listSites share one login and one set of threat requests', async () => {
    const sim = await simulator({ persona: 'unifi-os-10.3', threats: 2500 })
    const alone = clientFor(sim)
    await alone.client.collect(DAY, AbortSignal.timeout(25_000))
    await alone.client.close()
    const flowsAlone = requestsTo(sim, 'traffic-flows')
    const settingsAlone = requestsTo(sim, 'rest/setting')
    expect(flowsAlone).toBeGreaterThanOrEqual(3)

    const { client } = clientFor(sim)
    const access = client.runAccess(DAY)
    expect(client.runAccess(DAY)).toBe(access)
    const signal = AbortSignal.timeout(25_000)
    const [collection, threats, ips, sites, info] = await Promise.all([
      client.collect(DAY, signal),
      access.threats(signal),
      access.ipsSettings(signal),
      client.listSites(signal),
      access.controllerInfo(signal),
    ])
    await client.close()
    expect(sim.stats.logins).toBe(2)
    expect(requestsTo(sim, 'traffic-flows')).toBe(2 * flowsAlone)
    expect(requestsTo(sim, 'rest/setting')).toBe(2 * settingsAlone)
    expect(threats.threats).toEqual(collection.threats)
    expect(threats.sources.threats).toEqual(collection.sources.threats)
    expect(ips).toEqual(collection.ipsSettings)
    expect(sites.map((site) => site.name)).toEqual(['default'])
    expect(info).toEqual(collection.controller)
  })

  it('a caller that gives up does not cancel the shared work for the others', async () => {
    const sim = await simulator({ faults: [{ type: 'slow', delayMs: 300, pathIncludes: 'rest/setting' }] })
    const { client } = clientFor(sim)
    const impatient = new AbortController()
    const abandoned = client.runAccess(DAY).ipsSettings(impatient.signal)
    const patient = client.runAccess(DAY).ipsSettings(AbortSignal.timeout(10_000))
    setTimeout(() => impatient.abort(), 50)
    await expect(abandoned).rejects.toMatchObject({ kind: 'aborted' })
    await expect(patient).resolves.toMatchObject({ mode: expect.any(String) as unknown })
    await client.close()
    expect(requestsTo(sim, 'rest/setting')).toBe(1)
  })
})

describe('session expiry', () => {
  it('logs in again exactly once when the session drops mid-collection, and finishes', async () => {
    const sim = await simulator({ persona: 'unifi-os-10.0', events: 3000 })
    const { client } = clientFor(sim)
    await client.connect(AbortSignal.timeout(10_000))
    sim.setFaults([{ type: 'session-expiry' }])
    const collection = await client.collect(DAY, AbortSignal.timeout(25_000))
    await client.close()
    expect(sim.stats.requests.filter((request) => request.status === 401).length).toBeGreaterThanOrEqual(1)
    expect(sim.stats.logins).toBe(2)
    expect(collection.events.length).toBeGreaterThan(0)
    expect(collection.warnings).toEqual([])
  })
})

describe('login refused', () => {
  it.each([
    [120, 120_000],
    [undefined, 60_000],
  ])(
    '429 with Retry-After %s stops: one login attempt, a wait of %s ms, no retry by later callers',
    async (retryAfterSec, wait) => {
      const sim = await simulator({
        faults: [{ type: 'login-429', ...(retryAfterSec === undefined ? {} : { retryAfterSec }) }],
      })
      const { client, logs } = clientFor(sim)
      const failure = client.collect(DAY, AbortSignal.timeout(10_000))
      await expect(failure).rejects.toBeInstanceOf(LoginRateLimitedError)
      await expect(failure).rejects.toMatchObject({
        kind: 'auth',
        code: 'UNIFI_LOGIN_RATE_LIMITED',
        retryAfterMs: wait,
        message: expect.stringContaining(new Date(NOW + wait).toISOString()) as unknown,
      })
      await expect(client.runAccess(DAY).threats(AbortSignal.timeout(5_000))).rejects.toBeInstanceOf(
        LoginRateLimitedError,
      )
      await expect(client.connect(AbortSignal.timeout(5_000))).rejects.toBeInstanceOf(LoginRateLimitedError)
      await client.close()
      expect(sim.stats.logins).toBe(1)
      expect(logText(logs)).not.toContain(sim.credentials.password)
    },
  )

  it('a 429 on the re-login after a 401 also stops without a third attempt', async () => {
    const sim = await simulator()
    const { client } = clientFor(sim)
    await client.connect(AbortSignal.timeout(10_000))
    sim.setFaults([{ type: 'session-expiry' }, { type: 'login-429', retryAfterSec: 30 }])
    await expect(client.collect(DAY, AbortSignal.timeout(10_000))).rejects.toBeInstanceOf(LoginRateLimitedError)
    await client.close()
    expect(sim.stats.logins).toBe(2)
  })

  it.each(['token-required', 'sso-499'] as const)('MFA (%s) is a guided auth error, asked once', async (variant) => {
    const sim = await simulator({ faults: [{ type: 'mfa-required', variant }] })
    const { client } = clientFor(sim)
    const failure = client.connect(AbortSignal.timeout(10_000))
    await expect(failure).rejects.toBeInstanceOf(MfaRequiredError)
    await expect(failure).rejects.toThrow(/LOCAL admin.*API key/)
    await expect(client.collect(DAY, AbortSignal.timeout(5_000))).rejects.toBeInstanceOf(MfaRequiredError)
    await client.close()
    expect(sim.stats.logins).toBe(1)
  })

  it.each(['unifi-os-10.3', 'classic-8'] as const)(
    'bad credentials on %s: a clear auth error without the password',
    async (persona) => {
      const sim = await simulator({ persona })
      const { client } = clientFor(sim, { password: 'wrong-password-123' })
      const failure = client.connect(AbortSignal.timeout(10_000))
      await expect(failure).rejects.toBeInstanceOf(AuthError)
      await expect(failure).rejects.toMatchObject({ code: 'UNIFI_BAD_CREDENTIALS' })
      const error = (await failure.catch((caught: unknown) => caught)) as Error
      expect(error.message).not.toContain('wrong-password-123')
      await client.close()
      expect(sim.stats.logins).toBe(1)
    },
  )
})

describe('CSRF', () => {
  it('follows the rotating token: every POST is accepted while the console requires the current token', async () => {
    const sim = await simulator({ persona: 'unifi-os-10.3', events: 2500, faults: [{ type: 'csrf-required' }] })
    const { client } = clientFor(sim)
    const collection = await client.collect(DAY, AbortSignal.timeout(25_000))
    await client.close()
    const posts = sim.stats.requests.filter(
      (request) => request.method === 'POST' && !request.path.includes('/api/auth/'),
    )
    expect(posts.length).toBeGreaterThanOrEqual(4)
    // Requests already in flight when the console first rotated may be refused once; each is then repeated
    // with the newest token and succeeds (a client that ignored rotation would fail every later POST).
    const refused = sim.stats.requests.filter((request) => request.status === 403)
    for (const request of refused) {
      const retried = sim.stats.requests.find(
        (later) => later.path === request.path && later.at >= request.at && later.status === 200,
      )
      expect(retried).toBeDefined()
    }
    expect(collection.sources.attempts.filter((attempt) => attempt.outcome === 'failed')).toEqual([])
    expect(collection.warnings).toEqual([])
    expect(sim.stats.logouts).toBe(1)
  })
})
