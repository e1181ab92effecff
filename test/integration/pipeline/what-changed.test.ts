/**
 * What changed between two reports of one site, on loopback with the real client and analysis: the first report
 * records the baseline (of findings and of clients) and says so; between the runs the simulated network drifts (an
 * offline AP comes back, an AP starts to run at full CPU, a wired device joins the LAN, two phones with private
 * addresses join the guest SSID, and a device someone marked as known joins), and the second report names the new
 * finding and the resolved one, counts what is still open with its first-seen date and streak, lists the wired
 * client as medium, counts the private addresses per SSID without listing them, and stays quiet about the known one.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src/core/logger.js'
import { historyFileSchema } from '../../../src/core/report/files/history.js'
import { markClientKnown } from '../../../src/core/report/files/known-clients.js'
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
    expect(baselineText).toMatch(
      /NEW DEVICES ON THE NETWORK[\s\S]*were recorded\s+as the\s+baseline, and none is\s+listed as new/,
    )
    const baselineHtml = await readFile(first.report.html!, 'utf8')
    expect(baselineHtml).toContain('records the baseline')

    await markClientKnown(
      harness.dataDir,
      { mac: 'D8-4C-90-00-00-77', name: 'Office printer' },
      createMemoryLogger(),
      new Date(NOW),
    )
    harness.sim.setDrift({
      devices: {
        'Garage AP': { state: 1, uptime: 7200 },
        'Upstairs AP': { 'system-stats': { cpu: '97.0', mem: '35.0', uptime: '86400' } },
      },
      joinedClients: [
        { mac: 'b8:27:eb:12:34:56', hostname: 'mystery-pi', wired: true },
        { mac: 'd8:4c:90:00:00:77', hostname: 'printer', wired: true },
        { mac: 'da:a1:19:00:00:01', hostname: 'phone-1', wired: false, essid: 'Guest WiFi', guest: true },
        { mac: '7e:00:11:22:33:44', hostname: 'phone-2', wired: false, essid: 'Guest WiFi', guest: true },
      ],
    })
    const second = await runReport(harness.deps(), { window })
    expect(second.ok).toBe(true)
    const json = runJsonSchema.parse(JSON.parse(JSON.stringify(toRunJson(second))))
    expect(json.changes.baseline).toBe(false)
    expect(json.changes.previous).toBe(first.generatedAt)
    expect(json.changes.new).toBe(1)
    expect(json.changes.resolved).toBe(1)
    expect(json.changes.recurring).toBeGreaterThan(0)
    // Only the Raspberry Pi is a new client: the phones are private addresses, the printer is known.
    expect(json.changes.newClients).toBe(1)

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

    expect(text).toMatch(/medium +mystery-pi +b8:27:eb:12:34: +Raspberry Pi +Wired +LAN/)
    expect(text).toContain('2 new private addresses on Guest WiFi (guest)')
    expect(text).not.toContain('phone-1')
    expect(text).not.toContain('d8:4c:90:00:00:77')
    expect(html).toMatch(/<td>Raspberry Pi<\/td>/)
    // The new wired client counts in the summary as a medium finding of its own section.
    expect(html).toMatch(/<td>New devices on the network<\/td><td>0<\/td><td>1<\/td><td>0<\/td>/)

    // Trends: the first report is the previous one; its numbers stand beside this report's, charts have words.
    const severe = (n: number) => new RegExp(`Severe findings +${second.report.findings.severe} +${n} `)
    expect(text).toMatch(severe(first.report.findings.severe))
    expect(html).toMatch(/<svg[^>]*role="img" aria-labelledby="trend-findings-title trend-findings-desc"/)
    expect(html).toMatch(/<desc id="trend-findings-desc">[^<]*severe/)
    expect(html).not.toMatch(/<script/i)

    const history = historyFileSchema.parse(JSON.parse(await readFile(join(harness.dataDir, 'history.json'), 'utf8')))
    const [latest, earliest] = history.entries
    expect(earliest?.changes).toMatchObject({ baseline: true, previous: null, new: 0 })
    expect(latest?.changes).toMatchObject({
      baseline: false,
      previous: first.generatedAt,
      new: 1,
      resolved: 1,
      newClients: 1,
    })
    const cpu = latest?.changes?.findings.find((f) => f.key.startsWith('health_cpu:'))
    expect(cpu).toMatchObject({ streak: 1, firstSeen: second.generatedAt, source: 'devices' })
    const carried = latest?.changes?.findings.find((f) => f.streak === 2)
    expect(carried?.firstSeen).toBe(first.generatedAt)
    expect(
      latest?.changes?.findings.some((f) => f.key.startsWith('health_device_state:') && f.title.includes('Garage')),
    ).toBe(false)
    expect(latest?.trend?.blocked).toBe(second.report.threats - (latest?.trend?.detected ?? 0))

    // A third report: the clients that joined are in the inventory now, so nothing is new.
    const third = await runReport(harness.deps(), { window })
    expect(third.changes.newClients).toBe(0)
    expect(third.changes.previous).toBe(second.generatedAt)
    expect(await readFile(third.report.text!, 'utf8')).toContain('No new clients since')
  }, 120_000)
})
