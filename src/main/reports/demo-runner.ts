import path from 'node:path'
import type { Logger } from '../../core/logger.js'
import { appendHistory, readHistory } from '../../core/report/files/history.js'
import type { ReportProgress, ReportSummary } from '../../shared/ipc/payloads.js'
import type { Settings } from '../../shared/settings.js'
import { createEngineReportRunner } from './engine-runner.js'

/** A simulated controller and fake Cloudflare, running; `settings` point at them. */
export interface DemoBackends {
  settings: Settings
  close(): Promise<void>
}

export interface DemoRunnerOptions {
  /**
   * Starts the simulators. Injected because main may not import `src/simulator` (layer rule): the e2e harness
   * and any build that bundles the simulator pass it in.
   */
  startBackends: () => Promise<DemoBackends>
  logger: Logger
  appVersion: string
  dataDir: string
  reportsDir: () => string
  onProgress?: (progress: ReportProgress) => void
}

/**
 * "Try with demo data": one report from the simulators, marked demo. It keeps its own run state under
 * `<data>/demo` so it never moves the "since last report" window of real reports, writes its files to
 * `<reports>/demo` (inside the reports folder, so open/reveal/delete work) and is listed in the app's history.
 */
export function createDemoRunner(options: DemoRunnerOptions): () => Promise<ReportSummary> {
  return async () => {
    const demoDataDir = path.join(options.dataDir, 'demo')
    const backends = await options.startBackends()
    try {
      const runner = createEngineReportRunner({
        logger: options.logger,
        appVersion: options.appVersion,
        dataDir: demoDataDir,
        reportsDir: () => path.join(options.reportsDir(), 'demo'),
        demo: true,
      })
      const summary = await runner(
        backends.settings,
        (progress) => options.onProgress?.(progress),
        new AbortController().signal,
      )
      const now = Date.now()
      const [entry] = (await readHistory(demoDataDir, options.logger, now)).entries
      if (entry) await appendHistory(options.dataDir, entry, options.logger, now)
      return summary
    } finally {
      await backends.close().catch(() => undefined)
    }
  }
}
