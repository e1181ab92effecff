/**
 * What changed between two reports of one site, on loopback with the real client and analysis: the first report
 * records the baseline and says so; between the runs the simulated network drifts (an offline AP comes back, an
 * AP starts to run at full CPU), and the second report names the new finding and the resolved one, counts what
 * is still open with its first-seen date and streak, and the history entry keeps it for the next report.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { historyFileSchema } from '../../../src/core/report/files/history.js'
import { runJsonSchema, toRunJson } from '../../../src/core/pipeline/run-json.js'
import { runReport } from '../../../src/core/pipeline/run-report.js'
import { startHarness, type Harness } from './harness.js'

const NOW = Date.UTC(2026, 0, 24, 14, 30, 0)
let harness: Harness | null = null

afterEach(async () => {
  await harness?.close()
  harness = null
})

const window = { hours: 24 }

describe('what changed since the previous report of the site', () => {
  it('records a baseline first, then names what is new, resolved and recurring', async () => {
    harness = await startHarness({ now: () => NOW })
    const first = await runReport(harness.deps(), { window })
    expect(first.ok).toBe(true)
    expect(first.changes).toEqual({ previous: null, new: 0, resolved: 0, recurring: 0, newClients: 0, baseline: true })
    const baselineText = await readFile(first.report.text!, 'utf8')
    expect(baselineText).toContain('FIRST REPORT OF THIS SITE')
    expect(baselineText).toContain('a baseline was recorded')
    const baselineHtml = await readFile(first.report.html!, 'utf8')
    expect(baselineHtml).toContain('records the baseline')

    harness.sim.setDrift({
      devices: {
        'Garage AP': { state: 1, uptime: 7200 },
        'Upstairs AP': { 'system-stats': { cpu: '97.0', mem: '35.0', uptime: '86400' } },
      },
    })
    const second = await runReport(harness.deps(), { window })
    expect(second.ok).toBe(true)
    const json = runJsonSchema.parse(JSON.parse(JSON.stringify(toRunJson(second))))
    expect(json.changes.baseline).toBe(false)
    expect(json.changes.previous).toBe(first.generatedAt)
    expect(json.changes.new).toBe(1)
    expect(json.changes.resolved).toBe(1)
    expect(json.changes.recurring).toBeGreaterThan(0)

    const text = await readFile(second.report.text!, 'utf8')
    const html = await readFile(second.report.html!, 'utf8')
    expect(text).toContain('NEW SINCE JAN 24, 2026')
    expect(text).toMatch(/\[New\] \[Device Health\] Critical CPU Usage on Upstairs AP/)
    expect(text).toMatch(/Resolved since then:\n {2}- \[Device Health\] Device offline on Garage AP/)
    expect(text).toContain('1 new, 1 resolved')
    expect(html).toContain('id="changes-new"')
    expect(html).toMatch(/id="changes-resolved".*Device offline on Garage AP/s)
    // The summary says it in one line, before anything else about the findings.
    expect(html).toMatch(/id="summary-changes">Since the report of Jan 24, 2026[^<]*: 1 new, 1 resolved\./)
    // The new finding's own card is marked; a recurring one says since when and how often.
    expect(html).toMatch(/class="badge new">NEW<\/span>\[Device Health\] Critical CPU/)
    expect(text).toContain('In 2 reports in a row, first seen Jan 24, 2026')

    const history = historyFileSchema.parse(JSON.parse(await readFile(join(harness.dataDir, 'history.json'), 'utf8')))
    const [latest, earliest] = history.entries
    expect(earliest?.changes).toMatchObject({ baseline: true, previous: null, new: 0 })
    expect(latest?.changes).toMatchObject({ baseline: false, previous: first.generatedAt, new: 1, resolved: 1 })
    const cpu = latest?.changes?.findings.find((f) => f.key.startsWith('health_cpu:'))
    expect(cpu).toMatchObject({ streak: 1, firstSeen: second.generatedAt, source: 'devices' })
    const carried = latest?.changes?.findings.find((f) => f.streak === 2)
    expect(carried?.firstSeen).toBe(first.generatedAt)
    expect(
      latest?.changes?.findings.some((f) => f.key.startsWith('health_device_state:') && f.title.includes('Garage')),
    ).toBe(false)
    expect(latest?.trend?.blocked).toBe(second.report.threats - (latest?.trend?.detected ?? 0))
  }, 120_000)
})
