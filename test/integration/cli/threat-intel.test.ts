/**
 * Threat intelligence end to end: the built CLI against the simulated controller and a fake AbuseIPDB API on
 * loopback (real envelopes, error shapes, rate-limit headers, 401/429, slow answers). Only public addresses are
 * requested, the per-run cap and the cache hold, a 429 opens the breaker after the policy's failures, and the
 * report is written in every case.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { isPublicAddress } from '../../../src/core/integrations/abuseipdb/public-address.js'
import { runJsonSchema, type RunJson } from '../../../src/core/pipeline/run-json.js'
import { startFakeAbuseIpdb, type FakeAbuseIpdb } from '../../../src/simulator/abuseipdb/server.js'
import { ATTACKERS } from '../../../src/simulator/data/threats.js'
import { ensureCliBuilt, ROOT } from './support/build-cli.js'
import { startFakes, tempDir, writeConfig, type Fakes } from './support/fakes.js'
import { runCli, startCli, waitForOutput, type CliResult, type RunningCli } from './support/run-cli.js'

let fakes: Fakes
let api: FakeAbuseIpdb
let work: Awaited<ReturnType<typeof tempDir>>
const running: RunningCli[] = []

beforeAll(async () => {
  await ensureCliBuilt()
  execFileSync(process.execPath, ['scripts/build-ip-network-db.mjs'], { cwd: ROOT, stdio: 'pipe' })
  fakes = await startFakes()
  api = await startFakeAbuseIpdb()
  work = await tempDir('threat-intel')
}, 180_000)

afterAll(async () => {
  for (const cli of running) if (cli.child.exitCode === null) cli.child.kill('SIGKILL')
  await fakes?.close()
  await api?.close()
  await work?.remove()
})

beforeEach(() => {
  api.requests.length = 0
  api.setMode('normal')
  api.setDelay(0)
  api.resetQuota()
})

let counter = 0
function dataDir(): string {
  counter += 1
  return path.join(work.path, `run-${counter}`)
}

function env(extra: Record<string, string> = {}): Record<string, string> {
  return fakes.env({ ABUSEIPDB_API_KEY: api.key, ABUSEIPDB_API_URL: api.url, ...extra })
}

function parse(result: CliResult): RunJson {
  const lines = result.stdout.trim().split('\n')
  expect(lines, `stdout:\n${result.stdout}\nstderr:\n${result.stderr}`).toHaveLength(1)
  return runJsonSchema.parse(JSON.parse(lines[0] ?? ''))
}

function intelOf(run: RunJson | undefined) {
  const outcome = run?.integrations.find((integration) => integration.id === 'abuseipdb')
  if (!outcome) throw new Error('no abuseipdb outcome')
  return outcome
}

function files(run: RunJson): { html: string; text: string } {
  expect(run.report.html).not.toBeNull()
  expect(run.report.text).not.toBeNull()
  // The text report wraps at 72 columns: compare its words, not its line breaks.
  const text = readFileSync(run.report.text ?? '', 'utf8').replace(/\s+/g, ' ')
  return { html: readFileSync(run.report.html ?? '', 'utf8'), text }
}

/** Every file the run left in its data folder, as one string (history, state, cache, reports). */
function everything(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
    .join('\n')
}

const requested = () => api.requests.map((request) => request.ipAddress)
const PUBLIC_ATTACKERS = ATTACKERS.map((attacker) => attacker.ip).filter((ip) => isPublicAddress(ip))

