/**
 * `report` end to end: the built CLI as a child process against the simulated controller and fake
 * Cloudflare on loopback. Covers the JSON contract, env-over-file precedence and every exit code.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runJsonSchema } from '../../../src/core/pipeline/run-json.js'
import { ensureCliBuilt } from './support/build-cli.js'
import { closedPort, listFiles, startFakes, tempDir, writeConfig, type Fakes } from './support/fakes.js'
import { runCli, type CliResult } from './support/run-cli.js'

let fakes: Fakes
let work: Awaited<ReturnType<typeof tempDir>>

beforeAll(async () => {
  await ensureCliBuilt()
  fakes = await startFakes()
  work = await tempDir('report')
}, 180_000)

afterAll(async () => {
  await fakes?.close()
  await work?.remove()
})

let runCounter = 0
/** A fresh data dir per run, so state and reports of one test never influence another. */
function dataDir(): string {
  runCounter += 1
  return path.join(work.path, `run-${runCounter}`)
}

function parseRunJson(result: CliResult) {
  const lines = result.stdout.trim().split('\n')
  expect(lines, `stdout must be exactly one JSON line:\n${result.stdout}\nstderr:\n${result.stderr}`).toHaveLength(1)
  return runJsonSchema.parse(JSON.parse(lines[0] ?? ''))
}

describe('report', { timeout: 120_000 }, () => {
  it('writes a report and prints a JSON result that matches the exported schema', async () => {
    const dir = dataDir()
    const result = await runCli(['report', '--json', '--data-dir', dir], fakes.env())
    expect(result.code, result.stderr).toBe(0)
    const run = parseRunJson(result)
    expect(run.ok).toBe(true)
    expect(run.exitCode).toBe(0)
    expect(run.unifi).toMatchObject({ ok: true, controller: 'unifi-os', site: 'default', error: null })
    expect(run.report.html).toBe(path.join(dir, 'reports', path.basename(run.report.html ?? '')))
    expect(existsSync(run.report.html ?? '')).toBe(true)
    expect(existsSync(run.report.text ?? '')).toBe(true)
    const cloudflare = run.integrations.find((integration) => integration.id === 'cloudflare')
    expect(cloudflare).toMatchObject({ status: 'ok', breaker: 'closed' })
    // Human output goes to stderr only, and names the file; no secret appears anywhere.
    expect(result.stderr).toContain(run.report.html)
    for (const secret of [fakes.controller.credentials.password, fakes.cloudflare.token]) {
      expect(result.stdout + result.stderr).not.toContain(secret)
      expect(readFileSync(run.report.html ?? '', 'utf8')).not.toContain(secret)
    }
  })

  it('honours --out, --format text and --hours', async () => {
    const out = path.join(work.path, 'custom-out')
    const before = Date.now()
    const result = await runCli(
      ['report', '--json', '--data-dir', dataDir(), '--out', out, '--format', 'text', '--hours', '6'],
      fakes.env(),
    )
    expect(result.code, result.stderr).toBe(0)
    const run = parseRunJson(result)
    expect(run.report.html).toBeNull()
    expect(path.dirname(run.report.text ?? '')).toBe(out)
    const span = Date.parse(run.window.until) - Date.parse(run.window.since)
    expect(span).toBeGreaterThanOrEqual(6 * 3_600_000 - 1000)
    expect(span).toBeLessThanOrEqual(6 * 3_600_000 + (Date.now() - before) + 6 * 60_000)
  })

  it('lets the environment win over the config file', async () => {
    const config = await writeConfig(work.path, 'precedence.json', {
      unifi: { url: 'https://127.0.0.1:1', username: 'nobody', password: 'file-password' },
      report: { format: 'text' },
    })
    // The file alone points nowhere; the environment supplies the real address and credentials.
    const good = await runCli(['report', '--json', '--config', config, '--data-dir', dataDir()], fakes.env())
    expect(good.code, good.stderr).toBe(0)
    const run = parseRunJson(good)
    // Settings the environment does not override still come from the file.
    expect(run.report.html).toBeNull()
    expect(run.report.text).not.toBeNull()

    // And the other way round: a right file, a wrong password in the environment → authentication fails.
    const rightFile = await writeConfig(work.path, 'right.json', {
      unifi: {
        url: fakes.controller.url,
        username: fakes.controller.credentials.username,
        password: fakes.controller.credentials.password,
        tlsFingerprint: fakes.controller.fingerprint,
      },
    })
    const bad = await runCli(['report', '--config', rightFile, '--data-dir', dataDir()], {
      UNIFI_PASSWORD: 'wrong-password',
    })
    expect(bad.code, bad.stderr).toBe(3)
  })
})

