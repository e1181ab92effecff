/** A run's outcome as the tray and the settings window show it (the CLI prints `toRunJson` instead). */
import type { ReportSummary } from '../../shared/ipc/payloads.js'
import { incompleteText } from './history-entry.js'
import type { RunOutcome } from './outcome.js'
import type { PostureJson } from './posture.js'

export function toReportSummary(outcome: RunOutcome, options: { demo?: boolean } = {}): ReportSummary {
  const { severe, medium, low } = outcome.report.findings
  const incomplete = outcome.complete ? null : incompleteText(outcome.coverage)
  const counts = `${severe} severe, ${medium} medium and ${low} low findings`
  return {
    id: outcome.generatedAt,
    finishedAt: Date.parse(outcome.generatedAt),
    headline: incomplete === null ? counts : `${incomplete} At least ${counts}`,
    severe,
    files: [outcome.report.html, outcome.report.text].filter((file): file is string => file !== null),
    ...(incomplete === null ? {} : { incomplete }),
    ...(outcome.unifi.ok ? { console: { kind: outcome.unifi.controller, version: outcome.unifi.version } } : {}),
    ...(outcome.posture.checks.length === 0 ? {} : { posture: postureSummary(outcome.posture) }),
    ...(options.demo ? { demo: true } : {}),
  }
}

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info']
const TOP_GAPS = 3

/**
 * Score, grade, drift, the three most severe gaps and what could not be checked (with the most common reason):
 * what the Status tab's posture card shows.
 */
function postureSummary(posture: PostureJson): NonNullable<ReportSummary['posture']> {
  const gaps = posture.checks
    .filter((check) => check.status === 'gap')
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity))
  return {
    score: posture.score,
    grade: posture.grade,
    drift: posture.drift === null ? null : posture.drift.slice(0, 600),
    topGaps: gaps
      .slice(0, TOP_GAPS)
      .map((check) => ({ id: check.id, title: check.title.slice(0, 200), severity: check.severity })),
    unchecked: {
      count: posture.unchecked.count,
      // Next to a score, a reason only when every unknown check shares it: the report lists the others.
      reason: (posture.noScore ?? soleReason(posture.unchecked.reasons))?.slice(0, 300) ?? null,
    },
  }
}

function soleReason(reasons: readonly string[]): string | null {
  return reasons.length === 1 ? (reasons[0] ?? null) : null
}
