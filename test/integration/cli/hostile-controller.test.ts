/**
 * The built CLI against a hostile classic controller on loopback: every fault a broken or malicious
 * controller can send ends in a written report (both files) that says what it could not check, the right
 * exit code, the checkpoint rule, no secret in any file, and a run bounded by the collection budget.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { runJsonSchema, type RunJson } from '../../../src/core/pipeline/run-json.js'
import { ensureCliBuilt } from './support/build-cli.js'
import { listFiles, tempDir, writeConfig } from './support/fakes.js'
import {
  DATA_ENDPOINTS,
  startHostileController,
  type HostileController,
  type HostileEndpoint,
  type HostileMode,
} from './support/hostile-controller.js'
import { runCli, type CliResult } from './support/run-cli.js'

const REQUEST_TIMEOUT_MS = 1000
const BUDGET_MS = 2500

let work: Awaited<ReturnType<typeof tempDir>>
let controller: HostileController | null = null
let runs = 0

beforeAll(async () => {
  await ensureCliBuilt()
  work = await tempDir('hostile')
}, 180_000)

afterAll(async () => {
  await work?.remove()
})

afterEach(async () => {
  await controller?.close()
  controller = null
})

async function hostile(modes: Partial<Record<HostileEndpoint, HostileMode>>): Promise<HostileController> {
  controller = await startHostileController()
  controller.modes = modes
  return controller
}

function allData(mode: HostileMode): Partial<Record<HostileEndpoint, HostileMode>> {
  return Object.fromEntries(DATA_ENDPOINTS.map((endpoint) => [endpoint, mode]))
}

interface Run {
  result: CliResult
  json: RunJson
  dir: string
  text: string
  html: string
}

async function report(target: HostileController, dir?: string): Promise<Run> {
  runs += 1
  const dataDir = dir ?? path.join(work.path, `run-${runs}`)
  const config = await writeConfig(work.path, `config-${runs}.json`, {
    unifi: { requestTimeoutMs: REQUEST_TIMEOUT_MS, collectionBudgetMs: BUDGET_MS },
  })
  const result = await runCli(['report', '--json', '--data-dir', dataDir, '--config', config], {
    UNIFI_URL: target.url,
    UNIFI_USERNAME: target.username,
    UNIFI_PASSWORD: target.password,
    UNIFI_TLS_FINGERPRINT: target.fingerprint,
  })
  const line = result.stdout.trim().split('\n').at(-1) ?? ''
  const json = runJsonSchema.parse(JSON.parse(line))
  const text = json.report.text ? readFileSync(json.report.text, 'utf8') : ''
  const html = json.report.html ? readFileSync(json.report.html, 'utf8') : ''
  return { result, json, dir: dataDir, text, html }
}

/** No file the run left behind (reports, state, history) and no output line carries the password. */
async function expectNoSecret(run: Run, secret: string): Promise<void> {
  expect(run.result.stdout + run.result.stderr).not.toContain(secret)
  for (const file of await listFiles(run.dir)) {
    expect(readFileSync(path.join(run.dir, file), 'utf8'), file).not.toContain(secret)
  }
}

function expectBothFiles(run: Run): void {
  expect(run.json.report.html).toBeTruthy()
  expect(run.json.report.text).toBeTruthy()
  expect(run.html).toContain('id="coverage"')
  expect(run.text).toContain('COVERAGE')
}

function state(run: Run): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(run.dir, 'state.json'), 'utf8')) as Record<string, unknown>
}

