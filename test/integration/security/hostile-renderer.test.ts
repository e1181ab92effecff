/**
 * A compromised renderer, through the real handler layer (sender check, zod contract, handlers, services): it may
 * call every channel with any payload the contract accepts. Canary secrets are saved for the simulated console and
 * the fake Cloudflare; loopback listeners that accept anything stand for the hosts the renderer names instead.
 * Nothing may reach those listeners, and no answer, push or log line may carry a canary.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src/core/logger.js'
import { createPush, type PushTarget } from '../../../src/main/ipc/push.js'
import { createEngineReportRunner } from '../../../src/main/reports/engine-runner.js'
import { createMainServices } from '../../../src/main/services.js'
import { createMemorySettingsService } from '../../../src/main/settings/create-settings-service.js'
import { INVOKE_CHANNELS } from '../../../src/shared/ipc/contract.js'
import { startFakeCloudflare, type FakeCloudflare } from '../../../src/simulator/cloudflare/index.js'
import { startSimulatedController, type SimulatedController } from '../../../src/simulator/unifi/index.js'
import { startHttpCanaryListener, startHttpsCanaryListener, type CanaryListener } from './canary-listener.js'

const PAGE = 'file:///app/index.html'
const SENDER = { webContentsId: 3, frameUrl: PAGE }
const CANARY_PASSWORD = 'canary-pw-7f3a9c1e'
const CANARY_KEY = 'canary-key-b81d44e0'
const CANARY_TOKEN = 'canary-token-5e2c90aa'
const CANARIES = [CANARY_PASSWORD, CANARY_KEY, CANARY_TOKEN]

let controller: SimulatedController
let cloudflare: FakeCloudflare
let httpsCatcher: CanaryListener
let httpCatcher: CanaryListener
let dataDir = ''

beforeAll(async () => {
  controller = await startSimulatedController({ password: CANARY_PASSWORD, apiKey: CANARY_KEY })
  cloudflare = await startFakeCloudflare({ token: CANARY_TOKEN })
  httpsCatcher = await startHttpsCanaryListener()
  httpCatcher = await startHttpCanaryListener()
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-hostile-'))
})

afterAll(async () => {
  await Promise.allSettled([controller?.close(), cloudflare?.close(), httpsCatcher?.close(), httpCatcher?.close()])
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

/** The app as the admin left it: both upstreams configured and trusted, every secret saved. */
function savedApp(cloudflareUrl?: string) {
  const sent: Array<{ channel: string; payload: unknown }> = []
  const target: PushTarget = { isDestroyed: () => false, send: (channel, payload) => sent.push({ channel, payload }) }
  const logger = createMemoryLogger()
  const settings = createMemorySettingsService({
    unifi: {
      url: controller.url,
      username: controller.credentials.username,
      password: CANARY_PASSWORD,
      apiKey: CANARY_KEY,
      tlsFingerprint: controller.fingerprint,
    },
    integrations: {
      cloudflare: { apiToken: CANARY_TOKEN, apiUrl: cloudflareUrl ?? cloudflare.url, accountId: cloudflare.accountId },
    },
    report: { lookbackHours: 1 },
  })
  const reportsDir = path.join(dataDir, `reports-${Math.random().toString(36).slice(2)}`)
  const services = createMainServices({
    settings,
    runner: createEngineReportRunner({
      logger,
      appVersion: '0.0.0',
      folders: () => ({ dataDir, reportsDir }),
    }),
    appInfo: () => ({ name: 'u', version: '0', platform: 'linux', electronVersion: null, reportsDir }),
    push: createPush(() => [target]),
    pageUrl: PAGE,
    logger,
    dataDir,
    reportsDir: () => reportsDir,
  })
  services.trustedSenders.add(SENDER.webContentsId)
  const answers: unknown[] = []
  const call = async (channel: string, payload?: unknown) => {
    const answer = await services.dispatch(channel, SENDER, payload)
    answers.push(answer)
    return answer
  }
  /** Everything that crossed to the renderer, and everything logged. */
  const leaked = () => {
    const text = JSON.stringify([answers, sent, logger.records])
    return CANARIES.filter((canary) => text.includes(canary))
  }
  return { services, settings, call, sent, answers, leaked, logger }
}

