import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src/core/logger.js'
import { readHistory } from '../../../src/core/report/files/history.js'
import { createPush } from '../../../src/main/ipc/push.js'
import { createDemoRunner } from '../../../src/main/reports/demo-runner.js'
import { createMainServices } from '../../../src/main/services.js'
import { createMemorySettingsService } from '../../../src/main/settings/create-settings-service.js'
import { settingsSchema } from '../../../src/shared/settings.js'
import { startFakeCloudflare } from '../../../src/simulator/cloudflare/index.js'
import { startSimulatedController } from '../../../src/simulator/unifi/index.js'

let dataDir = ''
beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-demo-'))
})
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

describe('"Try with demo data" through the IPC handlers', () => {
  it('writes a labelled demo report into its own folders, lists it beside the real history and opens it', async () => {
    const logger = createMemoryLogger()
    const reportsDir = path.join(dataDir, 'reports')
    const opened: string[] = []
    let closed = 0
    const demo = createDemoRunner({
      logger,
      appVersion: '0.1.0-test',
      dataDir,
      startBackends: async () => {
        const controller = await startSimulatedController({})
        const cloudflare = await startFakeCloudflare({})
        return {
          settings: settingsSchema.parse({
            unifi: {
              url: controller.url,
              site: 'default',
              username: controller.credentials.username,
              password: controller.credentials.password,
              tlsFingerprint: controller.fingerprint,
            },
            integrations: {
              cloudflare: { apiToken: cloudflare.token, accountId: cloudflare.accountId, apiUrl: cloudflare.url },
            },
          }),
          close: async () => {
            closed += 1
            await Promise.all([controller.close(), cloudflare.close()])
          },
        }
      },
    })
    const sent: string[] = []
    const services = createMainServices({
      settings: createMemorySettingsService(),
      runner: null,
      demo,
      appInfo: () => ({ name: 'u', version: '0', platform: 'linux', electronVersion: null, reportsDir }),
      push: createPush(() => [{ isDestroyed: () => false, send: (channel) => sent.push(channel) }]),
      pageUrl: 'file:///app/index.html',
      logger,
      dataDir,
      reportsDir: () => reportsDir,
      opener: {
        openPath: (file) => {
          opened.push(file)
          return Promise.resolve('')
        },
        showItemInFolder: () => undefined,
      },
    })
    services.trustedSenders.add(1)
    const call = (channel: string, payload?: unknown) =>
      services.dispatch(channel, { webContentsId: 1, frameUrl: 'file:///app/index.html' }, payload)
    try {
      const result = await call('reports:demo')
      expect(result).toMatchObject({ ok: true, value: { demo: true } })
      expect(closed).toBe(1)
      const list = await call('reports:list')
      expect(list).toMatchObject({ ok: true, value: { entries: [{ demo: true, formats: ['html', 'text'] }] } })
      expect(sent).toContain('reports:changed')
      const id = (list as { ok: true; value: { entries: Array<{ id: string }> } }).value.entries[0]!.id
      expect(await call('reports:open', { id })).toEqual({ ok: true, value: null })
      expect(opened[0]).toMatch(/demo[/\\]reports[/\\].+\.html$/)
      // The demo's state, history and files stay in its folders: nothing is copied into the real ones.
      expect(existsSync(path.join(dataDir, 'history.json'))).toBe(false)
      expect(existsSync(path.join(dataDir, 'state.json'))).toBe(false)
      expect(existsSync(reportsDir)).toBe(false)
      const demoHistory = await readHistory(path.join(dataDir, 'demo'), logger, Date.now())
      expect(demoHistory.entries.map((entry) => ({ id: entry.id, demo: entry.demo }))).toEqual([{ id, demo: true }])
      expect(existsSync(path.join(dataDir, 'demo', 'state.json'))).toBe(true)

      // Deleting it from the list removes it from the demo history, and the real history is still untouched.
      expect(await call('reports:delete', { id })).toMatchObject({ ok: true, value: { entries: [] } })
      expect((await readHistory(path.join(dataDir, 'demo'), logger, Date.now())).entries).toEqual([])
      expect(existsSync(path.join(dataDir, 'history.json'))).toBe(false)
    } finally {
      await services.close()
    }
  }, 60_000)
})
