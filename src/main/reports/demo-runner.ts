import { AbortedError } from '../../core/errors.js'
import type { Logger } from '../../core/logger.js'
import { demoFolders } from '../../core/pipeline/demo.js'
import { createReportSession } from '../../core/pipeline/report-session.js'
import type { ReportProgress, ReportSummary } from '../../shared/ipc/payloads.js'
import type { Settings } from '../../shared/settings.js'
import { summaryOrFailure } from './engine-runner.js'

/** A simulated controller and fake Cloudflare, running; `settings` point at them. */
export interface DemoBackends {
  settings: Settings
  close(): Promise<void>
}

export interface DemoRunnerOptions {
  /**
   * Starts the simulators. Injected because main may not import `src/simulator` (layer rule): the app runs them
   * in a utility process, the e2e harness and tests in-process.
   */
  startBackends: () => Promise<DemoBackends>
  logger: Logger
  appVersion: string
  /** The app's data folder; the demo keeps its own folders inside it (`demoFolders`). */
  dataDir: string
  onProgress?: (progress: ReportProgress) => void
}

/**
 * "Try with demo data": one report from the simulators through a report session of its own (its own runtime,
 * so demo runs never touch the real breakers), marked demo. State, history and files stay in the demo's
 * folders; the Reports screen lists the demo history beside the real one.
 */
export function createDemoRunner(options: DemoRunnerOptions): () => Promise<ReportSummary> {
  return async () => {
    const backends = await options.startBackends()
    const folders = demoFolders(options.dataDir)
    const session = createReportSession({
      logger: options.logger,
      appVersion: options.appVersion,
      folders: () => folders,
      demo: true,
    })
    try {
      const outcome = await session.run({
        settings: backends.settings,
        signal: new AbortController().signal,
        onProgress: (progress) => options.onProgress?.({ phase: progress.label, percent: progress.percent }),
      })
      if (outcome === null) throw new AbortedError('The demo run was cancelled; no report was written.')
      return summaryOrFailure(outcome, { demo: true })
    } finally {
      await session.close().catch(() => undefined)
      await backends.close().catch(() => undefined)
    }
  }
}