describe('threat intelligence through the built CLI', { timeout: 120_000 }, () => {
  it('asks only about public addresses, at most the cap, and a second run within the TTL asks nothing again', async () => {
    const dir = dataDir()
    const first = await runCli(
      ['report', '--json', '--hours', '24', '--data-dir', dir],
      env({ ABUSEIPDB_MAX_LOOKUPS: '3' }),
    )
    expect(first.code, first.stderr).toBe(0)
    const run = parse(first)
    expect(intelOf(run)).toMatchObject({ status: 'ok', breaker: 'closed' })
    const firstAsked = requested()
    expect(firstAsked).toHaveLength(3)
    expect(firstAsked.every((ip) => isPublicAddress(ip))).toBe(true)
    // The documentation-range attackers and the WAN address of the simulated site are never sent.
    expect(firstAsked).not.toContain('198.51.100.24')
    expect(firstAsked).not.toContain('192.0.2.77')
    // Most frequent first: the repeat attacker is among the three.
    expect(firstAsked).toContain('185.220.101.7')
    expect(api.requests.every((request) => request.keyAccepted && request.accept === 'application/json')).toBe(true)

    const report = files(run)
    expect(report.html).toContain('Threat intelligence')
    expect(report.html).toContain('href="https://www.abuseipdb.com/check/185.220.101.7"')
    expect(report.text).toContain('https://www.abuseipdb.com/check/185.220.101.7')
    expect(report.text).toMatch(/abuse score 100\/100 \(2,143 reports/)
    expect(report.text).toMatch(/Tor exit node/)

    api.requests.length = 0
    const second = await runCli(
      ['report', '--json', '--hours', '24', '--data-dir', dir],
      env({ ABUSEIPDB_MAX_LOOKUPS: '50' }),
    )
    expect(second.code, second.stderr).toBe(0)
    expect(intelOf(parse(second)).status).toBe('ok')
    const secondAsked = requested()
    expect(secondAsked.length).toBeGreaterThan(0)
    expect(secondAsked.filter((ip) => firstAsked.includes(ip))).toEqual([])
    expect([...firstAsked, ...secondAsked].sort()).toEqual(expect.arrayContaining(PUBLIC_ATTACKERS.slice().sort()))

    api.requests.length = 0
    const third = await runCli(['report', '--json', '--hours', '24', '--data-dir', dir], env())
    expect(third.code, third.stderr).toBe(0)
    expect(requested()).toEqual([])

    // The key is never written anywhere: outputs, reports, history, state or the cache.
    for (const result of [first, second, third]) expect(result.stdout + result.stderr).not.toContain(api.key)
    expect(everything(dir)).not.toContain(api.key)
  })

  it('without a key sends nothing and still shows country and network owner', async () => {
    const result = await runCli(
      ['report', '--json', '--hours', '24', '--data-dir', dataDir()],
      fakes.env({ ABUSEIPDB_API_URL: api.url }),
    )
    expect(result.code, result.stderr).toBe(0)
    const run = parse(result)
    expect(intelOf(run).status).toBe('ok')
    expect(api.requests).toEqual([])
    const report = files(run)
    expect(report.text).toContain('DE · AS60729 Stiftung Erneuerbare Freiheit')
    expect(report.text).not.toContain('abuseipdb.com/check')
    expect(report.text).not.toMatch(/abuse score/)
  })

  it('a refused key: the section says so, the report is written, the key appears nowhere', async () => {
    const wrong = 'wrong-abuseipdb-key-5f4e3d2c1b'
    const dir = dataDir()
    const result = await runCli(
      ['report', '--json', '--hours', '24', '--data-dir', dir],
      env({ ABUSEIPDB_API_KEY: wrong }),
    )
    expect(result.code, result.stderr).toBe(0)
    const run = parse(result)
    expect(intelOf(run)).toMatchObject({ status: 'needs-attention', breaker: 'closed' })
    const report = files(run)
    expect(report.text).toContain('refused the API key (HTTP 401')
    expect(report.text).toContain('SECURITY THREAT SUMMARY')
    expect(report.text).toContain('TOP THREAT SOURCES')
    expect(result.stdout + result.stderr).not.toContain(wrong)
    expect(everything(dir)).not.toContain(wrong)
  })

  it('slow answers: the time budget ends the look-ups, the section says it timed out, the report is written', async () => {
    api.setDelay(5_000)
    const config = await writeConfig(work.path, 'slow.json', {
      breaker: { failMax: 3, resetTimeoutMs: 60_000, timeoutMs: 1_500 },
    })
    const result = await runCli(
      ['report', '--json', '--hours', '24', '--config', config, '--data-dir', dataDir()],
      env(),
    )
    expect(result.code, result.stderr).toBe(0)
    const run = parse(result)
    expect(intelOf(run)).toMatchObject({ status: 'failed', reason: 'timeout' })
    expect(files(run).text).toMatch(/unable to fetch data \(timed out after 1\.5 s\)/)
  })

  it("429 (quota): each run fails with the reason, the breaker opens after the policy's failures, reports keep coming", async () => {
    api.setMode('quota')
    // A console whose device list cannot be read: every run is incomplete, so the checkpoint stays and each
    // run covers the same day of threats again (a complete run would move on to an empty window).
    const broken = await startFakes({ faults: [{ type: 'invalid-json', pathIncludes: 'stat/device' }] })
    const config = await writeConfig(work.path, 'quota.json', {
      breaker: { failMax: 2, resetTimeoutMs: 60_000, timeoutMs: 10_000 },
    })
    const cli = startCli(
      ['schedule', '--every', '1s', '--json', '--config', config, '--data-dir', dataDir()],
      broken.env({ ABUSEIPDB_API_KEY: api.key, ABUSEIPDB_API_URL: api.url }),
    )
    running.push(cli)
    const runs = () =>
      cli
        .stdout()
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => runJsonSchema.parse(JSON.parse(line)))
    try {
      await waitForOutput(cli, () => runs().length >= 2)
      const firstTwo = runs().slice(0, 2).map(intelOf)
      expect(firstTwo.map((outcome) => outcome.status)).toEqual(['failed', 'failed'])
      expect(firstTwo.map((outcome) => outcome.breaker)).toEqual(['closed', 'open'])
      expect(firstTwo[0]?.message).toMatch(/rate limited, HTTP 429, retry after 1 h/)
      const askedWhenOpened = api.requests.length
      await waitForOutput(cli, () => runs().length >= 3)
      const third = runs()[2]
      expect(intelOf(third)).toMatchObject({ status: 'failed', reason: 'circuit-open', breaker: 'open' })
      expect(api.requests.length).toBe(askedWhenOpened)
      for (const run of runs()) {
        expect(run.unifi.ok).toBe(true)
        expect(files(run).text).toContain('Threat intelligence')
      }
    } finally {
      if (cli.child.exitCode === null) cli.child.kill('SIGTERM')
      await cli.done
      await broken.close()
    }
  })
})
