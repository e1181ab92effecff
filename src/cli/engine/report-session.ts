/**
 * A report session binds the engine together for the CLI: one integration runtime for the whole process (so
 * `schedule` keeps breaker state across runs) and a fresh UniFi client per run (one login, logged out after).
 * `runOnce` returns the `report --json` object, or null when the run was interrupted before anything was written.
 */
import type { Logger } from '../../core/logger.js'
import { integrations } from '../../core/integrations/registry.js'
import { createIntegrationRuntime } from '../../core/integrations/runner.js'
import { BackgroundCloses } from '../../core/pipeline/background-closes.js'
import { runReportWithController } from '../../core/pipeline/run-with-controller.js'
import { toRunJson, type RunJson } from '../../core/pipeline/run-json.js'
import type { Settings } from '../../shared/settings.js'
import type { WindowChoice } from '../args.js'
import { CLI_VERSION } from '../version.js'

export interface ReportSessionOptions {
  settings: Settings
  logger: Logger
  /** Where state.json and history.json live. */
  dataDir: string
  reportsDir: string
  /** Data comes from the simulators: the report says so. */
  demo: boolean
}

export interface RunResult {
  json: RunJson
  /** The certificate fingerprint the controller presented when TLS trust failed, so the admin can pin it. */
  presentedFingerprint: string | null
}

export interface ReportSession {
  runOnce(options: { window: WindowChoice; signal: AbortSignal }): Promise<RunResult | null>
  /** Waits for the logouts of finished runs, then stops the integration runtime (aborts calls, shuts breakers). */
  close(): Promise<void>
}

const LOGOUT_WAIT_MS = 10_000

export function createReportSession(options: ReportSessionOptions): ReportSession {
  const { settings, logger } = options
  const runtime = createIntegrationRuntime({ integrations, settings, logger })
  const closes = new BackgroundCloses()
  return {
    async runOnce({ window, signal }) {
      try {
        const outcome = await runReportWithController(
          {
            settings,
            integrations: runtime,
            logger,
            appVersion: CLI_VERSION,
            reportsDir: options.reportsDir,
            dataDir: options.dataDir,
            closes,
          },
          {
            signal,
            demo: options.demo,
            window: {
              ...(window.hours === undefined ? {} : { hours: window.hours }),
              ...(window.since === undefined ? {} : { sinceMs: window.since }),
            },
          },
        )
        // The pipeline only resolves once the files are written (a cancellation before that throws): a signal
        // arriving after that point does not undo the report, so the outcome stands.
        for (const warning of outcome.warnings) logger.warn(warning)
        return { json: toRunJson(outcome), presentedFingerprint: outcome.unifi.error?.presentedFingerprint ?? null }
      } catch (error) {
        // Cancellation surfaces as an error from whichever step was running; the pipeline removed its files.
        if (signal.aborted) return null
        throw error
      }
    },
    async close() {
      // Logouts of finished runs (each bounded by its own timeout; this is only a backstop).
      await closes.settle(LOGOUT_WAIT_MS)
      await runtime.close()
    },
  }
}
