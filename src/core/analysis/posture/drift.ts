/**
 * What changed since the previous report of the same site: gaps that appeared, gaps that were fixed, checks whose
 * evidence changed (a value moved without changing the verdict), and the score change, in one sentence such as
 * "Score 71 → 64: UPnP was turned on; SSH password login is still enabled". The previous report is the last
 * history entry of the same site that carries a posture snapshot.
 */
import type { PostureAssessment, PostureSeverity, PostureStatus } from './model.js'

/** What a history entry keeps of a posture: enough to compare, never a secret (evidence never holds one). */
export interface PostureSnapshot {
  score: number | null
  grade: string | null
  checks: { id: string; status: PostureStatus; severity: PostureSeverity; title: string; evidence: string[] }[]
}

export interface PostureDrift {
  previousScore: number | null
  score: number | null
  newGaps: { id: string; title: string }[]
  fixedGaps: { id: string; title: string }[]
  changed: { id: string; title: string; before: string; after: string }[]
  stillOpen: { id: string; title: string }[]
  sentence: string
}

const MAX_EVIDENCE = 6

export function postureSnapshot(assessment: PostureAssessment): PostureSnapshot {
  return {
    score: assessment.score.score,
    grade: assessment.score.grade,
    checks: assessment.checks.map((c) => ({
      id: c.id,
      status: c.status,
      severity: c.severity,
      title: c.title.slice(0, 160),
      evidence: c.evidence.slice(0, MAX_EVIDENCE).map((e) => e.slice(0, 300)),
    })),
  }
}

const isGap = (status: PostureStatus): boolean => status === 'gap'
const SEVERITY_ORDER: PostureSeverity[] = ['critical', 'high', 'medium', 'low', 'info']

export function postureDrift(current: PostureSnapshot, previous: PostureSnapshot | null): PostureDrift | null {
  if (previous === null) return null
  const before = new Map(previous.checks.map((c) => [c.id, c]))
  const newGaps: PostureDrift['newGaps'] = []
  const fixedGaps: PostureDrift['fixedGaps'] = []
  const changed: PostureDrift['changed'] = []
  const stillOpen: PostureDrift['stillOpen'] = []
  const ordered = [...current.checks].sort(
    (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity),
  )
  for (const check of ordered) {
    const old = before.get(check.id)
    if (old === undefined) continue
    if (isGap(check.status) && !isGap(old.status) && old.status !== 'unknown')
      newGaps.push({ id: check.id, title: check.title })
    else if (!isGap(check.status) && check.status !== 'unknown' && isGap(old.status))
      fixedGaps.push({ id: check.id, title: check.title })
    else {
      if (isGap(check.status) && isGap(old.status)) stillOpen.push({ id: check.id, title: check.title })
      const was = old.evidence.join('; ')
      const now = check.evidence.join('; ')
      if (was !== now && check.status !== 'unknown' && old.status !== 'unknown')
        changed.push({ id: check.id, title: check.title, before: was, after: now })
    }
  }
  return {
    previousScore: previous.score,
    score: current.score,
    newGaps,
    fixedGaps,
    changed,
    stillOpen,
    sentence: sentenceOf(previous.score, current.score, newGaps, fixedGaps, stillOpen),
  }
}

function sentenceOf(
  previous: number | null,
  score: number | null,
  newGaps: PostureDrift['newGaps'],
  fixedGaps: PostureDrift['fixedGaps'],
  stillOpen: PostureDrift['stillOpen'],
): string {
  const head =
    previous === null || score === null
      ? 'Since the last report'
      : previous === score
        ? `Score unchanged at ${score}`
        : `Score ${previous} → ${score}`
  const parts = [
    ...newGaps.slice(0, 3).map((g) => `new: ${lower(g.title)}`),
    ...fixedGaps.slice(0, 3).map((g) => `fixed: ${lower(g.title)}`),
    ...stillOpen.slice(0, 2).map((g) => `still open: ${lower(g.title)}`),
  ]
  const more = newGaps.length + fixedGaps.length - Math.min(3, newGaps.length) - Math.min(3, fixedGaps.length)
  if (more > 0) parts.push(`${more} more change(s)`)
  return parts.length === 0 ? `${head}: no change in the configuration checks.` : `${head}: ${parts.join('; ')}.`
}

/** "Device SSH…" → "device SSH…"; an acronym ("UPnP", "IPS") keeps its case. */
const lower = (title: string): string =>
  /^[A-Z][a-z]/.test(title) ? `${title.charAt(0).toLowerCase()}${title.slice(1)}` : title