function caught(): string[] {
  const text = [...httpsCatcher.received(), ...httpCatcher.received()].join('\n')
  return CANARIES.filter((canary) => text.includes(canary))
}

describe('a hostile renderer gets no stored secret sent anywhere it was not saved for', () => {
  it('unifi:test aimed at another origin or with another pin does not fall back to the stored secret', async () => {
    const app = savedApp()
    try {
      const hostile = [
        { url: httpsCatcher.url, tlsFingerprint: httpsCatcher.fingerprint! },
        { url: httpsCatcher.url, tlsFingerprint: httpsCatcher.fingerprint!, username: 'admin' },
        // Same host, other port: a different origin.
        { url: httpsCatcher.url.replace('https://', ''), tlsFingerprint: httpsCatcher.fingerprint! },
        // The saved console address, but a pin the renderer supplies: different trust.
        { url: controller.url, tlsFingerprint: httpsCatcher.fingerprint! },
      ]
      for (const draft of hostile) {
        const answer = await app.call('unifi:test', draft)
        expect(answer).toMatchObject({ ok: false, error: { code: 'SECRET_NOT_FOR_THIS_ORIGIN', kind: 'config' } })
      }
      expect(httpsCatcher.received()).toEqual([])

      // The saved origin and trust still work with the stored secret.
      const same = await app.call('unifi:test', { url: controller.url })
      expect(same).toMatchObject({ ok: true, value: { outcome: 'connected' } })
      // A draft that brings its own secret may go elsewhere: only that secret travels.
      await app.call('unifi:test', {
        url: httpsCatcher.url,
        tlsFingerprint: httpsCatcher.fingerprint!,
        username: 'admin',
        password: 'typed-by-the-renderer',
      })
      expect(httpsCatcher.received().join('\n')).toContain('typed-by-the-renderer')
      expect(caught()).toEqual([])
      expect(app.leaked()).toEqual([])
    } finally {
      await app.services.close()
    }
  })

  it('saving another console address or pin clears the stored UniFi secrets and asks for them again', async () => {
    const app = savedApp()
    try {
      const moved = await app.call('settings:update', { unifi: { url: httpsCatcher.url } })
      expect(moved).toMatchObject({ ok: true, value: { saved: true } })
      expect(app.settings.view().secretsSet).toMatchObject({ 'unifi.password': false, 'unifi.apiKey': false })
      expect(app.settings.view().secretsSet['integrations.cloudflare.apiToken']).toBe(true)
      const notices = app.services.status.get().notices ?? []
      expect(notices.map((notice) => notice.message).join(' ')).toMatch(/re-enter your password/)

      await app.call('unifi:trust-certificate', { fingerprint: httpsCatcher.fingerprint! })
      const test = await app.call('unifi:test', { url: httpsCatcher.url })
      expect(test).toMatchObject({ ok: false })
      const report = await app.call('report:generate')
      expect(report).toMatchObject({ ok: false })

      // Entering the secret again removes the banner.
      await app.call('secret:set', { key: 'unifi.password', value: 'a-new-password' })
      expect((app.services.status.get().notices ?? []).some((n) => n.id === 'secrets-reenter-unifi')).toBe(false)
      expect(caught()).toEqual([])
      expect(app.leaked()).toEqual([])

      // A new pin for the same address is new trust, too.
      const pinned = savedApp()
      try {
        await pinned.call('unifi:trust-certificate', { fingerprint: httpsCatcher.fingerprint! })
        expect(pinned.settings.view().secretsSet['unifi.password']).toBe(false)
        expect(pinned.leaked()).toEqual([])
      } finally {
        await pinned.services.close()
      }
    } finally {
      await app.services.close()
    }
  })

  it('the Cloudflare token stays with the API base it was saved for; http is refused except loopback', async () => {
    const app = savedApp()
    try {
      const remote = await app.call('settings:update', {
        integrations: { cloudflare: { apiUrl: 'http://api.example.com/client/v4' } },
      })
      expect(remote).toMatchObject({
        ok: true,
        value: { saved: false, fieldErrors: [{ path: 'integrations.cloudflare.apiUrl' }] },
      })
      expect(app.settings.view().secretsSet['integrations.cloudflare.apiToken']).toBe(true)

      const moved = await app.call('settings:update', {
        integrations: { cloudflare: { apiUrl: `${httpCatcher.url}/client/v4` } },
      })
      expect(moved).toMatchObject({ ok: true, value: { saved: true } })
      expect(app.settings.view().secretsSet['integrations.cloudflare.apiToken']).toBe(false)
      expect(JSON.stringify(app.services.status.get().notices)).toContain('re-enter the API token')
      // A secret field never travels in a settings patch, and only declared secrets can be set.
      const inPatch = await app.call('settings:update', {
        integrations: { cloudflare: { apiToken: 'patched-token-value' } },
      })
      expect(inPatch).toMatchObject({
        ok: true,
        value: { saved: false, fieldErrors: [{ path: 'integrations.cloudflare.apiToken' }] },
      })
      expect(app.settings.read().integrations['cloudflare']?.['apiToken']).toBeUndefined()
      expect(await app.call('secret:set', { key: 'integrations.nobody.apiKey', value: 'x-value' })).toMatchObject({
        ok: false,
      })
      expect(await app.call('settings:update', { integrations: { nobody: { url: 'x' } } })).toMatchObject({
        ok: true,
        value: { saved: false, fieldErrors: [{ path: 'integrations.nobody' }] },
      })
      await app.call('integration:test', { id: 'cloudflare', values: {} })
      await app.call('integration:test', { id: 'cloudflare', values: { accountId: 'x' } })
      await app.call('integration:retry-now', { id: 'cloudflare' })
      await app.call('report:generate')
      expect(caught()).toEqual([])
      expect(app.leaked()).toEqual([])
    } finally {
      await app.services.close()
    }
  })

  it('credentials in a URL are a configuration error that never repeats them', async () => {
    const app = savedApp()
    try {
      for (const patch of [
        { unifi: { url: 'https://admin:hunter2secret@192.0.2.1' } },
        { unifi: { url: 'admin:hunter2secret@192.0.2.1:8443' } },
        { integrations: { cloudflare: { apiUrl: 'https://user:hunter2secret@api.cloudflare.com/client/v4' } } },
      ]) {
        const answer = await app.call('settings:update', patch)
        expect(answer).toMatchObject({ ok: true, value: { saved: false } })
        expect(JSON.stringify(answer)).toMatch(/must not contain a user name or password/)
        expect(JSON.stringify(answer)).not.toContain('hunter2secret')
      }
      const test = await app.call('unifi:test', { url: 'https://admin:hunter2secret@127.0.0.1:1' })
      expect(test).toMatchObject({ ok: false, error: { kind: 'config' } })
      expect(JSON.stringify(test)).not.toContain('hunter2secret')
      expect(app.leaked()).toEqual([])
    } finally {
      await app.services.close()
    }
  })

  it('every channel with hostile but schema-shaped payloads leaks no canary', async () => {
    const app = savedApp()
    try {
      const payloads: Record<string, unknown[]> = {
        'settings:update': [
          JSON.parse('{"__proto__": {"polluted": true}}'),
          JSON.parse('{"unifi": {"__proto__": {"password": "x"}}}'),
          { unifi: { constructor: { prototype: { polluted: true } } } },
          { unifi: { password: 'x' } },
        ],
        'secret:set': [{ key: '__proto__', value: 'x' }],
        'unifi:test': [{ url: httpsCatcher.url, caFile: '/etc/ssl/private/key.pem' }],
        // A draft aimed at another address does not get the stored token.
        'integration:test': [
          { id: 'cloudflare', values: { apiUrl: httpCatcher.url } },
          { id: '__proto__', values: {} },
        ],
        'reports:open': [{ id: `${'../'.repeat(4)}etc/passwd` }],
        'reports:delete': [{ id: '../secrets.json' }],
        'integration:retry-now': [{ id: '__proto__' }],
      }
      for (const channel of INVOKE_CHANNELS) {
        for (const payload of payloads[channel] ?? [undefined]) await app.call(channel, payload)
      }
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
      expect(app.settings.read().unifi.password).toBe(CANARY_PASSWORD)
      expect(httpCatcher.received().join('\n')).not.toContain(CANARY_TOKEN)
      expect(caught()).toEqual([])
      expect(app.leaked()).toEqual([])
    } finally {
      await app.services.close()
    }
  })

  it('refuses huge strings on every string field, paths, and numbers out of range', async () => {
    const app = savedApp()
    try {
      const huge = 'A'.repeat(50 * 1024 * 1024)
      const hostile: Array<[string, unknown]> = [
        ['settings:update', { unifi: { url: huge } }],
        ['settings:update', { unifi: { site: huge } }],
        ['settings:update', { unifi: { username: huge } }],
        ['settings:update', { unifi: { tlsFingerprint: huge } }],
        ['settings:update', { integrations: { cloudflare: { accountId: huge } } }],
        ['settings:update', { integrations: { cloudflare: { apiUrl: huge } } }],
        ['settings:update', { integrations: { cloudflare: { zones: [huge] } } }],
        [
          'settings:update',
          { integrations: { cloudflare: { zones: Array.from({ length: 100_000 }, () => 'a.example') } } },
        ],
        ['settings:update', { report: { timezone: huge } }],
        ['settings:update', { report: { format: huge } }],
        ['settings:update', { report: { outputDir: '/etc' } }],
        ['settings:update', { unifi: { caFile: '/home/admin/.ssh/id_ed25519' } }],
        ['secret:set', { key: 'unifi.password', value: huge }],
        ['unifi:test', { url: huge }],
        ['unifi:test', { url: controller.url, password: huge }],
        ['unifi:test', { url: controller.url, caFile: '/etc/ssl/ca.pem' }],
        ['unifi:trust-certificate', { fingerprint: huge }],
        ['unifi:choose-site', { site: huge }],
        ['integration:test', { id: 'cloudflare', values: { apiToken: huge } }],
        ['integration:test', { id: huge, values: {} }],
        ['integration:retry-now', { id: huge }],
        ['reports:open', { id: huge }],
        ['reports:reveal', { id: huge }],
        ['reports:delete', { id: huge }],
      ]
      for (const [channel, payload] of hostile) {
        const answer = await app.call(channel, payload)
        expect(answer, channel).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
        expect(JSON.stringify(answer).length, channel).toBeLessThan(2_000)
      }
      for (const patch of [
        { unifi: { maxResponseBytes: 1e12 } },
        { unifi: { requestTimeoutMs: 1e12 } },
        { breaker: { resetTimeoutMs: 1e15 } },
        { report: { lookbackHours: 1e9 } },
        { thresholds: { temperatureC: { critical: 1e9 } } },
        { thresholds: { cpuPercent: { warning: -5 } } },
      ]) {
        const answer = await app.call('settings:update', patch)
        expect(answer, JSON.stringify(patch)).toMatchObject({ ok: true, value: { saved: false } })
      }
      expect(app.settings.read().unifi.maxResponseBytes).toBe(64 * 1024 * 1024)
      expect(app.settings.read().report.outputDir).toBeUndefined()
      expect(app.settings.read().unifi.caFile).toBeUndefined()
      expect(app.leaked()).toEqual([])
    } finally {
      await app.services.close()
    }
  })

  it('an upstream that echoes the secret back gets it into no answer or push', async () => {
    const echoing = await startHttpCanaryListener(({ text }) => ({
      status: 400,
      body: { success: false, errors: [{ code: 6003, message: `Invalid request headers ${text}` }], messages: [] },
    }))
    const app = savedApp(`${echoing.url}/client/v4`)
    try {
      await app.call('integration:test', { id: 'cloudflare', values: {} })
      await app.call('report:generate')
      await app.call('status:get')
      // The token was saved for this API, so it went there; it must not come back to the window.
      expect(echoing.received().join('\n')).toContain(CANARY_TOKEN)
      const crossed = JSON.stringify([app.answers, app.sent])
      expect(crossed).toContain('Invalid request headers')
      expect(crossed).not.toContain(CANARY_TOKEN)
    } finally {
      await app.services.close()
      await echoing.close()
    }
  })
})
