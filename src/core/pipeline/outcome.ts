/** The result of one report run: everything the tray, the UI and the CLI's `report --json` need. */
import type { DeliveryResult } from '../delivery/result.js'
import type { IntegrationOutcome } from '../integrations/contract.js'
import type { UnifiFailure } from '../report/input.js'
import type { SectionFindingCounts } from '../report/section.js'
import type { Coverage } from '../unifi/coverage.js'
import type { ControllerKind } from '../unifi/model.js'
import type { ExitCodeValue } from '../exit-codes.js'
import type { ChangesJson } from './changes.js'
import type { PostureJson } from './posture.js'

export interface RunOutcome {
  /** A report was written, the UniFi collection succeeded and every core source could be read. */
  ok: boolean
  /**
   * `ExitCode` of core/exit-codes.ts: 0 written; 1–5 by the UniFi failure class; 6 written but incomplete
   * (integration failures never change it).
   */
  exitCode: ExitCodeValue
  /** No core source (events, threats, devices) was unavailable. */
  complete: boolean
  /** What could be read of each UniFi source. */
  coverage: Coverage
  /** ISO 8601 with offset in the report timezone. */
  generatedAt: string
  report: {
    html: string | null
    text: string | null
    findings: SectionFindingCounts
    /** Threat events in the window (0 when threat data was unavailable). */
    threats: number
    unhealthyDevices: number
  }
  /** The period the report covers (ISO with offset). */
  window: { since: string; until: string }
  unifi: {
    ok: boolean
    controller: ControllerKind | null
    version: string | null
    /** Site short name. */
    site: string | null
    sources: { events: string; alarms: string; threats: string[] }
    error: UnifiFailure | null
  }
  integrations: IntegrationOutcome[]
  /** The configuration posture (score, checks, compound risks, the previous report's score); empty when not assessed. */
  posture: PostureJson
  /** What changed since the previous complete report of the site (`report --json`'s `changes`). */
  changes: ChangesJson
  timing: { totalMs: number; unifiMs: number; integrationsMs: number }
  /** One line per delivery channel (and per late delivery); absent when the shell does not deliver. */
  delivery?: DeliveryResult[]
  /** Problems that did not stop the run (corrupt state or history, a file that could not be written …). */
  warnings: string[]
}
