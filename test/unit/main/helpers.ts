import { createMemoryLogger } from '../../../src/core/logger.js'
import type { PushTarget } from '../../../src/main/ipc/push.js'
import { createPush } from '../../../src/main/ipc/push.js'
import type { ReportRunner } from '../../../src/main/reports/report-job.js'
import { createMainServices, type MainServicesDeps } from '../../../src/main/services.js'
import { createMemorySettingsService } from '../../../src/main/settings/create-settings-service.js'
import type { SettingsService } from '../../../src/main/settings/settings-service.js'
import { settingsSchema, type SettingsInput } from '../../../src/shared/settings.js'

export const PAGE_URL = 'file:///app/out/renderer/index.html'
export const TRUSTED = { webContentsId: 7, frameUrl: PAGE_URL }

export function memorySettings(input: SettingsInput = {}): SettingsService & { set(input: SettingsInput): void } {
  const service = createMemorySettingsService(input)
  return Object.assign(service, { set: (next: SettingsInput) => service.replace(settingsSchema.parse(next)) })
}

export const CONFIGURED: SettingsInput = { unifi: { url: 'https://192.0.2.1', apiKey: 'key-AAAA-secret-value' } }

/** Collects pushes as the renderer would receive them. */
export function recordingTarget(): PushTarget & { sent: Array<{ channel: string; payload: unknown }> } {
  const sent: Array<{ channel: string; payload: unknown }> = []
  return { sent, isDestroyed: () => false, send: (channel, payload) => sent.push({ channel, payload }) }
}

export function servicesFor(
  options: {
    settings?: SettingsService
    runner?: ReportRunner | null
    dataDir?: string
    updates?: MainServicesDeps['updates']
  } = {},
) {
  const target = recordingTarget()
  const logger = createMemoryLogger()
  let clock = 1_000
  const services = createMainServices({
    settings: options.settings ?? memorySettings(),
    runner: options.runner === undefined ? null : options.runner,
    appInfo: () => ({
      name: 'unifi-scanner',
      version: '0.1.0',
      platform: 'linux',
      electronVersion: null,
      reportsDir: '/r',
    }),
    push: createPush(() => [target]),
    pageUrl: PAGE_URL,
    logger,
    dataDir: options.dataDir ?? '/nonexistent/unifi-scanner-data',
    reportsDir: () => '/r',
    now: () => (clock += 1),
    ...(options.updates ? { updates: options.updates } : {}),
  })
  services.trustedSenders.add(TRUSTED.webContentsId)
  return { services, target, logger }
}
