/**
 * What changed in the findings since the previous complete report of the same site: new, resolved, and
 * recurring (with the date it was first seen and how many reports in a row carried it). Pure: the previous
 * report's findings come in as the history kept them.
 */
import type { Severity } from '../model.js'
import type { FindingSource, TrackedFinding } from './identity.js'

/** What a history entry keeps of one finding, for the next report's comparison. */
export interface StoredFinding {
  key: string
  source: FindingSource
  severity: Severity
  title: string
  /** ISO 8601 of the first report that carried it. */
  firstSeen: string
  /** Reports in a row (of the site, complete ones) that carried it, this one included. */
  streak: number
}

export interface PreviousFindings {
  /** ISO 8601 (with offset) of the previous complete report of the site. */
  generatedAt: string
  findings: readonly StoredFinding[]
}

export interface FindingChanges {
  /** No previous complete report of the site to compare with: this run records the baseline. */
  baseline: boolean
  previousAt: string | null
  new: TrackedFinding[]
  resolved: StoredFinding[]
  recurring: StoredFinding[]
  /** This run's findings as the next run will compare with them. */
  stored: StoredFinding[]
}

export const MAX_STORED_FINDINGS = 500

export function compareFindings(
  current: readonly TrackedFinding[],
  previous: PreviousFindings | null,
  generatedAt: string,
  read: Readonly<Record<FindingSource, boolean>>,
): FindingChanges {
  const before = new Map((previous?.findings ?? []).map((finding) => [finding.key, finding]))
  const now = new Set(current.map((finding) => finding.key))
  const fresh: TrackedFinding[] = []
  const recurring: StoredFinding[] = []
  const stored: StoredFinding[] = []
  for (const finding of current) {
    const old = before.get(finding.key)
    const kept: StoredFinding = {
      ...finding,
      firstSeen: old?.firstSeen ?? generatedAt,
      streak: old === undefined ? 1 : old.streak + 1,
    }
    stored.push(kept)
    if (previous === null) continue
    if (old === undefined) fresh.push(finding)
    else recurring.push(kept)
  }
  // A source this run could not read says nothing about whether its findings went away.
  const resolved =
    previous === null ? [] : previous.findings.filter((finding) => !now.has(finding.key) && read[finding.source])
  return {
    baseline: previous === null,
    previousAt: previous?.generatedAt ?? null,
    new: fresh,
    resolved,
    recurring,
    stored: stored.slice(0, MAX_STORED_FINDINGS),
  }
}
