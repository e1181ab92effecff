import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AbortedError } from '../../../src/core/errors.js'
import type { RunProgress } from '../../../src/core/pipeline/deps.js'
import { runJsonSchema, toRunJson } from '../../../src/core/pipeline/run-json.js'
import { runReport } from '../../../src/core/pipeline/run-report.js'
import { startHarness, type Harness } from './harness.js'

const NOW = Date.UTC(2026, 0, 24, 14, 30, 0)
const HOUR = 3_600_000
let harness: Harness | null = null

afterEach(async () => {
  await harness?.close()
  harness = null
})

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe('runReport on loopback with the real client, runtime and analysis', () => {
  it('writes both reports, the run state and the history, and reports every field of the JSON shape', async () => {
    harness = await startHarness({ now: () => NOW })
    const progress: RunProgress[] = []
    const outcome = await runReport(harness.deps(), { onProgress: (event) => progress.push(event) })

    expect(outcome.ok).toBe(true)
    expect(outcome.exitCode).toBe(0)
    expect(outcome.report.html).toBe(join(harness.reportsDir, 'unifi-report-2026-01-24-093000.html'))
    expect(outcome.report.text).toBe(join(harness.reportsDir, 'unifi-report-2026-01-24-093000.txt'))
    const html = await readFile(outcome.report.html!, 'utf8')
    expect(html).toContain('Loopback Feed')
    expect(html).toContain('CYBERSECURE')
    expect(outcome.report.findings.severe).toBeGreaterThan(0)
    expect(outcome.window).toEqual({ since: '2026-01-23T09:30:00-05:00', until: '2026-01-24T09:30:00-05:00' })
    expect(outcome.unifi).toMatchObject({ ok: true, controller: 'unifi-os', site: 'default', error: null })
    expect(outcome.integrations.map((item) => [item.id, item.status])).toEqual([['feed', 'ok']])
    expect(runJsonSchema.parse(JSON.parse(JSON.stringify(toRunJson(outcome))))).toBeTruthy()

    const state = JSON.parse(await readFile(join(harness.dataDir, 'state.json'), 'utf8')) as Record<string, unknown>
    expect(state.lastSuccessfulRun).toBe('2026-01-24T09:30:00-05:00')
    const history = JSON.parse(await readFile(join(harness.dataDir, 'history.json'), 'utf8')) as {
      entries: { files: { html: string }; ok: boolean }[]
    }
    expect(history.entries).toHaveLength(1)
    expect(history.entries[0]!.files.html).toBe(outcome.report.html)

    const percents = progress.map((event) => event.percent)
    expect(percents).toEqual([...percents].sort((a, b) => a - b))
    expect(progress.at(-1)).toEqual({ phase: 'done', percent: 100, label: 'report written' })
    expect(progress.some((event) => event.phase === 'collecting' && /threat/i.test(event.label))).toBe(true)
  })

  it('starts UniFi collection and the integrations at the same moment: each is under way while the other waits', async () => {
    harness = await startHarness({ now: () => NOW })
    // Warm-up run: certificate, first TLS handshakes and the simulator's data set are not what is measured.
    await runReport(harness.deps(), { format: 'text' })
    harness.sim.setFaults([{ type: 'slow', delayMs: 1000, pathIncludes: 'stat/device' }])
    harness.feed.delayMs = 1000
    const readsBefore = harness.sim.stats.requests.length
    const feedBefore = harness.feed.arrivals.length
    const outcome = await runReport(harness.deps(), { format: 'text', window: { hours: 24 } })
    expect(outcome.ok).toBe(true)
    expect(outcome.timing.unifiMs).toBeGreaterThanOrEqual(990)
    expect(outcome.timing.integrationsMs).toBeGreaterThanOrEqual(990)
    // Overlap, from what the two servers recorded: the feed was asked while the slow device list was still
    // unanswered, and the device list was asked while the feed was still unanswered. Run one after the other,
    // either order breaks one of the two. (How long the run takes is `npm run bench`'s business.)
    const devices = harness.sim.stats.requests
      .slice(readsBefore)
      .filter((request) => request.path.includes('stat/device'))
    const feed = harness.feed.arrivals.slice(feedBefore)
    expect(devices).toHaveLength(1)
    expect(feed).toHaveLength(1)
    expect(feed[0]!.at).toBeLessThan(devices[0]!.endedAt ?? Number.POSITIVE_INFINITY)
    expect(devices[0]!.at).toBeLessThan(feed[0]!.answeredAt ?? Number.POSITIVE_INFINITY)
  })

  it('never fails the run for a failing integration: the report carries its error note', async () => {
    harness = await startHarness({ now: () => NOW })
    harness.feed.status = 500
    const outcome = await runReport(harness.deps(), { format: 'text' })
    expect(outcome.ok).toBe(true)
    expect(outcome.exitCode).toBe(0)
    expect(outcome.integrations[0]).toMatchObject({ id: 'feed', status: 'failed', reason: 'error' })
    const text = await readFile(outcome.report.text!, 'utf8')
    expect(text).toContain('LOOPBACK FEED')
    expect(text).toMatch(/Loopback Feed: unable to fetch data/)
  })

  it('advances the window from the last successful report and never overwrites a report', async () => {
    let now = NOW
    harness = await startHarness({ now: () => now })
    const first = await runReport(harness.deps(), { format: 'html' })
    const second = await runReport(harness.deps(), { format: 'html' })
    expect(second.report.html).toBe(join(harness.reportsDir, 'unifi-report-2026-01-24-093000-2.html'))
    expect(second.window.since).toBe(first.window.until)
    now = NOW + HOUR
    const third = await runReport(harness.deps(), { format: 'html' })
    expect(third.window).toEqual({ since: '2026-01-24T09:30:00-05:00', until: '2026-01-24T10:30:00-05:00' })
    expect((await readdir(harness.reportsDir)).sort()).toEqual([
      'unifi-report-2026-01-24-093000-2.html',
      'unifi-report-2026-01-24-093000.html',
      'unifi-report-2026-01-24-103000.html',
    ])
  })

  it('writes an incomplete report (exit 6) when devices cannot be read, keeps the checkpoint, and the next run covers that period again and says so', async () => {
    let now = NOW - HOUR
    harness = await startHarness({ now: () => now })
    const complete = await runReport(harness.deps(), { format: 'both' })
    expect(complete).toMatchObject({ ok: true, exitCode: 0, complete: true })

    now = NOW
    harness.sim.setFaults([{ type: 'invalid-json', pathIncludes: 'stat/device' }])
    const blind = await runReport(harness.deps(), { format: 'both' })
    expect(blind).toMatchObject({ ok: false, exitCode: 6, complete: false })
    expect(blind.coverage.devices).toEqual({
      state: 'unavailable',
      records: 0,
      rejected: 0,
      reason: 'stat/device: unexpected shape',
    })
    expect(blind.coverage.events.state).toBe('read')
    expect(blind.window.since).toBe(complete.window.until)
    const text = await readFile(blind.report.text!, 'utf8')
    expect(text).toContain('Incomplete report: could not check devices.')
    expect(text).toContain('Could not check devices (stat/device: unexpected shape).')
    expect(text).not.toContain('The controller reported no devices.')
    expect(text).not.toContain('All devices healthy')
    const html = await readFile(blind.report.html!, 'utf8')
    expect(html).toContain('Could not check devices (stat/device: unexpected shape).')
    const state = JSON.parse(await readFile(join(harness.dataDir, 'state.json'), 'utf8')) as Record<string, unknown>
    expect(state.lastSuccessfulRun).toBe(complete.window.until)
    const history = JSON.parse(await readFile(join(harness.dataDir, 'history.json'), 'utf8')) as {
      entries: { ok: boolean; incomplete?: string | null }[]
    }
    expect(history.entries[0]).toMatchObject({
      ok: false,
      incomplete: 'Incomplete: could not check devices (stat/device: unexpected shape).',
    })

    now = NOW + HOUR
    harness.sim.setFaults([])
    const again = await runReport(harness.deps(), { format: 'text' })
    expect(again).toMatchObject({ ok: true, exitCode: 0, complete: true })
    expect(again.window.since).toBe(complete.window.until)
    const againText = await readFile(again.report.text!, 'utf8')
    expect(againText).toMatch(
      /The previous report \(2026-01-24T09:30:00-05:00\) was incomplete\s+\(could not check\s+devices\); this report covers its period again\./,
    )
  })

  it('treats a corrupt state file as a first run with a warning, and backs it up', async () => {
    harness = await startHarness({ now: () => NOW })
    await mkdir(harness.dataDir, { recursive: true })
    await writeFile(
      join(harness.dataDir, 'state.json'),
      '{"schemaVersion":1,"lastSuccessfulRun":"2026-01-24T08:00:00"}',
    )
    const outcome = await runReport(harness.deps(), { format: 'text' })
    expect(outcome.ok).toBe(true)
    expect(outcome.window.since).toBe('2026-01-23T09:30:00-05:00')
    expect(outcome.warnings.some((warning) => /run state .*unreadable.*first run/.test(warning))).toBe(true)
    expect(
      harness.logger.records.some((record) => record.level === 'warn' && record.message === 'run_state_corrupt'),
    ).toBe(true)
    expect((await readdir(harness.dataDir)).some((name) => name.startsWith('state.json.corrupt-'))).toBe(true)
  })

  it('applies retention to our old reports only', async () => {
    harness = await startHarness({ now: () => NOW })
    await mkdir(harness.reportsDir, { recursive: true })
    const old = ['unifi-report-2025-11-01-080000.html', 'unifi-report-2025-11-01-080000.txt']
    const foreign = ['unifi-report-2025-11-01-080000.html.keep', 'notes-2025-11-01.txt', 'unifi-report-old.html']
    for (const name of [...old, ...foreign]) await writeFile(join(harness.reportsDir, name), 'x')
    const outcome = await runReport(harness.deps())
    const left = (await readdir(harness.reportsDir)).sort()
    expect(left).toEqual(
      [...foreign, 'unifi-report-2026-01-24-093000.html', 'unifi-report-2026-01-24-093000.txt'].sort(),
    )
    expect(outcome.ok).toBe(true)
  })

  it('leaves no files and no state behind when cancelled mid-collection', async () => {
    harness = await startHarness({
      now: () => NOW,
      faults: [{ type: 'slow', delayMs: 5000, pathIncludes: 'stat/device' }],
    })
    const controller = new AbortController()
    const run = runReport(harness.deps(), {
      signal: controller.signal,
      onProgress: (event) => {
        if (event.phase === 'collecting' && event.percent > 10) controller.abort()
      },
    })
    await expect(run).rejects.toBeInstanceOf(AbortedError)
    const reports = await readdir(harness.reportsDir).catch(() => [])
    const data = await readdir(harness.dataDir).catch(() => [])
    expect(reports).toEqual([])
    expect(data).toEqual([])
  })
})

