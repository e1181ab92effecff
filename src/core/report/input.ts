/**
 * What the report model is built from: the outcome of one run's UniFi collection (data or the error that
 * stopped it), the integration outcomes, and the run's context (time, timezone, version, demo flag).
 */
import type { AnalysisResult } from '../analysis/model.js'
import type { FailureClass } from '../exit-codes.js'
import type { ControllerInfo, SiteRef, UnifiCollection } from '../unifi/model.js'
import type { AddressNote } from './address-notes.js'
import type { PostureDrift } from '../analysis/posture/drift.js'
import type { PostureAssessment } from '../analysis/posture/model.js'
import type { FindingChanges } from '../analysis/changes/compare.js'
import type { ClientChanges } from '../analysis/clients/inventory.js'
import type { ReportSection } from './section.js'

/** Why a UniFi collection failed, in the classes the exit codes distinguish. */
export type UnifiFailureClass = FailureClass

export interface UnifiFailure {
  class: UnifiFailureClass
  kind: string
  code: string
  /** User-facing message of the ScannerError (already free of secrets). */
  message: string
  /** SHA-256 fingerprint the console presented, for TLS trust failures (so the user can verify and pin it). */
  presentedFingerprint?: string | null
}

export type UnifiResult =
  | { ok: true; collection: UnifiCollection; analysis: AnalysisResult }
  | {
      ok: false
      error: UnifiFailure
      /** Whatever was learnt before the failure (e.g. the controller answered but the login failed). */
      controller: ControllerInfo | null
      site: SiteRef | null
      /** The configured controller address, shown when nothing else is known. */
      configuredUrl: string | null
    }

export interface ReportCaps {
  findingsPerSeverity: number
  lowFindings: number
  threatGroups: number
  sourcesPerGroup: number
  topSources: number
  deviceRows: number
  otherEvents: number
  changedFindings: number
}

export const DEFAULT_CAPS: ReportCaps = {
  findingsPerSeverity: 50,
  lowFindings: 100,
  threatGroups: 25,
  sourcesPerGroup: 5,
  topSources: 10,
  deviceRows: 100,
  otherEvents: 10,
  changedFindings: 25,
}

/** A configured integration's section, made by the pipeline from the run's outcome (its data or why there is none). */
export interface IntegrationSectionInput {
  /** Integration id and name: the id and title of the error note that replaces a malformed section. */
  id: string
  displayName: string
  section: ReportSection
}

export interface ReportInput {
  /** Report title (configurable; default "UniFi Network Report"). */
  title?: string
  timezone: string
  generatedAtMs: number
  /** The period the report covers (the nominal window, without the clock-skew tolerance). */
  period: { since: number; until: number }
  appVersion: string
  demo: boolean
  unifi: UnifiResult
  integrations: IntegrationSectionInput[]
  caps?: Partial<ReportCaps>
  /** Shown in the coverage panel, e.g. that this report covers an incomplete run's period again. */
  runNotes?: string[]
  /** What integrations know about external addresses, shown beside them in the threat tables and findings. */
  addressNotes?: AddressNote[]
  /** The configuration posture of the site and what changed since its previous report; absent when not assessed. */
  posture?: { assessment: PostureAssessment; drift: PostureDrift | null } | null
  /** What changed in the findings since the previous complete report of the site; absent when not compared. */
  changes?: FindingChanges | null
  /** The site's clients compared with its inventory; absent when the client list was not read. */
  clients?: ClientChanges | null
}

export const DEFAULT_REPORT_TITLE = 'UniFi Network Report'
