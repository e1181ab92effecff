import { AbortedError, ScannerError, type ErrorKind } from '../../core/errors.js'
import type { Logger } from '../../core/logger.js'
import { processCloses } from '../../core/pipeline/run-with-controller.js'
import { createReportSession, type ReportSession, type SessionFolders } from '../../core/pipeline/report-session.js'
import { toReportSummary } from '../../core/pipeline/report-summary.js'
import type { RunOutcome } from '../../core/pipeline/outcome.js'
import type { ReportSummary } from '../../shared/ipc/payloads.js'
import type { Settings } from '../../shared/settings.js'
import type { ReportRunContext, ReportRunner } from './report-job.js'

export interface EngineRunnerOptions {
  logger: Logger
  appVersion: string
  /** Where the runs keep state, history and reports (the reports folder can be a setting). */
  folders: (settings: Settings) => SessionFolders
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
 * "Generate report now": the app's report session (the one the CLI holds too) behind `ReportJob`. It runs on
 * the app's integration and delivery runtimes, lent at the first run, so breakers and cards span reports; logouts run behind
 * the outcome for the life of the app. A run whose UniFi part failed still writes a report that explains it,
 * but counts as failed for the tray and the window, with the engine's message.
 */
export function createEngineReportRunner(options: EngineRunnerOptions): ReportRunner {
  const sessionOn = (context: ReportRunContext | undefined): ReportSession =>
    createReportSession({
      logger: options.logger,
      appVersion: options.appVersion,
      folders: options.folders,
      ...(context ? { integrations: context.integrations, closes: processCloses } : {}),
      ...(context?.delivery ? { delivery: context.delivery } : {}),
      ...(context?.onUnifiExchange ? { onUnifiExchange: context.onUnifiExchange } : {}),
    })
  let lent: ReportSession | null = null
  return async (settings, onProgress, signal, context) => {
    // Without the app's runtime (a bare runner), the run gets a session of its own, closed after it.
    const session = context ? (lent ??= sessionOn(context)) : sessionOn(undefined)
    try {
      const outcome = await session.run({
        settings,
        signal,
        onProgress: (progress) => onProgress({ phase: progress.label, percent: progress.percent }),
      })
      if (outcome === null) throw new AbortedError('The report run was cancelled; no report was written.')
      return summaryOrFailure(outcome)
    } finally {
      if (!context) await session.close()
    }
  }
}

/** A run whose UniFi part failed: the console answered with (or could not be reached for) this error. */
export class ConsoleContactError extends ScannerError {}

/** The tray's summary of a written report, or the UniFi failure it explains as the error the tray shows. */
export function summaryOrFailure(outcome: RunOutcome, options: { demo?: boolean } = {}): ReportSummary {
  const failure = outcome.unifi.error
  if (failure) {
    const kind = KNOWN_KINDS.find((known) => known === failure.kind) ?? 'config'
    throw new ConsoleContactError(kind, failure.code, failure.message)
  }
  return toReportSummary(outcome, options)
}
