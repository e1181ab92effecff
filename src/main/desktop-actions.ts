import { readFile } from 'node:fs/promises'
import { ConfigError, toPublicFailure, toScannerError } from '../core/errors.js'
import { integrations as registeredIntegrations } from '../core/integrations/registry.js'
import { createIntegrationRuntime } from '../core/integrations/runner.js'
import type { Logger } from '../core/logger.js'
import type { ValidInvokeRequest } from '../shared/ipc/contract.js'
import type {
  AppStatus,
  ConnectionTest,
  ReportHistory,
  ReportSummary,
  SettingsView,
  UnifiTestResult,
} from '../shared/ipc/payloads.js'
import { settingsSchema } from '../shared/settings.js'
import { testUnifiDraft, type UnifiDraft } from './connections/unifi-tester.js'
import type { ReportHistoryService } from './reports/report-history.js'
import type { RuntimeHost } from './runtime/runtime-host.js'
import type { SettingsService } from './settings/settings-service.js'
import type { UnifiCardState } from './status/unifi-card.js'

/** Native dialogs; Electron's `dialog` in the app, scripted answers in tests. Null = cancelled. */
export interface Dialogs {
  chooseFolder(): Promise<string | null>
  chooseCaFile(): Promise<string | null>
}

export interface DesktopActionsDeps {
  settings: SettingsService
  runtime: RuntimeHost
  unifiCard: UnifiCardState
  history: ReportHistoryService
  dialogs: Dialogs
  logger: Logger
  /** Re-derives the status from the current facts and pushes it. */
  refreshStatus: () => AppStatus
  /** After a report was written or deleted: pushes `reports:changed`. */
  historyChanged: (history: ReportHistory) => void
  /** Runs the simulator-backed demo report; null where this build cannot (the CLI has `unifi-scanner demo`). */
  demo: (() => Promise<ReportSummary>) | null
  /** Ports probed for a URL without one (tests aim them at a loopback simulator). */
  probePorts?: number[]
}

/** The settings window's actions that need more than one service: each one small, each one tested. */
export class DesktopActions {
  constructor(private readonly deps: DesktopActionsDeps) {}

  get history(): ReportHistoryService {
    return this.deps.history
  }

  get dialogs(): Dialogs {
    return this.deps.dialogs
  }

  refreshStatus(): AppStatus {
    return this.deps.refreshStatus()
  }

  async testUnifi(draft: UnifiDraft): Promise<UnifiTestResult> {
    try {
      const result = await testUnifiDraft(this.deps.settings.read(), draft, {
        logger: this.deps.logger,
        ...(this.deps.probePorts ? { probePorts: this.deps.probePorts } : {}),
      })
      this.deps.unifiCard.tested(result)
      return result
    } catch (error) {
      this.deps.unifiCard.failed(toPublicFailure(toScannerError(error)))
      throw toScannerError(error)
    } finally {
      this.deps.refreshStatus()
    }
  }

  saveUnifi(patch: { tlsFingerprint?: string; caFile?: string; site?: string }): SettingsView {
    const result = this.deps.settings.update({ unifi: patch })
    if (!result.saved) {
      throw new ConfigError(result.fieldErrors.map((error) => error.message).join('; '))
    }
    return result.settings
  }

  async chooseCaFile(): Promise<{ path: string | null; settings: SettingsView }> {
    const chosen = await this.deps.dialogs.chooseCaFile()
    if (chosen === null) return { path: null, settings: this.deps.settings.view() }
    const text = await readFile(chosen, 'utf8').catch(() => '')
    if (!text.includes('-----BEGIN CERTIFICATE-----')) {
      throw new ConfigError(
        'That file is not a PEM certificate (it has no "BEGIN CERTIFICATE" block). Choose the CA certificate that signed the console certificate, or trust its fingerprint instead.',
        undefined,
        { code: 'CA_FILE_INVALID' },
      )
    }
    return { path: chosen, settings: this.saveUnifi({ caFile: chosen }) }
  }

  /** The reports folder is only ever named by this dialog; main saves it. */
  async chooseReportsFolder(): Promise<{ path: string | null; settings: SettingsView }> {
    const chosen = await this.deps.dialogs.chooseFolder()
    if (chosen === null) return { path: null, settings: this.deps.settings.view() }
    const result = this.deps.settings.update({ report: { outputDir: chosen } })
    if (!result.saved) {
      throw new ConfigError(result.fieldErrors.map((error) => error.message).join('; '), undefined, {
        code: 'OUTPUT_DIR_INVALID',
      })
    }
    return { path: chosen, settings: result.settings }
  }

  async verifyCloudflare(draft: ValidInvokeRequest<'cloudflare:verify-token'>): Promise<ConnectionTest> {
    const stored = this.deps.settings.read()
    const settings = settingsSchema.parse({
      ...stored,
      cloudflare: {
        ...stored.cloudflare,
        ...(draft.apiToken !== undefined ? { apiToken: draft.apiToken } : {}),
        ...(draft.accountId !== undefined ? { accountId: draft.accountId } : {}),
      },
    })
    const cloudflare = registeredIntegrations.filter((integration) => integration.id === 'cloudflare')
    // A throwaway runtime: a draft token is tested outside the app's breaker, whose state it must not touch.
    const runtime = createIntegrationRuntime({ integrations: cloudflare, settings, logger: this.deps.logger })
    try {
      return await runtime.testConnection('cloudflare')
    } finally {
      await runtime.close()
    }
  }

  retryNow(id: string): boolean {
    return this.deps.runtime.retryNow(id)
  }

  async deleteReport(id: string): Promise<ReportHistory> {
    const history = await this.deps.history.remove(id)
    this.deps.historyChanged(history)
    return history
  }

  async runDemo(): Promise<ReportSummary> {
    if (!this.deps.demo) {
      throw new ConfigError(
        'Demo data is not available in this build of the app. Run "unifi-scanner demo" from the command line instead.',
        undefined,
        { code: 'NO_DEMO' },
      )
    }
    const summary = await this.deps.demo()
    this.deps.historyChanged(await this.deps.history.list())
    return { ...summary, demo: true }
  }
}
