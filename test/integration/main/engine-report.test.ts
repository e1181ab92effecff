import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src/core/logger.js'
import { createPush, type PushTarget } from '../../../src/main/ipc/push.js'
import { createEngineReportRunner } from '../../../src/main/reports/engine-runner.js'
import { createMainServices } from '../../../src/main/services.js'
import { createMemorySettingsService } from '../../../src/main/settings/create-settings-service.js'
import { settingsSchema, type Settings } from '../../../src/shared/settings.js'
import { startSimulatedController } from '../../../src/simulator/unifi/index.js'

type Controller = Awaited<ReturnType<typeof startSimulatedController>>

let controller: Controller
let dataDir: string

beforeAll(async () => {
  controller = await startSimulatedController({})
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-main-engine-'))
})

afterAll(async () => {
  await controller?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

function servicesWith(settings: Settings, onPush: (channel: string, payload: unknown) => void = () => undefined) {
  const sent: Array<{ channel: string; payload: unknown }> = []
  const target: PushTarget = {
    isDestroyed: () => false,
    send: (channel, payload) => {
      sent.push({ channel, payload })
      onPush(channel, payload)
    },
  }
  const logger = createMemoryLogger()
  const services = createMainServices({
    settings: createMemorySettingsService(settings),
    dataDir,
    reportsDir: () => settings.report.outputDir ?? path.join(dataDir, 'reports'),
    runner: createEngineReportRunner({
      logger,
      appVersion: '0.1.0-test',
      folders: (current) => ({ dataDir, reportsDir: current.report.outputDir ?? path.join(dataDir, 'reports') }),
    }),
    appInfo: () => ({
      name: 'unifi-scanner',
      version: '0.1.0',
      platform: 'linux',
      electronVersion: null,
      reportsDir: '',
    }),
    push: createPush(() => [target]),
    pageUrl: 'file:///app/index.html',
    logger,
  })
  services.trustedSenders.add(1)
  const call = (channel: string) =>
    services.dispatch(channel, { webContentsId: 1, frameUrl: 'file:///app/index.html' }, undefined)
  return { services, sent, call, logger }
}

describe('"Generate report now" on the real engine (simulated controller on loopback)', () => {
  it('writes the report files, pushes progress and records the summary', async () => {
    const settings = settingsSchema.parse({
      unifi: {
        url: controller.url,
        site: 'default',
        username: controller.credentials.username,
        password: controller.credentials.password,
        tlsFingerprint: controller.fingerprint,
      },
      report: { format: 'both' },
    })
    const { services, sent, call, logger } = servicesWith(settings)
    const result = await call('report:generate')
    expect(result.ok, JSON.stringify(result)).toBe(true)
    if (!result.ok) return
    const summary = result.value as { files: string[]; headline: string }
    expect(summary.files).toHaveLength(2)
    for (const file of summary.files) expect(existsSync(file), file).toBe(true)
    expect(summary.headline).toMatch(/^\d+ severe, \d+ medium and \d+ low findings$/)
    const html = readFileSync(
      summary.files.find((f) => f.endsWith('.html'))!,
      'utf8',
    )
    expect(html).not.toContain(controller.credentials.password)

    const progress = sent
      .filter((p) => p.channel === 'status:changed')
      .map((p) => (p.payload as { progress: { percent: number } | null }).progress)
      .filter((value) => value !== null)
    expect(progress.length).toBeGreaterThan(2)
    expect(progress.map((p) => p.percent)).toEqual([...progress.map((p) => p.percent)].sort((a, b) => a - b))
    expect(services.status.get()).toMatchObject({ state: 'idle', progress: null, lastError: null })
    // The report was a contact with the console: the UniFi card says so, with the report's time.
    const finishedAt = (result.value as { finishedAt: number }).finishedAt
    expect(services.status.get().unifi).toMatchObject({
      connection: 'connected',
      checkedBy: 'report',
      lastCheckedAt: finishedAt,
      settingsChangedSince: false,
      controller: { kind: 'unifi-os', baseUrl: controller.url, authMethod: 'password' },
    })
    // Saving UniFi settings afterwards keeps that contact on the card, marked as made with the earlier settings.
    expect(services.settings.update({ unifi: { site: 'other' } }).saved).toBe(true)
    expect(services.status.get().unifi).toMatchObject({
      connection: 'connected',
      checkedBy: 'report',
      lastCheckedAt: finishedAt,
      settingsChangedSince: true,
    })
    // Nothing in the traffic to the renderer or in the log carries the password.
    expect(JSON.stringify(sent)).not.toContain(controller.credentials.password)
    expect(JSON.stringify(logger.records)).not.toContain(controller.credentials.password)
  })

  it('reports a refused login as a failed run with the engine message, not a crash', async () => {
    const settings = settingsSchema.parse({
      unifi: {
        url: controller.url,
        site: 'default',
        username: controller.credentials.username,
        password: 'wrong-password-for-test',
        tlsFingerprint: controller.fingerprint,
      },
    })
    const { services, call } = servicesWith(settings)
    const result = await call('report:generate')
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth' } })
    expect(services.status.get().state).toBe('error')
    expect(services.status.get().unifi).toMatchObject({
      connection: 'failed',
      checkedBy: 'report',
      lastError: { kind: 'auth' },
    })
    expect(JSON.stringify(result)).not.toContain('wrong-password-for-test')
  })

  it('"Cancel report" through the handler aborts the run mid-way: no report files, the status says cancelled', async () => {
    const reportsDir = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-cancel-'))
    try {
      const settings = settingsSchema.parse({
        unifi: {
          url: controller.url,
          site: 'default',
          username: controller.credentials.username,
          password: controller.credentials.password,
          tlsFingerprint: controller.fingerprint,
        },
        report: { format: 'both', outputDir: reportsDir },
      })
      const cancels: unknown[] = []
      let cancelling = false
      // Cancel as the tray would, once the run reports progress past its start (the first collection step).
      const app = servicesWith(settings, (channel, payload) => {
        const progress = (payload as { progress?: { percent: number } | null }).progress
        if (channel !== 'status:changed' || cancelling || !progress || progress.percent <= 0) return
        cancelling = true
        void Promise.resolve(app.services.handlers['report:cancel'](undefined)).then((answer) => cancels.push(answer))
      })
      const result = await app.call('report:generate')
      expect(result).toMatchObject({ ok: false, error: { kind: 'aborted' } })
      expect(cancels).toEqual([{ cancelled: true }])
      expect(readdirSync(reportsDir)).toEqual([])
      const status = app.services.status.get()
      expect(status).toMatchObject({ state: 'idle', headline: 'Report cancelled', progress: null })
      expect(status.lastErrorAt).toEqual(expect.any(Number))
      // Nothing runs any more: a second cancel is a no-op.
      expect(await app.call('report:cancel')).toEqual({ ok: true, value: { cancelled: false } })
    } finally {
      rmSync(reportsDir, { recursive: true, force: true })
    }
  })
})
