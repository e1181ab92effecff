import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src/core/logger.js'
import { createPush, type PushTarget } from '../../../src/main/ipc/push.js'
import { createMainServices, type MainServices } from '../../../src/main/services.js'
import { createMemorySettingsService } from '../../../src/main/settings/create-settings-service.js'
import { integrationStatusSchema, type AppStatus, type IntegrationStatus } from '../../../src/shared/ipc/payloads.js'
import type { SettingsInput } from '../../../src/shared/settings.js'
import { startFakeCloudflare, type FakeCloudflare } from '../../../src/simulator/cloudflare/index.js'
import { startSimulatedController, type SimulatedController } from '../../../src/simulator/unifi/index.js'

const PAGE = 'file:///app/index.html'
const SENDER = { webContentsId: 1, frameUrl: PAGE }

let controller: SimulatedController
let cloudflare: FakeCloudflare
let dataDir = ''

beforeAll(async () => {
  controller = await startSimulatedController({})
  cloudflare = await startFakeCloudflare({})
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-desktop-'))
})

afterAll(async () => {
  await Promise.allSettled([controller?.close(), cloudflare?.close()])
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

function open(input: SettingsInput) {
  const sent: Array<{ channel: string; payload: unknown }> = []
  const target: PushTarget = { isDestroyed: () => false, send: (channel, payload) => sent.push({ channel, payload }) }
  const services: MainServices = createMainServices({
    settings: createMemorySettingsService(input),
    runner: null,
    appInfo: () => ({ name: 'u', version: '0', platform: 'linux', electronVersion: null, reportsDir: dataDir }),
    push: createPush(() => [target]),
    pageUrl: PAGE,
    logger: createMemoryLogger(),
    dataDir,
    reportsDir: () => path.join(dataDir, 'reports'),
  })
  services.trustedSenders.add(SENDER.webContentsId)
  const call = async (channel: string, payload?: unknown) => services.dispatch(channel, SENDER, payload)
  const statuses = () =>
    sent.filter((push) => push.channel === 'status:changed').map((push) => push.payload as AppStatus)
  const cards = () =>
    sent.filter((push) => push.channel === 'integration:changed').map((push) => push.payload as IntegrationStatus)
  /** The window's view of a card: the latest full status with every later card push applied. */
  const card = (id: string) =>
    cards()
      .filter((pushed) => pushed.id === id)
      .at(-1) ?? cardOf(services.status.get(), id)
  return { services, sent, call, statuses, cards, card }
}

const cardOf = (status: AppStatus, id: string): IntegrationStatus | undefined =>
  status.integrations?.find((card) => card.id === id)
const cloudflareCard = (status: AppStatus): IntegrationStatus | undefined => cardOf(status, 'cloudflare')

describe('desktop IPC against the simulated controller and the fake Cloudflare (loopback)', () => {
  it('tests a draft connection, offers the self-signed fingerprint, pins it and then connects', async () => {
    const app = open({ unifi: { url: controller.url, username: controller.credentials.username } })
    try {
      const draft = { url: controller.url, password: controller.credentials.password }
      const first = await app.call('unifi:test', draft)
      expect(first).toMatchObject({
        ok: true,
        value: { outcome: 'untrusted-certificate', fingerprint: controller.fingerprint },
      })
      expect(app.statuses().at(-1)?.unifi?.connection).toBe('untrusted-certificate')
      expect(app.statuses().at(-1)?.state).toBe('attention')

      const pinned = await app.call('unifi:trust-certificate', { fingerprint: controller.fingerprint.toLowerCase() })
      expect(pinned).toMatchObject({ ok: true, value: { unifi: { tlsFingerprint: controller.fingerprint } } })
      expect(app.sent.some((push) => push.channel === 'settings:changed')).toBe(true)

      const second = await app.call('unifi:test', draft)
      expect(second).toMatchObject({
        ok: true,
        value: { outcome: 'connected', tlsFingerprint: controller.fingerprint },
      })
      if (!second.ok || second.value === null || typeof second.value !== 'object') throw new Error('no result')
      const value = second.value as { sites: Array<{ name: string }>; controller: { kind: string } }
      expect(value.sites.map((site) => site.name)).toContain('default')
      expect(value.controller.kind).toBe('unifi-os')
      expect(app.statuses().at(-1)?.unifi).toMatchObject({
        connection: 'connected',
        trust: { pinnedFingerprint: controller.fingerprint },
      })
      // The draft password was only tested, never saved.
      expect(app.services.settings.view().hasPassword).toBe(false)

      const wrong = await app.call('unifi:test', { url: controller.url, password: 'not-the-password' })
      expect(wrong).toMatchObject({ ok: false, error: { kind: 'auth' } })
      expect(JSON.stringify(wrong)).not.toContain('not-the-password')
      expect(app.statuses().at(-1)?.unifi?.connection).toBe('failed')
    } finally {
      await app.services.close()
    }
  })

  it('verifies a draft Cloudflare token without touching the breaker', async () => {
    const app = open({ integrations: { cloudflare: { apiUrl: cloudflare.url } } })
    try {
      const good = await app.call('integration:test', { id: 'cloudflare', values: { apiToken: cloudflare.token } })
      expect(good).toMatchObject({ ok: true, value: { ok: true } })
      const bad = await app.call('integration:test', { id: 'cloudflare', values: { apiToken: 'wrong-token-value' } })
      expect(bad).toMatchObject({ ok: true, value: { ok: false } })
      expect(JSON.stringify(bad)).not.toContain('wrong-token-value')
      expect(cloudflareCard(app.services.status.get())?.breaker.consecutiveFailures).toBe(0)
    } finally {
      await app.services.close()
    }
  })

  it('pushes the breaker opening with its countdown, and "Retry now" moves it to a trial at once', async () => {
    const app = open({
      integrations: { cloudflare: { apiToken: cloudflare.token, apiUrl: cloudflare.url } },
      breaker: { failMax: 2, resetTimeoutMs: 600_000, timeoutMs: 5_000 },
    })
    cloudflare.setFaults([{ kind: 'server-error', target: 'all' }])
    try {
      const runtime = app.services.runtime.integrationRuntime
      const window = { since: Date.now() - 3_600_000, until: Date.now() }
      await runtime.run({ window, unifi: null })
      await runtime.run({ window, unifi: null })
      await expect.poll(() => app.card('cloudflare')?.breaker.state, { timeout: 5_000 }).toBe('open')
      const open = app.services.status.get()
      expect(open.state).toBe('attention')
      expect(cloudflareCard(open)?.breaker.nextTrialAt).toBeGreaterThan(Date.now())
      expect(cloudflareCard(open)?.lastError?.kind).toBe('server')

      const retry = await app.call('integration:retry-now', { id: 'cloudflare' })
      expect(retry).toEqual({ ok: true, value: { accepted: true } })
      await expect.poll(() => app.card('cloudflare')?.breaker.state, { timeout: 5_000 }).toBe('half-open')

      cloudflare.setFaults([])
      await runtime.run({ window, unifi: null })
      await expect.poll(() => app.card('cloudflare')?.breaker.state, { timeout: 5_000 }).toBe('closed')
    } finally {
      cloudflare.setFaults([])
      await app.services.close()
    }
  })

  it("forwards only the changed integration's card, and the whole status only when the headline moves", async () => {
    // UniFi is configured, so the app starts "Ready" and an open breaker is what changes its headline.
    const app = open({
      unifi: { url: controller.url, apiKey: controller.credentials.apiKey },
      integrations: { cloudflare: { apiToken: cloudflare.token, apiUrl: cloudflare.url } },
      breaker: { failMax: 2, resetTimeoutMs: 600_000, timeoutMs: 5_000 },
    })
    cloudflare.setFaults([{ kind: 'server-error', target: 'all' }])
    try {
      expect(app.services.status.get().headline).toBe('Ready')
      const runtime = app.services.runtime.integrationRuntime
      const window = { since: Date.now() - 3_600_000, until: Date.now() }
      const statusPushes = app.statuses().length
      await runtime.run({ window, unifi: null })
      await expect.poll(() => app.card('cloudflare')?.breaker.consecutiveFailures, { timeout: 5_000 }).toBe(1)
      // One counted failure changes the card, not the app's state or headline: no status push.
      expect(app.statuses()).toHaveLength(statusPushes)

      await runtime.run({ window, unifi: null })
      await expect.poll(() => app.card('cloudflare')?.breaker.state, { timeout: 5_000 }).toBe('open')
      // The open breaker needs attention: that is the one status push, carrying the open card.
      await expect.poll(() => app.statuses().length, { timeout: 5_000 }).toBe(statusPushes + 1)
      expect(app.statuses().at(-1)?.state).toBe('attention')
      expect(cloudflareCard(app.statuses().at(-1)!)?.breaker.state).toBe('open')

      // A breaker change of Cloudflare alone: only Cloudflare's snapshot goes out, one card per push.
      const mark = app.sent.length
      expect(await app.call('integration:retry-now', { id: 'cloudflare' })).toEqual({
        ok: true,
        value: { accepted: true },
      })
      await expect.poll(() => app.card('cloudflare')?.breaker.state, { timeout: 5_000 }).toBe('half-open')
      const after = app.sent.slice(mark)
      const cards = after.filter((push) => push.channel === 'integration:changed').map((push) => push.payload)
      expect(cards.length).toBeGreaterThanOrEqual(1)
      for (const pushed of cards) {
        expect(integrationStatusSchema.strict().parse(pushed)).toEqual(pushed)
        expect((pushed as IntegrationStatus).id).toBe('cloudflare')
      }
      // Leaving "paused" changes the headline back: one status push, nothing per card.
      const statuses = after
        .filter((push) => push.channel === 'status:changed')
        .map((push) => push.payload as AppStatus)
      expect(statuses.map((status) => status.headline)).toEqual(['Ready'])
    } finally {
      cloudflare.setFaults([])
      await app.services.close()
    }
  })

  it('probes at once when the credentials of an integration with an open breaker change', async () => {
    const app = open({
      integrations: { cloudflare: { apiToken: cloudflare.token, apiUrl: cloudflare.url } },
      breaker: { failMax: 1, resetTimeoutMs: 600_000, timeoutMs: 5_000 },
    })
    try {
      const runtime = app.services.runtime.integrationRuntime
      cloudflare.setFaults([{ kind: 'server-error', target: 'all' }])
      await runtime.run({ window: { since: Date.now() - 3_600_000, until: Date.now() }, unifi: null })
      const state = () => cloudflareCard(app.services.status.get())?.breaker.state
      await expect.poll(state, { timeout: 5_000 }).toBe('open')
      await app.call('secret:set', { key: 'integrations.cloudflare.apiToken', value: 'rotated-token-value' })
      await expect.poll(state, { timeout: 5_000 }).toBe('half-open')
    } finally {
      cloudflare.setFaults([])
      await app.services.close()
    }
  })
})
