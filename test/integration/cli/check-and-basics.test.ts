/**
 * `check`, `--help`/`--version` on every level, and usage errors, through the built CLI.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureCliBuilt, ROOT } from './support/build-cli.js'
import { startFakes, tempDir, type Fakes } from './support/fakes.js'
import { runCli } from './support/run-cli.js'

const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version

let fakes: Fakes
let work: Awaited<ReturnType<typeof tempDir>>

beforeAll(async () => {
  await ensureCliBuilt()
  fakes = await startFakes({ seed: 2 })
  work = await tempDir('check')
}, 180_000)

afterAll(async () => {
  await fakes?.close()
  await work?.remove()
})

describe('--help and --version', { timeout: 120_000 }, () => {
  it.each([[], ['report'], ['check'], ['schedule'], ['demo'], ['simulate']])('work on "%s"', async (...command) => {
    const help = await runCli([...command, '--help'], {})
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: unifi-scanner')
    const version = await runCli([...command, '--version'], {})
    expect(version.code).toBe(0)
    expect(version.stdout.trim()).toBe(VERSION)
  })

  it('lists the commands and exit codes in the top-level help', async () => {
    const help = await runCli(['--help'], {})
    for (const command of ['report', 'check', 'schedule', 'demo', 'simulate', 'Exit codes']) {
      expect(help.stdout).toContain(command)
    }
  })

  it('treats an unknown command or option as a usage error (exit 1)', async () => {
    expect((await runCli(['frobnicate'], {})).code).toBe(1)
    const badFormat = await runCli(['report', '--format', 'pdf'], {})
    expect(badFormat.code).toBe(1)
    expect(badFormat.stderr).toContain('pdf')
  })
})

describe('check', { timeout: 120_000 }, () => {
  it('connects and prints the controller, sites, fingerprint and integrations as JSON', async () => {
    const result = await runCli(
      ['check', '--json', '--data-dir', work.path],
      fakes.env({ UNIFI_SITE: 'branch', CLOUDFLARE_API_TOKEN: '', CLOUDFLARE_ACCOUNT_ID: 'acc-only' }),
    )
    expect(result.code, result.stderr).toBe(0)
    const json = JSON.parse(result.stdout) as {
      ok: boolean
      controller: { kind: string; version: string | null; url: string }
      tlsFingerprint: string
      sites: { name: string; description: string }[]
      site: string
      integrations: { id: string; status: string; missing: string[]; fields: unknown[]; test: unknown }[]
    }
    expect(json.ok).toBe(true)
    expect(json.controller.kind).toBe('unifi-os')
    expect(json.controller.version).toMatch(/^\d+\.\d+/)
    expect(json.tlsFingerprint).toBe(fakes.controller.fingerprint)
    expect(json.sites.map((site) => site.name).sort()).toEqual(['branch', 'default'])
    expect(json.site).toBe('branch')
    // An account id without a token: partial, with the missing field named.
    expect(json.integrations.find((integration) => integration.id === 'cloudflare')).toMatchObject({
      status: 'partial',
      missing: ['apiToken'],
      test: null,
    })
    // Every declared field, from the integration's metadata: set or not (never the value) and its variable.
    const cloudflareFields = json.integrations.find((integration) => integration.id === 'cloudflare')?.fields
    expect(cloudflareFields).toEqual([
      { key: 'apiToken', label: 'API token', kind: 'secret', required: true, env: 'CLOUDFLARE_API_TOKEN', set: false },
      { key: 'accountId', label: 'Account ID', kind: 'text', required: false, env: 'CLOUDFLARE_ACCOUNT_ID', set: true },
      { key: 'zones', label: 'Zones', kind: 'list', required: false, env: 'CLOUDFLARE_ZONES', set: false },
      { key: 'apiUrl', label: 'API URL', kind: 'url', required: false, env: 'CLOUDFLARE_API_URL', set: true },
    ])
    expect(result.stdout).not.toContain('acc-only')
    expect(result.stderr).toContain('Cloudflare: partially configured (missing: API token (CLOUDFLARE_API_TOKEN))')
    expect(result.stderr).toContain('Configuration and connection: OK')
    expect(result.stderr).toContain(fakes.controller.fingerprint)
  })

  it('runs the integrations’ connection tests', async () => {
    const result = await runCli(['check', '--json', '--data-dir', work.path], fakes.env({ UNIFI_SITE: 'default' }))
    expect(result.code, result.stderr).toBe(0)
    const json = JSON.parse(result.stdout) as { integrations: { id: string; status: string; test: { ok: boolean } }[] }
    expect(json.integrations.find((integration) => integration.id === 'cloudflare')).toMatchObject({
      status: 'configured',
      test: { ok: true },
    })
    // CyberSecure rides on the UniFi session that check has just opened.
    expect(json.integrations.find((integration) => integration.id === 'cybersecure')).toMatchObject({
      status: 'configured',
      test: { ok: true },
    })
    expect(result.stderr).toMatch(/Cloudflare: configured — connection test passed/)
  })

  it('asks for a site when the controller has several and none is chosen (exit 1)', async () => {
    const result = await runCli(['check', '--data-dir', work.path], fakes.env())
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('branch')
  })

  it('shows the presented fingerprint when the certificate is not trusted (exit 4)', async () => {
    const env = fakes.env({ UNIFI_SITE: 'default' })
    delete env.UNIFI_TLS_FINGERPRINT
    const result = await runCli(['check', '--json', '--data-dir', work.path], env)
    expect(result.code).toBe(4)
    expect(result.stderr).toContain(`UNIFI_TLS_FINGERPRINT=${fakes.controller.fingerprint}`)
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      exitCode: 4,
      tlsFingerprint: fakes.controller.fingerprint,
    })
  })
})