describe('runReport when the controller cannot be read', () => {
  it('writes a report explaining an unreachable controller (exit 2) with the integration sections, state untouched', async () => {
    const port = await closedPort()
    harness = await startHarness({
      now: () => NOW,
      settings: () => ({
        unifi: { url: `https://127.0.0.1:${port}`, apiKey: 'k'.repeat(32) },
        report: { timezone: 'UTC' },
      }),
    })
    const outcome = await runReport(harness.deps())
    expect(outcome.ok).toBe(false)
    expect(outcome.exitCode).toBe(2)
    expect(outcome.unifi.ok).toBe(false)
    expect(outcome.unifi.error).toMatchObject({ class: 'unreachable', kind: 'unreachable' })
    expect(outcome.integrations[0]!.status).toBe('ok')
    const text = await readFile(outcome.report.text!, 'utf8')
    expect(text).toContain('The UniFi controller could not be reached.')
    expect(text).toContain('LOOPBACK FEED')
    expect(text).not.toContain('k'.repeat(32))
    expect(await readdir(harness.dataDir)).toEqual(['history.json'])
    expect(runJsonSchema.parse(toRunJson(outcome)).unifi.error?.kind).toBe('unreachable')
  })

  it('classifies a rejected login as auth (exit 3) without leaking the password', async () => {
    harness = await startHarness({
      now: () => NOW,
      settings: (sim) => ({
        unifi: { url: sim.url, username: 'admin', password: 'Wrong-Secret-Passw0rd', tlsFingerprint: sim.fingerprint },
      }),
    })
    const outcome = await runReport(harness.deps())
    expect(outcome.exitCode).toBe(3)
    expect(outcome.unifi.error?.class).toBe('auth')
    const html = await readFile(outcome.report.html!, 'utf8')
    expect(html).toContain('The UniFi controller refused the login.')
    expect(html).not.toContain('Wrong-Secret-Passw0rd')
  })

  it('classifies an untrusted self-signed certificate as TLS (exit 4) and shows the presented fingerprint', async () => {
    harness = await startHarness({
      now: () => NOW,
      settings: (sim) => ({ unifi: { url: sim.url, apiKey: sim.credentials.apiKey } }),
    })
    const outcome = await runReport(harness.deps())
    expect(outcome.exitCode).toBe(4)
    expect(outcome.unifi.error?.class).toBe('tls')
    const html = await readFile(outcome.report.html!, 'utf8')
    expect(html).toContain(harness.sim.fingerprint)
    expect(outcome.unifi.error?.presentedFingerprint).toBe(harness.sim.fingerprint)
  })
})
