/**
 * `demo` and `simulate` through the built CLI: the demo report is complete (every severity, CyberSecure
 * threats, device health issues, a Cloudflare section) and says it is demo data; `simulate` prints a usable
 * connection line and stops on SIGINT.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runJsonSchema } from '../../../src/core/pipeline/run-json.js'
import { useCliWorld } from './support/cli-world.js'
import { runCli, waitForOutput } from './support/run-cli.js'

const world = useCliWorld('demo', { fakes: false })

describe('demo', { timeout: 120_000 }, () => {
  it('writes a complete demo report and prints where it is', async () => {
    const dataDir = path.join(world.work.path, 'data')
    const result = await runCli(['demo', '--json', '--data-dir', dataDir], {})
    expect(result.code, result.stderr).toBe(0)
    const run = runJsonSchema.parse(JSON.parse(result.stdout))
    expect(run.ok).toBe(true)
    expect(path.dirname(run.report.html ?? '')).toBe(path.join(dataDir, 'demo', 'reports'))
    expect(result.stderr).toContain(run.report.html)
    const { severe, medium, low } = run.report.findings
    expect(severe).toBeGreaterThan(0)
    expect(medium).toBeGreaterThan(0)
    expect(low).toBeGreaterThan(0)
    expect(run.report.threats).toBeGreaterThan(0)
    expect(run.report.unhealthyDevices).toBeGreaterThan(0)
    expect(run.integrations.find((integration) => integration.id === 'cloudflare')?.status).toBe('ok')

    const html = readFileSync(run.report.html ?? '', 'utf8')
    expect(html).toMatch(/demo data/i)
    expect(html).toContain('CyberSecure')
    expect(html).toContain('Cloudflare')
    const text = readFileSync(run.report.text ?? '', 'utf8')
    expect(text).toMatch(/demo data/i)
  })

  it('without --json prints only human output, on stderr', async () => {
    const result = await runCli(['demo', '--data-dir', path.join(world.work.path, 'human')], {})
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/Report written: .*\.html/)
  })
})

describe('--open', { timeout: 120_000 }, () => {
  it.runIf(process.platform === 'linux')('hands the report path to xdg-open as one argument', async () => {
    // A stand-in xdg-open first on PATH records the arguments it was given.
    const bin = path.join(world.work.path, 'bin')
    const record = path.join(world.work.path, 'opened.txt')
    mkdirSync(bin, { recursive: true })
    writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$#" "$@" > "${record}"\n`, { mode: 0o755 })
    const out = path.join(world.work.path, 'a folder with "quotes" & spaces')
    const result = await runCli(
      ['demo', '--open', '--json', '--out', out, '--data-dir', path.join(world.work.path, 'open')],
      {
        PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
      },
    )
    expect(result.code, result.stderr).toBe(0)
    const run = runJsonSchema.parse(JSON.parse(result.stdout))
    await expect.poll(() => existsSync(record), { timeout: 10_000 }).toBe(true)
    await expect.poll(() => readFileSync(record, 'utf8'), { timeout: 10_000 }).toBe(`1\n${run.report.html}\n`)
  })
})

describe('simulate', { timeout: 120_000 }, () => {
  it('prints one connection line, serves a real report, and stops on SIGINT', async () => {
    const cli = world.start(['simulate', '--persona', 'classic-8', '--seed', '3', '--events', '200'], {})
    await waitForOutput(cli, (stdout) => stdout.includes('\n'))
    const line = JSON.parse(cli.stdout().trim()) as {
      unifi: { url: string; persona: string; username: string; password: string; apiKey: string; fingerprint: string }
      cloudflare: { url: string; apiToken: string; accountId: string }
      env: Record<string, string>
    }
    expect(line.unifi.persona).toBe('classic-8')
    expect(line.unifi.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    expect(line.unifi.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    expect(line.unifi.apiKey).not.toBe('')
    expect(line.cloudflare.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/)

    const report = await runCli(['report', '--json', '--data-dir', path.join(world.work.path, 'sim')], line.env)
    expect(report.code, report.stderr).toBe(0)
    const run = runJsonSchema.parse(JSON.parse(report.stdout))
    expect(run.unifi.controller).toBe('classic')

    cli.child.kill('SIGINT')
    const result = await cli.done
    expect(result.code).toBe(0)
    expect(result.stdout.trim().split('\n')).toHaveLength(1)
  })

  it('rejects an unknown persona with exit 1', async () => {
    const result = await runCli(['simulate', '--persona', 'unifi-os-99'], {})
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('classic-8')
  })
})