describe('report against a hostile controller', { timeout: 120_000 }, () => {
  it('reads a well-behaved answer completely (the baseline the faults are judged against)', async () => {
    const target = await hostile({})
    const run = await report(target)
    expect(run.result.code, run.result.stderr).toBe(0)
    expect(run.json).toMatchObject({ ok: true, complete: true })
    for (const source of ['events', 'threats', 'devices'] as const) expect(run.json.coverage[source].state).toBe('read')
    expect(run.text).toContain('Failed admin login from 203.0.113.9')
    expect(state(run).lastSuccessfulRun).toBeTruthy()
  })

  it.each([
    ['5xx with the password echoed', 'status-500', /HTTP 500/],
    ['invalid JSON', 'invalid-json', /unexpected shape/],
    ['an HTML page', 'html', /unexpected shape/],
    ['a connection reset', 'reset', /connection failed/],
    ['a redirect elsewhere', 'redirect', /HTTP 302/],
    ['an error envelope echoing the credentials', 'echo-secrets', /refused by the controller/],
  ] as const)(
    '%s: exit 6, "could not check" in both files, checkpoint kept, no secret',
    async (_label, mode, reason) => {
      const target = await hostile(allData(mode))
      const run = await report(target)
      expect(run.result.code, run.result.stderr).toBe(6)
      expect(run.json).toMatchObject({ ok: false, exitCode: 6, complete: false })
      for (const source of ['events', 'alarms', 'threats', 'devices', 'health'] as const) {
        expect(run.json.coverage[source].state, source).toBe('unavailable')
        expect(run.json.coverage[source].reason, source).toMatch(reason)
      }
      expectBothFiles(run)
      for (const file of [run.text, run.html]) {
        expect(file).toContain('Could not check security threats')
        expect(file).toContain('Could not check devices')
        expect(file).not.toContain('No security threats detected')
        expect(file).not.toContain('The controller reported no devices')
        expect(file).not.toContain('No new security events')
      }
      expect(run.result.stderr).toContain('INCOMPLETE report written')
      expect(state(run).lastSuccessfulRun).toBeUndefined()
      await expectNoSecret(run, target.password)
    },
  )

  it('hang and slow drip: the run ends within the collection budget and says what the budget cut off', async () => {
    const target = await hostile({ ...allData('hang'), 'stat/event': 'drip', 'stat/device': 'drip' })
    const run = await report(target)
    expect(run.result.code, run.result.stderr).toBe(6)
    expectBothFiles(run)
    expect(run.json.coverage.devices.state).toBe('unavailable')
    expect(run.json.coverage.events.state).toBe('unavailable')
    expect(run.json.coverage.events.reason).toMatch(/timeout|time budget/)
    // The hang never answers: that the run ended at all, inside the test's limit, is the budget's and the
    // request timeouts' doing. How close to the budget it ends is a timing figure, not a test.
  })

  it('type-confused records: unavailable (unexpected shape), never "no devices" or "no threats"', async () => {
    const target = await hostile(allData('type-confused'))
    const run = await report(target)
    expect(run.result.code, run.result.stderr).toBe(6)
    expect(run.json.coverage.devices).toMatchObject({ state: 'unavailable', records: 0 })
    expect(run.json.coverage.devices.rejected).toBeGreaterThan(0)
    expect(run.json.coverage.devices.reason).toMatch(/unexpected shape/)
    expect(run.json.coverage.events.state).toBe('unavailable')
    expectBothFiles(run)
    expect(run.text).not.toContain('[OK] No security threats detected')
    expect(run.text).not.toContain('The controller reported no devices')
  })

  it('1 MB strings: both files are written and every name and message is capped', async () => {
    const target = await hostile(allData('huge-strings'))
    const run = await report(target)
    expect(run.result.code, JSON.stringify(run.json.coverage)).toBe(0)
    expectBothFiles(run)
    expect(run.text).toContain('Failed admin login')
    expect(run.text).not.toMatch(/N{300}/)
    expect(run.html).not.toMatch(/N{5000}/)
    expect(run.text.length).toBeLessThan(200_000)
  })

  it('huge arrays: the run completes and the report stays bounded', async () => {
    const target = await hostile({ 'stat/device': 'huge-array', 'stat/health': 'huge-array' })
    const run = await report(target)
    expect([0, 6]).toContain(run.result.code)
    expectBothFiles(run)
    // On a loaded machine the list may not arrive within the 1 s request timeout; either way the report says so.
    const devices = run.json.coverage.devices
    if (devices.state === 'unavailable') expect(devices.reason).toMatch(/timeout|time budget/)
    else expect(run.text).toMatch(/more devices not listed/)
    expect(run.text.length).toBeLessThan(200_000)
  })

  it('an incomplete run keeps the checkpoint; the next run covers the same period again and says so', async () => {
    const target = await hostile({ 'stat/device': 'status-500' })
    const dir = path.join(work.path, 'checkpoint')
    target.modes = {}
    const complete = await report(target, dir)
    expect(complete.result.code, complete.result.stderr).toBe(0)
    target.modes = { 'stat/device': 'status-500' }
    const first = await report(target, dir)
    expect(first.result.code, first.result.stderr).toBe(6)
    expect(first.json.coverage.devices.reason).toMatch(/HTTP 500/)
    expect(first.json.window.since).toBe(complete.json.window.until)
    expect(state(first).lastSuccessfulRun).toBe(complete.json.window.until)
    target.modes = {}
    const second = await report(target, dir)
    expect(second.result.code, second.result.stderr).toBe(0)
    expect(second.json.window.since).toBe(complete.json.window.until)
    expect(second.text, second.text.slice(0, 3000)).toMatch(/previous report .* was\s+incomplete/s)
    expect(state(second).lastSuccessfulRun).toBe(second.json.window.until)
  })

  it('a classic controller answering the login with HTTP 400 api.err.Invalid is an authentication failure (exit 3)', async () => {
    const target = await hostile({})
    target.rejectLogin = true
    const run = await report(target)
    expect(run.result.code, run.result.stderr).toBe(3)
    expect(run.json.unifi.error?.kind).toBe('auth')
    expect(run.result.stderr).toMatch(/username|password/i)
    await expectNoSecret(run, target.password)
  })
})
