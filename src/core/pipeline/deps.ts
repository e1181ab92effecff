/**
 * What one report run needs, as narrow structural interfaces: the real UniFi client and integration
 * runtime satisfy them, and tests can substitute fakes for a single piece.
 */
import type { DeliverableReport } from '../delivery/runtime.js'
import type { Renderers } from './render-report.js'
import type { AnalysisResult } from '../analysis/model.js'
import type { IntegrationOutcome } from '../integrations/contract.js'
import type { Logger } from '../logger.js'
import type { ReportSection } from '../report/section.js'
import type { HealthThresholds, ReportFormat, Settings } from '../../shared/settings.js'
import type { ReportWindow, UnifiCollection } from '../unifi/model.js'
import type { UnifiRunAccess } from '../unifi/run-access.js'

export interface UnifiSource {
  collect(
    window: ReportWindow,
    signal: AbortSignal,
    onProgress?: (progress: { step: string; percent: number }) => void,
  ): Promise<UnifiCollection>
  /** Memoised access for integrations riding on the same session (CyberSecure). */
  runAccess(window: ReportWindow): UnifiRunAccess
}

export interface IntegrationRunner {
  /** One outcome per registered integration; never rejects. */
  run(request: {
    window: ReportWindow
    signal?: AbortSignal
    unifi: UnifiRunAccess | null
    settings?: Settings
    /** The data folder, below which each integration keeps its cache. */
    dataDir?: string
  }): Promise<IntegrationOutcome[]>
  /** Told which outcomes a written report carries, for the cards' "the last 2 reports have no … section". */
  recordReport?(outcomes: readonly IntegrationOutcome[]): void
}

export type Analyse = (
  collection: UnifiCollection,
  options: { thresholds: HealthThresholds; now?: () => number },
) => AnalysisResult

export interface PipelineDeps {
  settings: Settings
  unifi: UnifiSource
  integrations: IntegrationRunner
  /** Defaults to the analysis engine's `analyse`. */
  analyse?: Analyse
  /** The HTML and text renderers (tests replace one to prove the other still writes its file). */
  renderers?: Renderers
  /** The note section of a non-ok outcome; defaults to the integration runtime's `sectionForOutcome`. */
  describeOutcome?: (outcome: IntegrationOutcome, timezone: string) => ReportSection | null
  logger: Logger
  appVersion: string
  /** Where report files go. */
  reportsDir: string
  /** Where `state.json` and `history.json` live. */
  dataDir: string
  /** Wall clock (epoch ms). */
  now?: () => number
  /** Monotonic clock for durations (ms). */
  clock?: () => number
}

export type RunPhase = 'preparing' | 'collecting' | 'analysing' | 'rendering' | 'writing' | 'done'

export interface RunProgress {
  phase: RunPhase
  /** 0–100, never decreasing within a run. */
  percent: number
  /** Short label for the tray and UI, e.g. "collecting threats". */
  label: string
}

export interface RunReportOptions {
  /** Defaults to the `report.format` setting. */
  format?: ReportFormat
  signal?: AbortSignal
  onProgress?: (progress: RunProgress) => void
  /** `--hours N` / `--since ISO` from the CLI; otherwise since the last successful report. */
  window?: { hours?: number; sinceMs?: number }
  /** Data comes from the simulated controller: the report says so. */
  demo?: boolean
  title?: string
  /** Called once the report files are written, with what delivery sends (model and text already scrubbed). */
  onWritten?: (report: DeliverableReport) => void
}
