/**
 * The run's configuration posture: the checks on what the collection read, and what changed since the previous
 * report of the same site (the newest history entry of that site with a posture snapshot, `previousOfSite`).
 */
import { assessPosture } from '../analysis/posture/assess.js'
import { postureDrift, postureSnapshot, type PostureDrift, type PostureSnapshot } from '../analysis/posture/drift.js'
import type { PostureAssessment } from '../analysis/posture/model.js'
import type { HistoryEntry } from '../report/files/history.js'
import type { UnifiResult } from '../report/input.js'
import { previousOfSite } from './site-history.js'

export interface RunPosture {
  assessment: PostureAssessment
  snapshot: PostureSnapshot
  drift: PostureDrift | null
  site: string
}

export function runPosture(
  unifi: UnifiResult,
  history: { entries: readonly HistoryEntry[]; demo: boolean },
): RunPosture | null {
  if (!unifi.ok) return null
  const { collection } = unifi
  if (collection.posture === undefined) return null
  const assessment = assessPosture({
    posture: collection.posture,
    controller: { kind: collection.controller.kind, version: collection.controller.version },
  })
  const snapshot = postureSnapshot(assessment)
  const site = collection.site.name
  const previous = previousOfSite(history.entries, site, history.demo, (entry) => entry.posture)
  return { assessment, snapshot, drift: postureDrift(snapshot, previous), site }
}

/** The `posture` object of `report --json` and of the run outcome. */
export interface PostureJson {
  score: number | null
  grade: string | null
  checks: { id: string; status: string; severity: string; title: string }[]
  compound: { id: string; title: string }[]
  previousScore: number | null
  /** The drift sentence for the tray's status (not part of `report --json`). */
  drift: string | null
  /**
   * How many checks could not be evaluated and why, most frequent reason first (for the tray's status; not part
   * of `report --json`, whose checks already say `unknown`).
   */
  unchecked: { count: number; reasons: string[] }
  /** Why there is no score (null with a score); for the tray's status, like `unchecked`. */
  noScore: string | null
}

/** The distinct reasons of the unknown checks, the one shared by most checks first (ties keep check order). */
function uncheckedReasons(assessment: PostureAssessment): PostureJson['unchecked'] {
  const counts = new Map<string, number>()
  let count = 0
  for (const check of assessment.checks) {
    if (check.status !== 'unknown') continue
    count += 1
    const reason = check.reason ?? 'could not check'
    counts.set(reason, (counts.get(reason) ?? 0) + 1)
  }
  const reasons = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([reason]) => reason)
  return { count, reasons }
}

export function postureJson(posture: RunPosture | null): PostureJson {
  if (posture === null) {
    return {
      score: null,
      grade: null,
      checks: [],
      compound: [],
      previousScore: null,
      drift: null,
      unchecked: { count: 0, reasons: [] },
      noScore: null,
    }
  }
  const { assessment, drift } = posture
  return {
    score: assessment.score.score,
    grade: assessment.score.grade,
    checks: assessment.checks.map((c) => ({ id: c.id, status: c.status, severity: c.severity, title: c.title })),
    compound: assessment.compound.map((r) => ({ id: r.id, title: r.title })),
    previousScore: drift?.previousScore ?? null,
    drift: drift?.sentence ?? null,
    unchecked: uncheckedReasons(assessment),
    noScore: assessment.score.noScore,
  }
}
