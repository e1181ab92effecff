/**
 * The logout of a run happens after its report files are written and does not hold the run up: the outcome
 * comes back while the console is still answering the logout, and the owner of the process can wait for it.
 */
import { access } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { BackgroundCloses } from '../../../src/core/pipeline/background-closes.js'
import { runReportWithController } from '../../../src/core/pipeline/run-with-controller.js'
import { startHarness, type Harness } from './harness.js'

const NOW = Date.UTC(2026, 0, 24, 14, 30, 0)
const LOGOUT_DELAY_MS = 1_500
let harness: Harness | null = null

afterEach(async () => {
  await harness?.close()
  harness = null
})

describe('logout off the critical path', () => {
  it('returns the outcome with the files written before the logout is answered, and the logout still happens', async () => {
    harness = await startHarness({
      now: () => NOW,
      faults: [{ type: 'slow', delayMs: LOGOUT_DELAY_MS, pathIncludes: '/api/auth/logout' }],
      settings: (sim) => ({
        unifi: {
          url: sim.url,
          username: sim.credentials.username,
          password: sim.credentials.password,
          tlsFingerprint: sim.fingerprint,
        },
        report: { timezone: 'America/New_York' },
      }),
    })
    const { unifi: _ownClient, ...deps } = harness.deps()
    const closes = new BackgroundCloses()
    const outcome = await runReportWithController({ ...deps, closes }, {})
    expect(outcome.ok).toBe(true)
    await access(outcome.report.html ?? '')
    expect(harness.sim.stats.logouts).toBe(0)
    expect(closes.size).toBe(1)
    await closes.settle(10_000)
    expect(harness.sim.stats.logouts).toBe(1)
    expect(closes.size).toBe(0)
  })

  it('waiting is bounded: settle gives up after its limit', async () => {
    const closes = new BackgroundCloses()
    closes.add(new Promise<void>(() => undefined))
    // The tracked close never settles: without the limit this would wait until the test times out.
    await closes.settle(200)
    expect(closes.size).toBe(1)
  })
})
