/**
 * Every firmware persona of the simulated controller is collected end to end over real HTTPS, and the
 * collection says which sources supplied each kind of data and why fallbacks happened.
 */
import { afterEach, describe, expect, it } from 'vitest'
import {
  startSimulatedController,
  type PersonaName,
  type SimulatedController,
} from '../../../src/simulator/unifi/index.js'
import { collectionCoverage, COVERAGE_SOURCES } from '../../../src/core/unifi/coverage.js'
import type { UnifiCollection } from '../../../src/core/unifi/model.js'
import { clientFor, DAY, logText, NOW } from './sim-client.js'

interface Expected {
  kind: 'classic' | 'unifi-os'
  version: string
  events: string
  /** Threat sources that must have answered. */
  threatSources: string[]
  /** Endpoint → outcome that must appear among the attempts. */
  attempts: Record<string, string>
}

const EXPECTED: Record<PersonaName, Expected> = {
  'classic-8': {
    kind: 'classic',
    version: '8.6.9',
    events: 'stat/event',
    threatSources: ['stat/ips/event'],
    attempts: { 'system-log/all': 'unsupported', 'traffic-flows': 'unsupported', 'stat/ips/event': 'used' },
  },
  'unifi-os-9.1': {
    kind: 'unifi-os',
    version: '9.1.120',
    events: 'system-log',
    threatSources: ['traffic-flows', 'stat/ips/event', 'system-log'],
    attempts: { 'system-log/all': 'used', 'stat/ips/event': 'used', 'traffic-flows': 'used' },
  },
  'unifi-os-9.4': {
    kind: 'unifi-os',
    version: '9.4.19',
    events: 'system-log',
    threatSources: ['traffic-flows', 'system-log'],
    attempts: { 'stat/ips/event': 'empty', 'traffic-flows': 'used' },
  },
  'unifi-os-10.0': {
    kind: 'unifi-os',
    version: '10.0.162',
    events: 'system-log',
    threatSources: ['traffic-flows', 'system-log'],
    attempts: { 'system-log/all': 'used', 'traffic-flows': 'used' },
  },
  'unifi-os-10.3': {
    kind: 'unifi-os',
    version: '10.3.58',
    events: 'system-log',
    threatSources: ['traffic-flows', 'system-log'],
    attempts: { 'stat/ips/event': 'unsupported', 'traffic-flows': 'used' },
  },
}

let sim: SimulatedController | null = null
afterEach(async () => {
  await sim?.close()
  sim = null
})

function outcomes(collection: UnifiCollection): Record<string, string> {
  return Object.fromEntries(collection.sources.attempts.map((attempt) => [attempt.endpoint, attempt.outcome]))
}

describe.each(Object.entries(EXPECTED) as [PersonaName, Expected][])('persona %s', (persona, expected) => {
  it('collects devices, health, events, alarms and threats and reports the sources used', async () => {
    sim = await startSimulatedController({ persona, now: () => NOW })
    const { client, logs } = clientFor(sim)
    try {
      const progress: number[] = []
      const collection = await client.collect(DAY, AbortSignal.timeout(25_000), (p) => progress.push(p.percent))
      expect(collection.controller).toMatchObject({
        kind: expected.kind,
        version: expected.version,
        authMethod: 'password',
      })
      expect(collection.controller.tlsFingerprint).toBe(sim.fingerprint)
      expect(collection.site.name).toBe('default')
      expect(collection.devices.length).toBeGreaterThan(0)
      expect(collection.devices.some((device) => device.poeBudgetW !== null)).toBe(true)
      expect(collection.health.some((item) => item.subsystem === 'wan')).toBe(true)
      expect(collection.clientCount).toBeGreaterThan(0)
      expect(collection.events.length).toBeGreaterThan(0)
      expect(collection.events.every((event) => event.timestampMs === null || event.timestampMs < DAY.until)).toBe(true)
      expect(collection.events.some((event) => event.key === 'EVT_IPS_IpsAlert')).toBe(false)
      expect(collection.threats.length).toBeGreaterThan(0)
      expect(collection.ipsSettings?.mode).toBeTruthy()
      expect(collection.sources.events).toBe(expected.events)
      for (const source of expected.threatSources) expect(collection.sources.threats).toContain(source)
      expect(outcomes(collection)).toMatchObject(expected.attempts)
      for (const attempt of collection.sources.attempts) {
        if (attempt.outcome === 'unsupported' || attempt.outcome === 'failed') expect(attempt.detail).toBeTruthy()
      }
      const coverage = collectionCoverage(collection)
      for (const source of COVERAGE_SOURCES) {
        expect(coverage[source], source).toMatchObject({ state: 'read', rejected: 0, reason: null })
      }
      expect(coverage.events.records).toBe(collection.events.length)
      expect(progress.at(-1)).toBe(100)
      expect(sim.stats.logins).toBe(1)
      expect(logText(logs)).not.toContain(sim.credentials.password)
    } finally {
      await client.close()
    }
    expect(sim.stats.logouts).toBe(1)
  })
})

describe('API key', () => {
  it('collects a UniFi OS console with X-API-KEY: no login, no logout', async () => {
    sim = await startSimulatedController({ persona: 'unifi-os-10.3', now: () => NOW })
    const { client, logs } = clientFor(sim, { auth: 'api-key' })
    const collection = await client.collect(DAY, AbortSignal.timeout(25_000))
    await client.close()
    expect(collection.controller.authMethod).toBe('api-key')
    expect(collection.threats.length).toBeGreaterThan(0)
    expect(sim.stats.logins).toBe(0)
    expect(sim.stats.logouts).toBe(0)
    expect(logText(logs)).not.toContain(sim.credentials.apiKey)
  })

  it('refuses an API key on a classic controller with a config error naming the fix', async () => {
    sim = await startSimulatedController({ persona: 'classic-8', now: () => NOW })
    const { client } = clientFor(sim, { auth: 'api-key' })
    await expect(client.connect(AbortSignal.timeout(10_000))).rejects.toMatchObject({
      kind: 'config',
      code: 'UNIFI_API_KEY_UNSUPPORTED',
      message: expect.stringMatching(/does not support API keys.*username and password/) as unknown,
    })
    await client.close()
  })
})
