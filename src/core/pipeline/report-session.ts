/**
 * One report session: what every shell holds to make reports — the CLI's `report`, `schedule` and `demo`, and
 * the tray app's "Generate report now" and "Try with demo data". Per run it takes that run's settings, chooses
 * the window, runs the pipeline against a fresh UniFi client (which writes the files, the history entry and the
 * run state into the session's folders), logs the run's warnings and hands back the outcome. The shells only
 * turn the outcome into their own words (`report --json`, a tray summary).
 *
 * The session keeps one integration runtime for its life, so breakers remember failures across runs: the one
 * its owner lends (the app's, whose status cards outlive any session), else one it makes at its first run and
 * stops in `close`. Each run's logout is tracked, so `close` can wait for it.
 *
 * A run holds its data folder's run lock (`files/run-lock.ts`) from before the window is chosen until its
 * delivery is done, so no other process (the app, `report`, `schedule`) runs a report on that folder meanwhile;
 * a busy folder refuses the run with `DataFolderBusyError`.
 */
import { integrations as registeredIntegrations } from '../integrations/registry.js'
import type { AnyIntegration } from '../integrations/contract.js'
import { createIntegrationRuntime, type IntegrationRuntime } from '../integrations/runner.js'
import type { UnifiExchangeRecord } from '../unifi/session.js'
import { createDeliveryRuntime, type DeliverableReport, type DeliveryRuntime } from '../delivery/runtime.js'
import { toScannerError } from '../errors.js'
import { acquireRunLock, type RunLock } from '../files/run-lock.js'
import type { Logger } from '../logger.js'
import type { ReportFormat, Settings } from '../../shared/settings.js'
import { BackgroundCloses } from './background-closes.js'
import type { RunProgress } from './deps.js'
import { DEMO_WINDOW_HOURS } from './demo.js'
import type { RunOutcome } from './outcome.js'
import { runReportWithController } from './run-with-controller.js'

/** Where a session's runs keep their files: `state.json` and `history.json`, and the reports. */
export interface SessionFolders {
  dataDir: string
  reportsDir: string
}

export interface ReportSessionOptions {
  logger: Logger
  appVersion: string
  /** The folders for a run's settings (the reports folder can be a setting). */
  folders: (settings: Settings) => SessionFolders
  /** Data comes from the simulators: every report says so and covers the simulator's last day by default. */
  demo?: boolean
  /** A runtime the owner keeps (and stops) itself; otherwise the session makes its own. */
  integrations?: IntegrationRuntime
  /** The integrations an own runtime runs (default: the registry). */
  registry?: readonly AnyIntegration[]
  /** A delivery runtime the owner keeps (and closes) itself; otherwise the session makes its own. */
  delivery?: DeliveryRuntime
  /** Where the runs' logouts are tracked (default: the session's own set, which `close` waits for). */
  closes?: BackgroundCloses
  /** Told of every exchange of a run with the UniFi console (the app's card: last calls, latency percentiles). */
  onUnifiExchange?: (record: UnifiExchangeRecord) => void
}

export interface SessionRunRequest {
  settings: Settings
  /** `--hours N` or `--since`; otherwise since the last complete report (a demo: its last day). */
  window?: { hours?: number | undefined; sinceMs?: number | undefined }
  /** Overrides the `report.format` setting for this run. */
  format?: ReportFormat | undefined
  signal: AbortSignal
  onProgress?: (progress: RunProgress) => void
  /** False: the configured delivery channels are skipped for this run (`report --no-deliver`). */
  deliver?: boolean
}

export interface ReportSession {
  /** The run's outcome, or null when it was cancelled before its files were written (nothing was left behind). */
  run(request: SessionRunRequest): Promise<RunOutcome | null>
  /** Waits (bounded) for the logouts of finished runs, then stops the session's own runtime. */
  close(): Promise<void>
}

const LOGOUT_WAIT_MS = 10_000

export function createReportSession(options: ReportSessionOptions): ReportSession {
  const { logger } = options
  const closes = options.closes ?? new BackgroundCloses()
  let own: IntegrationRuntime | null = null
  const runtimeFor = (settings: Settings): IntegrationRuntime => {
    if (options.integrations) return options.integrations
    own ??= createIntegrationRuntime({ integrations: options.registry ?? registeredIntegrations, settings, logger })
    return own
  }
  let ownDelivery: DeliveryRuntime | null = null
  const deliveryRuntime = (): DeliveryRuntime => {
    if (options.delivery) return options.delivery
    ownDelivery ??= createDeliveryRuntime({ logger })
    return ownDelivery
  }
  return {
    async run(request) {
      const settings = request.format
        ? { ...request.settings, report: { ...request.settings.report, format: request.format } }
        : request.settings
      const folders = options.folders(settings)
      const window = chooseWindow(request.window, options.demo === true)
      let written: DeliverableReport | null = null
      let held: RunLock | null = null
      try {
        held = await acquireRunLock(folders.dataDir, { logger })
        const outcome = await runReportWithController(
          {
            settings,
            integrations: runtimeFor(settings),
            logger,
            appVersion: options.appVersion,
            reportsDir: folders.reportsDir,
            dataDir: folders.dataDir,
            closes,
            ...(options.onUnifiExchange ? { onUnifiExchange: options.onUnifiExchange } : {}),
          },
          {
            signal: request.signal,
            ...(options.demo ? { demo: true } : {}),
            ...(window ? { window } : {}),
            ...(request.onProgress ? { onProgress: request.onProgress } : {}),
            onWritten: (report) => {
              written = report
            },
          },
        )
        // The pipeline only resolves once the files are written (a cancellation before that throws): a signal
        // arriving after that point does not undo the report, so the outcome stands.
        for (const warning of outcome.warnings) logger.warn(warning)
        // Delivery only reports: a report that was written stays written, whatever the channels answer.
        const delivered = await deliveryRuntime()
          .deliver({
            settings,
            dataDir: folders.dataDir,
            report: written,
            signal: request.signal,
            off: request.deliver === false,
          })
          .catch((error: unknown) => {
            const message = `Delivery could not run: ${toScannerError(error).message}`
            logger.warn(message)
            return { results: [], warnings: [message] }
          })
        return { ...outcome, delivery: delivered.results, warnings: [...outcome.warnings, ...delivered.warnings] }
      } catch (error) {
        // Cancellation surfaces as an error from whichever step was running; the pipeline removed its files.
        if (request.signal.aborted) return null
        throw error
      } finally {
        await held?.release()
      }
    },
    async close() {
      // Each logout is bounded by its own timeout; this is only a backstop.
      await closes.settle(LOGOUT_WAIT_MS)
      await own?.close()
      await ownDelivery?.close()
    },
  }
}

function chooseWindow(
  requested: SessionRunRequest['window'],
  demo: boolean,
): { hours?: number; sinceMs?: number } | null {
  if (requested?.hours !== undefined) return { hours: requested.hours }
  if (requested?.sinceMs !== undefined) return { sinceMs: requested.sinceMs }
  return demo ? { hours: DEMO_WINDOW_HOURS } : null
}
