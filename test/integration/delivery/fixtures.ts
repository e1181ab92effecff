/** A report to deliver (the unit tests' sample run) and settings with delivery channels on loopback. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DeliverableReport } from '../../../src/core/delivery/runtime.js'
import { buildReportModel } from '../../../src/core/report/build-model.js'
import { renderText } from '../../../src/core/report/text/render-text.js'
import type { Coverage } from '../../../src/core/unifi/coverage.js'
import { settingsSchema, type Settings, type SettingsInput } from '../../../src/shared/settings.js'
import { reportInput } from '../../unit/report/sample-run.js'

const READ = { state: 'read', records: 10, rejected: 0, reason: null } as const

export function sampleReport(coverage: Partial<Coverage> = {}): DeliverableReport {
  const model = buildReportModel(reportInput())
  return {
    model,
    coverage: { events: READ, alarms: READ, threats: READ, devices: READ, health: READ, posture: READ, ...coverage },
    files: {
      html: '/reports/unifi-report-2026-12-03-080000.html',
      text: '/reports/unifi-report-2026-12-03-080000.txt',
    },
    text: renderText(model),
    timezone: 'America/New_York',
  }
}

export function deliverySettings(delivery: SettingsInput['delivery']): Settings {
  return settingsSchema.parse({ delivery, breaker: { failMax: 2, resetTimeoutMs: 600_000, timeoutMs: 5_000 } })
}

export async function tempData(): Promise<{ path: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'delivery-'))
  return { path: dir, remove: () => rm(dir, { recursive: true, force: true }) }
}
