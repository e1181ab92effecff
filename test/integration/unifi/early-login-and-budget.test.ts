/**
 * The password login goes out beside the console probe, at the address's own origin only: on UniFi OS it
 * saves the round trip that would otherwise wait for the probe; on a classic controller the early attempt is
 * dropped and the classic login follows; an address without a port never gets the password on another port
 * before the probe has found the console.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src/core/logger.js'
import { createUnifiClient } from '../../../src/core/unifi/client.js'
import { createInMemorySourceMemory } from '../../../src/core/unifi/source-memory.js'
import { unifiSettingsSchema } from '../../../src/shared/settings.js'
import {
  startSimulatedController,
  type RecordedRequest,
  type SimulatedController,
} from '../../../src/simulator/unifi/index.js'
import { clientFor, DAY, NOW } from './sim-client.js'

let sim: SimulatedController | null = null
afterEach(async () => {
  await sim?.close()
  sim = null
})

// Long enough that a second connection's TLS handshake on a loaded machine still lands within one answer.
const LATENCY = 300

function requestsTo(path: string): RecordedRequest[] {
  return (sim?.stats.requests ?? []).filter((request) => request.path === path)
}

function single(path: string): RecordedRequest {
  const found = requestsTo(path)
  expect(found, path).toHaveLength(1)
  return found[0] as RecordedRequest
}

describe('the login beside the probe', () => {
  it('on UniFi OS: the login is sent before the probe is answered, once, and the session is used', async () => {
    sim = await startSimulatedController({ persona: 'unifi-os-10.3', now: () => NOW, latencyMs: LATENCY })
    const { client } = clientFor(sim, { site: 'default' })
    const collection = await client.collect(DAY, AbortSignal.timeout(20_000))
    await client.close()
    expect(collection.controller.kind).toBe('unifi-os')
    const probe = single('/')
    const login = single('/api/auth/login')
    expect(login.status).toBe(200)
    expect(probe.endedAt).not.toBeNull()
    expect(login.at).toBeLessThan(probe.endedAt ?? 0)
    expect(sim.stats.logins).toBe(1)
  })

  it('on a classic controller: the early attempt is dropped and the classic login follows the probe', async () => {
    sim = await startSimulatedController({ persona: 'classic-8', now: () => NOW, latencyMs: LATENCY })
    const { client } = clientFor(sim, { site: 'default' })
    const collection = await client.collect(DAY, AbortSignal.timeout(20_000))
    await client.close()
    expect(collection.controller.kind).toBe('classic')
    expect(collection.devices.length).toBeGreaterThan(0)
    const probe = single('/')
    const early = single('/api/auth/login')
    expect(early.status).toBeGreaterThanOrEqual(400)
    const classic = single('/api/login')
    expect(classic.status).toBe(200)
    expect(classic.at).toBeGreaterThanOrEqual(probe.endedAt ?? Number.POSITIVE_INFINITY)
    expect(requestsTo('/api/auth/logout')).toHaveLength(0)
    expect(requestsTo('/api/logout')).toHaveLength(1)
  })

  it('a wrong password on UniFi OS is the run’s authentication failure, with one attempt', async () => {
    sim = await startSimulatedController({ persona: 'unifi-os-10.3', now: () => NOW, latencyMs: LATENCY })
    const { client } = clientFor(sim, { site: 'default', password: 'not-the-password' })
    await expect(client.collect(DAY, AbortSignal.timeout(20_000))).rejects.toMatchObject({ kind: 'auth' })
    await client.close()
    expect(requestsTo('/api/auth/login')).toHaveLength(1)
  })

  it('without a port, the password reaches the console only after the probe found it there', async () => {
    sim = await startSimulatedController({ persona: 'unifi-os-10.3', now: () => NOW, latencyMs: LATENCY })
    const port = Number(new URL(sim.url).port)
    const settings = unifiSettingsSchema.parse({
      url: '127.0.0.1',
      site: 'default',
      tlsFingerprint: sim.fingerprint,
      username: sim.credentials.username,
      password: sim.credentials.password,
    })
    const client = createUnifiClient({
      settings,
      logger: createMemoryLogger(),
      now: () => NOW,
      sourceMemory: createInMemorySourceMemory(),
      probePorts: [port],
    })
    const collection = await client.collect(DAY, AbortSignal.timeout(20_000))
    await client.close()
    expect(collection.controller.baseUrl).toBe(`https://127.0.0.1:${port}`)
    const probe = single('/')
    const login = single('/api/auth/login')
    expect(login.at).toBeGreaterThanOrEqual(probe.endedAt ?? Number.POSITIVE_INFINITY)
  })
})

describe('the wave within the collection time budget', () => {
  it('a hanging read ends at the budget while the rest of the wave is read beside it', async () => {
    sim = await startSimulatedController({
      persona: 'unifi-os-10.3',
      now: () => NOW,
      latencyMs: LATENCY,
      faults: [{ type: 'hang', pathIncludes: 'stat/health' }],
    })
    // The request timeout is far beyond the budget: only the budget can end the hanging read.
    const { client } = clientFor(sim, {
      site: 'default',
      requestTimeoutMs: 120_000,
      collectionBudgetMs: 6_000,
      maxConcurrentRequests: 3,
    })
    const collection = await client.collect(DAY, AbortSignal.timeout(60_000))
    await client.close()
    const health = collection.sources.attempts.find((attempt) => attempt.endpoint === 'stat/health')
    expect(health).toMatchObject({ outcome: 'failed', errorCode: 'UNIFI_COLLECTION_BUDGET' })
    expect(collection.devices.length).toBeGreaterThan(0)
    expect(collection.events.length).toBeGreaterThan(0)
    expect(sim.stats.maxInFlight()).toBeLessThanOrEqual(3)
    // The wave went on beside the hanging read: everything sent after it was answered before the budget ended it.
    const requests = sim.stats.requests
    const hanging = requests.find((request) => request.path.includes('stat/health'))
    expect(hanging?.endedAt).not.toBeNull()
    const later = requests.filter(
      (request) => request !== hanging && request.path.includes('/proxy/network/') && request.at > (hanging?.at ?? 0),
    )
    expect(later.length).toBeGreaterThan(0)
    for (const request of later) {
      expect(request.status, request.path).toBeGreaterThan(0)
      expect(request.endedAt ?? Number.POSITIVE_INFINITY, request.path).toBeLessThan(hanging?.endedAt ?? 0)
    }
  })
})
