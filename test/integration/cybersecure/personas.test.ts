/**
 * CyberSecure on every simulated firmware persona, run through the integration runtime exactly as the
 * pipeline does: concurrently with the core collection and on the same UniFi session.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createIntegrationRuntime } from '../../../src/core/integrations/runner.js'
import { cybersecureIntegration } from '../../../src/core/integrations/cybersecure/index.js'
import type { CyberSecureData } from '../../../src/core/integrations/cybersecure/index.js'
import type { IntegrationOutcome } from '../../../src/core/integrations/contract.js'
import { silentLogger } from '../../../src/core/logger.js'
import { settingsSchema } from '../../../src/shared/settings.js'
import {
  PERSONAS,
  startSimulatedController,
  type SimulatedController,
  type SimulatedControllerOptions,
} from '../../../src/simulator/unifi/index.js'
import { clientFor, DAY, NOW } from '../unifi/sim-client.js'

let sim: SimulatedController | undefined

afterEach(async () => {
  await sim?.close()
  sim = undefined
})

async function runAgainst(options: SimulatedControllerOptions) {
  sim = await startSimulatedController({ now: () => NOW, ...options })
  const { client } = clientFor(sim)
  const settings = settingsSchema.parse({
    unifi: { url: sim.url, username: sim.credentials.username, password: sim.credentials.password },
  })
  const runtime = createIntegrationRuntime({
    integrations: [cybersecureIntegration],
    settings,
    logger: silentLogger,
    now: () => NOW,
  })
  try {
    const signal = new AbortController().signal
    const [collection, outcomes] = await Promise.all([
      client.collect(DAY, signal),
      runtime.run({ window: DAY, signal, unifi: client.runAccess(DAY) }),
    ])
    return { collection, outcome: onlyOutcome(outcomes) }
  } finally {
    await client.close()
    await runtime.close()
  }
}

function onlyOutcome(outcomes: IntegrationOutcome[]): IntegrationOutcome {
  expect(outcomes).toHaveLength(1)
  return outcomes[0]!
}

function dataOf(outcome: IntegrationOutcome): CyberSecureData {
  if (outcome.status !== 'ok') throw new Error(`expected ok, got ${outcome.status}: ${JSON.stringify(outcome)}`)
  return outcome.data as CyberSecureData
}

describe('CyberSecure on every persona', () => {
  it.each(PERSONAS)('%s: ET PRO signatures in the window → active, sharing the one login', async (persona) => {
    const { collection, outcome } = await runAgainst({ persona })
    const data = dataOf(outcome)
    expect(data.status).toBe('active')
    expect(data.byRuleset['et-pro'].total).toBeGreaterThan(0)
    expect(data.topEtPro[0]?.signature).toMatch(/^ETPRO /)
    expect(data.evidence).toContain('ET PRO')
    // The integration and the core collection together log in exactly once.
    expect(sim!.stats.logins).toBe(1)
    // It reads the same threats the collection read, without asking the console twice.
    expect(data.totals.total).toBe(collection.threats.length)
    if (persona === 'unifi-os-10.3') {
      // Legacy stat/ips/event is 404 here: classification comes from the v2 sources.
      expect(data.threatSources).not.toContain('stat/ips/event')
      expect(data.threatSources).toContain('traffic-flows')
    }
  })

  it.each(PERSONAS)('%s: only ET Open signatures → not detected, never "not subscribed"', async (persona) => {
    const { outcome } = await runAgainst({ persona, ips: { rulesets: 'et-open-only' } })
    const data = dataOf(outcome)
    expect(data.status).toBe('not-detected')
    expect(data.byRuleset['et-pro'].total).toBe(0)
    expect(data.byRuleset['et-open'].total).toBeGreaterThan(0)
    expect(data.evidence).toContain('No CyberSecure-specific detections')
    expect(data.evidence).not.toMatch(/not subscribed/i)
  })

  it.each(PERSONAS)('%s: IPS turned off → unknown with the reason', async (persona) => {
    const { outcome } = await runAgainst({ persona, ips: { mode: 'disabled' } })
    const data = dataOf(outcome)
    expect(data.status).toBe('unknown')
    expect(data.ipsMode).toBe('disabled')
    expect(data.totals.total).toBe(0)
    expect(data.evidence).toContain('intrusion prevention (IPS/IDS) is turned off')
    expect(data.recommendations[0]).toContain('Turn on Intrusion Prevention')
  })

  it('detection-only mode: nothing blocked, and the section says so', async () => {
    const { outcome } = await runAgainst({ persona: 'unifi-os-9.1', ips: { mode: 'ids' } })
    const data = dataOf(outcome)
    expect(data.ipsMode).toBe('ids')
    expect(data.totals.blocked).toBe(0)
    expect(data.recommendations.join(' ')).toContain('detection-only mode (IDS)')
  })

  it('renders its section with the status and evidence', async () => {
    const { outcome } = await runAgainst({ persona: 'unifi-os-10.0' })
    expect(outcome.status).toBe('ok')
    if (outcome.status !== 'ok') return
    expect(outcome.section.title).toBe('CyberSecure (Proofpoint ET PRO)')
    expect(JSON.stringify(outcome.section)).toContain('Top ET PRO signatures')
  })
})
