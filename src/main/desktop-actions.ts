import { readFile } from 'node:fs/promises'
import { ConfigError, toPublicFailure, toScannerError } from '../core/errors.js'
import { integrations as registeredIntegrations } from '../core/integrations/registry.js'
import { createIntegrationRuntime } from '../core/integrations/runner.js'
import type { Logger } from '../core/logger.js'
import type {
  AppStatus,
  ConnectionTest,
  ReportHistory,
  ReportSummary,
  SettingsView,
  UnifiTestResult,
} from '../shared/ipc/payloads.js'
import type { IntegrationValue } from '../shared/settings.js'
import type { AnyIntegration } from '../core/integrations/contract.js'
import { integrationIssues, storedValues } from '../core/integrations/values.js'
import { testUnifiDraft, type UnifiDraft } from './connections/unifi-tester.js'
import type { ReportHistoryService } from './reports/report-history.js'
import type { RuntimeHost } from './runtime/runtime-host.js'
import type { SettingsService } from './settings/settings-service.js'
import type { UnifiCardState } from './status/unifi-card.js'
import { integrationTarget } from './settings/secret-binding.js'
import { asSentence } from '../shared/text/message-parts.js'
import type { DeliveryTestResult } from '../shared/ipc/delivery-payloads.js'
import { testDeliveryDraft, type DeliveryTestDraft } from './delivery/delivery-tester.js'

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
  /** The registry; tests pass their own. */
  integrations?: readonly AnyIntegration[]
}

/** The settings window's actions that need more than one service: each one small, each one tested. */
export class DesktopActions {
  constructor(private readonly deps: DesktopActionsDeps) {}

  private get integrations(): readonly AnyIntegration[] {
    return this.deps.integrations ?? registeredIntegrations
  }

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
        onExchange: (record) => this.deps.unifiCard.exchange(record),
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

  /**
   * "Test connection" of an integration with what the form holds: `draft` values (secrets included, typed but not
   * saved) over the stored ones. A draft that does not pass the integration's schema is answered, not thrown.
   */
  async testIntegration(id: string, draft: Readonly<Record<string, IntegrationValue>>): Promise<ConnectionTest> {
    const integration = this.integrations.find((candidate) => candidate.id === id)
    if (!integration) return { ok: false, message: `There is no integration called "${id}".` }
    const stored = this.deps.settings.read()
    const values: Record<string, IntegrationValue> = { ...storedValues(stored, id), ...draft }
    const settings = { ...stored, integrations: { ...stored.integrations, [id]: values } }
    // A stored secret goes only where it was saved for: a draft aimed at another address must bring its own.
    if (integrationTarget(integration, stored) !== integrationTarget(integration, settings)) {
      for (const field of integration.fields) {
        if (field.kind === 'secret' && !Object.hasOwn(draft, field.key)) delete values[field.key]
      }
    }
    const issues = integrationIssues([integration], settings.integrations)
    if (issues.length > 0) {
      const fields = issues.map((issue) => `${issue.path.split('.').at(-1) ?? ''} ${issue.message}`).join('; ')
      return { ok: false, message: asSentence(`${integration.displayName}: ${fields}`) }
    }
    // A throwaway runtime: a draft is tested outside the app's breaker, whose state it must not touch.
    const runtime = createIntegrationRuntime({ integrations: [integration], settings, logger: this.deps.logger })
    try {
      return await runtime.testConnection(id)
    } finally {
      await runtime.close()
    }
  }

  /** "Send test" of one delivery channel as the form holds it (see `delivery-tester.ts` for whose secrets go). */
  testDelivery(draft: DeliveryTestDraft): Promise<DeliveryTestResult> {
    return testDeliveryDraft(this.deps.settings.read(), draft, { logger: this.deps.logger })
  }

  retryNow(id: string): boolean {
    return this.deps.runtime.retryNow(id)
  }

  /** "Pause" / "Resume" on a card: the admin's own setting, so it is saved and outlives a restart. */
  setPaused(id: string, paused: boolean): { paused: boolean } {
    const result = this.deps.settings.update({ sources: { [id]: { paused } } })
    if (!result.saved) {
      throw new ConfigError(result.fieldErrors.map((error) => `${error.path} ${error.message}`).join('; '), undefined, {
        code: 'SOURCE_UNKNOWN',
      })
    }
    this.deps.logger.info(paused ? 'source paused by the admin' : 'source resumed by the admin', { integration: id })
    return { paused }
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