describe('dates in one report', { timeout: 120_000 }, () => {
  it('writes every date in one style, Cloudflare section included, and names UTC once', async () => {
    const config = await writeConfig(work.path, 'utc.json', { report: { timezone: 'UTC', format: 'both' } })
    const result = await runCli(['report', '--json', '--config', config, '--data-dir', dataDir()], fakes.env())
    expect(result.code, result.stderr).toBe(0)
    const run = parseRunJson(result)
    const plain = readFileSync(run.report.text ?? '', 'utf8')
    expect(plain).toMatch(/Generated: +[A-Z][a-z]{2} \d{1,2}, \d{4} at \d{1,2}:\d\d [AP]M UTC\n/)
    expect(plain).not.toContain('UTC (UTC)')
    // The HTML report's text, cell by cell: the plain-text report wraps dates across table rows.
    const html = readFileSync(run.report.html ?? '', 'utf8')
    const text = html
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/<[^>]+>/g, ' | ')
      .replace(/\s+/g, ' ')
    expect(text).not.toContain('UTC (UTC)')
    // The fake account has a tunnel that went down five hours ago: the Cloudflare section dates it.
    expect(text).toMatch(/Down since [A-Z][a-z]{2} \d{1,2}, \d{4} at \d{1,2}:\d\d [AP]M UTC/)
    // No day-first dates ("3 Dec 2026, 11:45") anywhere.
    expect(text).not.toMatch(/\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}/)
    const dates = [...text.matchAll(/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}.{0,16}/g)]
    expect(dates.length).toBeGreaterThan(3)
    for (const [date] of dates) expect(date).toMatch(/^\w{3} \d{1,2}, \d{4} at \d{1,2}:\d\d [AP]M UTC/)
  })
})

describe('trust and login alternatives', { timeout: 120_000 }, () => {
  it('trusts the console through UNIFI_CA_FILE and logs in with UNIFI_API_KEY', async () => {
    const caFile = await writeConfig(work.path, 'console-ca.pem', fakes.controller.certPem)
    const env = fakes.env({ UNIFI_CA_FILE: caFile, UNIFI_API_KEY: fakes.controller.credentials.apiKey })
    delete env.UNIFI_TLS_FINGERPRINT
    delete env.UNIFI_USERNAME
    delete env.UNIFI_PASSWORD
    const logins = fakes.controller.stats.logins
    const result = await runCli(['report', '--json', '--data-dir', dataDir()], env)
    expect(result.code, result.stderr).toBe(0)
    expect(parseRunJson(result).unifi.ok).toBe(true)
    // The API key replaces the password login entirely.
    expect(fakes.controller.stats.logins).toBe(logins)
  })
})

