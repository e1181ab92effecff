/**
 * The report window is widened for clock skew exactly once. A period starting at 11:00 asks the controller
 * for entries from 10:55 — the pipeline's tolerance — and not from 10:50, as it did when the collectors
 * subtracted the same 5 minutes again. The simulated controller records every request body, so the test
 * reads the start time each endpoint was asked for.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createIntegrationRuntime } from '../../../src/core/integrations/runner.js'
import { silentLogger } from '../../../src/core/logger.js'
import { runReport } from '../../../src/core/pipeline/run-report.js'
import { CLOCK_SKEW_MS } from '../../../src/core/report/files/window.js'
import { createUnifiClient } from '../../../src/core/unifi/index.js'
import { settingsSchema } from '../../../src/shared/settings.js'
import { startSimulatedController, type PersonaName, type RecordedRequest } from '../../../src/simulator/unifi/index.js'

const ELEVEN = Date.UTC(2026, 11, 3, 11, 0, 0)
const NOW = Date.UTC(2026, 11, 3, 12, 0, 0)
const cleanups: (() => Promise<void>)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** Every start time a request asked for: v2 bodies (`timestampFrom`), legacy bodies (`start`). */
function requestedStarts(requests: readonly RecordedRequest[]): { path: string; start: number }[] {
  const starts: { path: string; start: number }[] = []
  for (const request of requests) {
    const body = request.body
    if (typeof body !== 'object' || body === null) continue
    for (const key of ['timestampFrom', 'start']) {
      const value = (body as Record<string, unknown>)[key]
      if (typeof value === 'number') starts.push({ path: request.path, start: value })
    }
  }
  return starts
}

async function runFromEleven(persona: PersonaName) {
  const now = () => NOW
  const sim = await startSimulatedController({ persona, seed: 3, now })
  cleanups.push(() => sim.close())
  const dir = await mkdtemp(join(tmpdir(), 'clock-skew-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  const settings = settingsSchema.parse({
    unifi: {
      url: sim.url,
      site: 'default',
      username: sim.credentials.username,
      password: sim.credentials.password,
      tlsFingerprint: sim.fingerprint,
    },
    report: { timezone: 'UTC' },
  })
  const client = createUnifiClient({ settings: settings.unifi, logger: silentLogger, now, probePorts: [sim.port] })
  const runtime = createIntegrationRuntime({ integrations: [], settings, logger: silentLogger, now })
  cleanups.push(async () => {
    await client.close()
    await runtime.close()
  })
  const outcome = await runReport(
    {
      settings,
      unifi: client,
      integrations: runtime,
      logger: silentLogger,
      appVersion: 'test',
      reportsDir: join(dir, 'reports'),
      dataDir: dir,
      now,
    },
    { window: { sinceMs: ELEVEN } },
  )
  return { outcome, starts: requestedStarts(sim.stats.requests) }
}

describe('clock-skew tolerance', { timeout: 60_000 }, () => {
  it.each(['unifi-os-10.3', 'classic-8'] as const)(
    '%s: a period from 11:00 asks the controller from 10:55, once',
    async (persona) => {
      const { outcome, starts } = await runFromEleven(persona)
      expect(outcome.unifi.ok).toBe(true)
      expect(Date.parse(outcome.window.since)).toBe(ELEVEN)
      expect(starts.length).toBeGreaterThan(0)
      for (const { path, start } of starts) {
        expect({ path, start: new Date(start).toISOString() }).toEqual({
          path,
          start: new Date(ELEVEN - CLOCK_SKEW_MS).toISOString(),
        })
      }
    },
  )
})
