import { ScannerError, type ErrorKind } from '../../core/errors.js'
import { integrations } from '../../core/integrations/registry.js'
import { createIntegrationRuntime } from '../../core/integrations/runner.js'
import type { Logger } from '../../core/logger.js'
import { runReportWithController } from '../../core/pipeline/run-with-controller.js'
import { incompleteText } from '../../core/pipeline/history-entry.js'
import type { RunOutcome } from '../../core/pipeline/outcome.js'
import type { ReportSummary } from '../../shared/ipc/payloads.js'
import type { ReportRunner } from './report-job.js'

export interface EngineRunnerOptions {
  logger: Logger
  appVersion: string
  /** Where state.json and history.json live (the app's data folder). */
  dataDir: string
  /** The reports folder for the given settings. */
  reportsDir: (outputDir: string | undefined) => string
  /** Demo data: the report says so, and covers the simulator's last 24 hours. */
  demo?: boolean
}

const KNOWN_KINDS: readonly ErrorKind[] = [
  'auth',
  'rate-limited',
  'config',
  'tls-untrusted',
  'unreachable',
  'server',
  'timeout',
  'too-large',
  'parse',
  'aborted',
  'internal',
]

/**
 * The report engine behind "Generate report now": the same pipeline the CLI runs (UniFi collection and the
 * integrations in parallel, analysis, HTML/text files, history). A run whose UniFi part failed still writes a
 * report that explains it, but counts as failed for the tray and the window, with the engine's message.
 */
export function createEngineReportRunner(options: EngineRunnerOptions): ReportRunner {
  return async (settings, onProgress, signal, context) => {
    const { logger } = options
    // The app's runtime when lent (breakers span runs); a run-scoped one otherwise.
    const runtime = context?.integrations ?? createIntegrationRuntime({ integrations, settings, logger })
    try {
      const outcome = await runReportWithController(
        {
          settings,
          integrations: runtime,
          logger,
          appVersion: options.appVersion,
          reportsDir: options.reportsDir(settings.report.outputDir),
          dataDir: options.dataDir,
        },
        {
          signal,
          onProgress: (progress) => onProgress({ phase: progress.label, percent: progress.percent }),
          ...(options.demo ? { demo: true, window: { hours: 24 } } : {}),
        },
      )
      for (const warning of outcome.warnings) logger.warn(warning)
      const failure = outcome.unifi.error
      if (failure) {
        const kind = KNOWN_KINDS.find((known) => known === failure.kind) ?? 'config'
        throw new ScannerError(kind, failure.code, failure.message)
      }
      return { ...toSummary(outcome), ...(options.demo ? { demo: true } : {}) }
    } finally {
      if (!context) await runtime.close().catch(() => undefined)
    }
  }
}

function toSummary(outcome: RunOutcome): ReportSummary {
  const { severe, medium, low } = outcome.report.findings
  const incomplete = outcome.complete ? null : incompleteText(outcome.coverage)
  const counts = `${severe} severe, ${medium} medium and ${low} low findings`
  return {
    id: outcome.generatedAt,
    finishedAt: Date.parse(outcome.generatedAt),
    headline: incomplete === null ? counts : `${incomplete} At least ${counts}`,
    severe,
    files: [outcome.report.html, outcome.report.text].filter((file): file is string => file !== null),
    ...(incomplete === null ? {} : { incomplete }),
  }
}
