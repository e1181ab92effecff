import { ConfigError, ScannerError, toPublicFailure, toScannerError } from '../../core/errors.js'
import type { DeliveryRuntime } from '../../core/delivery/runtime.js'
import type { UnifiExchangeRecord } from '../../core/unifi/session.js'
import type { IntegrationRuntime } from '../../core/integrations/runner.js'
import type { Logger } from '../../core/logger.js'
import type { ReportProgress, ReportSummary } from '../../shared/ipc/payloads.js'
import type { Settings } from '../../shared/settings.js'
import type { FinishedRun, ReportTrigger } from '../schedule/schedule-notice.js'
import type { SettingsSource } from '../settings/settings-source.js'
import { NO_REPORT_ENGINE_REASON, UNIFI_NOT_CONFIGURED_REASON } from '../status/compute-status.js'
import type { StatusStore } from '../status/status-store.js'
import { isUnifiConfigured } from '../status/unifi-configured.js'

/**
 * What the app lends a run: its long-lived integration and delivery runtimes, so breakers and live cards span
 * reports.
 */
export interface ReportRunContext {
  integrations: IntegrationRuntime
  delivery?: DeliveryRuntime
  /** Every request of the run to the UniFi console (the card's last calls and latencies). */
  onUnifiExchange?: (record: UnifiExchangeRecord) => void
}

/** Produces one report: the engine's pipeline behind a function, so main and tests can swap it. */
export type ReportRunner = (
  settings: Settings,
  onProgress: (progress: ReportProgress) => void,
  signal: AbortSignal,
  context?: ReportRunContext,
) => Promise<ReportSummary>

export interface ReportJobDeps {
  /** Null when the build has no engine wired in: "Generate report now" then stays disabled with that reason. */
  runner: ReportRunner | null
  settings: SettingsSource
  status: StatusStore
  /** After a report was written (history changed) or failed; for notifications and the history push. */
  onFinished?: (outcome: FinishedRun) => void
  context?: () => ReportRunContext
  logger: Logger
  now?: () => number
}

/** Runs at most one report at a time and keeps the shared status (tray, window) in step with it. */
export class ReportJob {
  private running: AbortController | null = null

  constructor(private readonly deps: ReportJobDeps) {}

  isRunning(): boolean {
    return this.running !== null
  }

  /** `trigger`: who asked (the schedule's runs notify by its policy; the admin's always). */
  async generate(options: { trigger?: ReportTrigger } = {}): Promise<ReportSummary> {
    const trigger = options.trigger ?? 'manual'
    if (this.running) {
      throw new ScannerError('config', 'REPORT_ALREADY_RUNNING', 'A report is already being generated; wait for it.')
    }
    const settings = this.deps.settings.read()
    const unifiConfigured = isUnifiConfigured(settings)
    this.deps.status.update({ unifiConfigured })
    if (!unifiConfigured) throw new ConfigError(UNIFI_NOT_CONFIGURED_REASON, undefined, { code: 'UNIFI_NOT_CONFIGURED' })
    const runner = this.deps.runner
    if (!runner) throw new ConfigError(NO_REPORT_ENGINE_REASON, undefined, { code: 'NO_REPORT_ENGINE' })

    const controller = new AbortController()
    this.running = controller
    const onProgress = (progress: ReportProgress): void => {
      if (this.running !== controller) return
      // The window sees progress in the status push; nothing else listens for it.
      this.deps.status.update({ progress })
    }
    onProgress({ phase: 'starting', percent: 0 })
    try {
      const summary = await runner(settings, onProgress, controller.signal, this.deps.context?.())
      this.deps.logger.info('report finished', { id: summary.id, files: summary.files.length })
      this.deps.status.update({ progress: null, lastReport: summary, lastError: null, lastErrorAt: null })
      this.deps.onFinished?.({ summary, trigger })
      return summary
    } catch (error) {
      const failure = toScannerError(error)
      this.deps.logger.warn('report failed', { code: failure.code, kind: failure.kind })
      const now = this.deps.now ?? Date.now
      this.deps.status.update({ progress: null, lastError: toPublicFailure(failure), lastErrorAt: now() })
      this.deps.onFinished?.({ error: failure, trigger })
      throw failure
    } finally {
      this.running = null
    }
  }

  /**
   * Cancels the running report, if any ("Cancel report", quit): the pipeline sees the AbortSignal, removes what it
   * had staged and writes nothing; the run then fails as `aborted`. False when no report was running.
   */
  cancel(): boolean {
    if (!this.running || this.running.signal.aborted) return false
    this.running.abort()
    return true
  }
}