describe('exit codes', { timeout: 120_000 }, () => {
  it('1: invalid configuration, with every problem listed and no report', async () => {
    const config = await writeConfig(work.path, 'invalid.json', {
      unifi: { url: fakes.controller.url },
      breaker: { failMax: 0 },
      report: { format: 'pdf', timezone: 'Nowhere/Land' },
    })
    const dir = dataDir()
    const result = await runCli(['report', '--json', '--config', config, '--data-dir', dir], {
      UNIFI_TLS_FINGERPRINT: 'not-a-fingerprint',
    })
    expect(result.code).toBe(1)
    for (const expected of [
      'breaker.failMax',
      'report.format',
      'report.timezone',
      'UNIFI_TLS_FINGERPRINT',
      'No way to log in',
    ]) {
      expect(result.stderr).toContain(expected)
    }
    const json = JSON.parse(result.stdout) as { ok: boolean; exitCode: number; error: { problems: string[] } }
    expect(json).toMatchObject({ ok: false, exitCode: 1 })
    expect(json.error.problems).toHaveLength(5)
    expect(await listFiles(dir)).toEqual([])
  })

  it('1: missing controller address and credentials', async () => {
    const result = await runCli(['report', '--data-dir', dataDir()], {})
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('UNIFI_URL')
    expect(result.stderr).toContain('UNIFI_API_KEY')
  })

  it('1: a bad option value', async () => {
    const result = await runCli(['report', '--hours', 'lots', '--data-dir', dataDir()], fakes.env())
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('--hours')
  })

  async function failingRun(env: Record<string, string>, expectedCode: number) {
    const dir = dataDir()
    const result = await runCli(['report', '--json', '--data-dir', dir], env)
    expect(result.code, result.stderr).toBe(expectedCode)
    const run = parseRunJson(result)
    expect(run).toMatchObject({ ok: false, exitCode: expectedCode, unifi: { ok: false } })
    expect(run.unifi.error).not.toBeNull()
    // A report explaining the failure is still written.
    expect(existsSync(run.report.html ?? '')).toBe(true)
    expect(readFileSync(run.report.html ?? '', 'utf8')).toContain(run.unifi.error?.message.slice(0, 20) ?? '')
    return { run, result }
  }

  it('2: controller unreachable (closed port)', async () => {
    const port = await closedPort()
    const { run } = await failingRun(fakes.env({ UNIFI_URL: `https://127.0.0.1:${port}` }), 2)
    expect(run.unifi.error?.kind).toBe('unreachable')
  })

  it('3: wrong password', async () => {
    await failingRun(fakes.env({ UNIFI_PASSWORD: 'wrong-password' }), 3)
  })

  it('3: login rate limit (429) and MFA required', async () => {
    fakes.controller.setFaults([{ type: 'login-429', retryAfterSec: 120 }])
    try {
      const { run } = await failingRun(fakes.env(), 3)
      expect(run.unifi.error?.message).toMatch(/limit/i)
    } finally {
      fakes.controller.setFaults([])
    }
    fakes.controller.setFaults([{ type: 'mfa-required', variant: 'sso-499' }])
    try {
      const { run } = await failingRun(fakes.env(), 3)
      expect(run.unifi.error?.message).toMatch(/multi-factor/i)
    } finally {
      fakes.controller.setFaults([])
    }
  })

  it('4: self-signed certificate without a pin, and a pin mismatch', async () => {
    const env = fakes.env()
    delete env.UNIFI_TLS_FINGERPRINT
    const { result } = await failingRun(env, 4)
    // The presented fingerprint is shown so the admin can pin it.
    expect(result.stderr + result.stdout).toContain(fakes.controller.fingerprint)

    const wrongPin = Array.from({ length: 32 }, () => 'AB').join(':')
    await failingRun(fakes.env({ UNIFI_TLS_FINGERPRINT: wrongPin }), 4)
  })

  it('5: any other failure (the controller answers logins with garbage)', async () => {
    fakes.controller.setFaults([{ type: 'invalid-json', pathIncludes: 'login' }])
    try {
      await failingRun(fakes.env(), 5)
    } finally {
      fakes.controller.setFaults([])
    }
  })

  it('integration failures do not change exit code 0', async () => {
    const result = await runCli(
      ['report', '--json', '--data-dir', dataDir()],
      fakes.env({ CLOUDFLARE_API_TOKEN: 'not-the-right-token' }),
    )
    expect(result.code, result.stderr).toBe(0)
    const run = parseRunJson(result)
    expect(run.ok).toBe(true)
    expect(run.integrations.find((integration) => integration.id === 'cloudflare')?.status).toBe('needs-attention')
  })
})
