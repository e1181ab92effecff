import type { FindingChanges } from '../analysis/changes/compare.js'
import type { ThreatAnalysis } from '../analysis/model.js'
import type { PostureSnapshot } from '../analysis/posture/drift.js'
import type { IntegrationOutcome } from '../integrations/contract.js'
import type { HistoryEntry } from '../report/files/history.js'
import type { WrittenReportFiles } from '../report/files/report-files.js'
import type { UnifiResult } from '../report/input.js'
import type { ReportModel } from '../report/model.js'
import { toZonedIso } from '../time.js'
import { couldNotCheck } from '../report/views/coverage.js'
import { CORE_SOURCES, type Coverage } from '../unifi/coverage.js'

/** "Incomplete: could not check security threats (HTTP 500)."; null when every core source was read. */
export function incompleteText(coverage: Coverage): string | null {
  const missing = CORE_SOURCES.filter((source) => coverage[source].state === 'unavailable')
  if (missing.length === 0) return null
  return `Incomplete: ${missing
    .map((source) =>
      couldNotCheck(source, coverage[source])
        .replace(/^Could/, 'could')
        .replace(/\.$/, ''),
    )
    .join('; ')}.`
}

/** The history index line for a written report (what the UI's report list shows). */
export function buildHistoryEntry(args: {
  id: string
  model: ReportModel
  unifi: UnifiResult
  outcomes: IntegrationOutcome[]
  coverage: Coverage
  files: WrittenReportFiles
  timezone: string
  window: { since: number; until: number }
  /** The site's posture snapshot, kept for the next report's drift. */
  posture?: (PostureSnapshot & { site: string }) | null
  /** What changed since the previous complete report, and this report's findings for the next one. */
  changes?: { findings: FindingChanges; newClients: number } | null
}): HistoryEntry {
  const { model, unifi, timezone } = args
  const changes = args.changes ?? null
  return {
    id: args.id,
    generatedAt: model.header.generatedAtIso,
    period: { since: toZonedIso(args.window.since, timezone), until: toZonedIso(args.window.until, timezone) },
    ok: unifi.ok && model.complete,
    demo: model.demo,
    findings: {
      severe: model.summary.counts.severe,
      medium: model.summary.counts.medium,
      low: model.summary.counts.low,
    },
    threats: model.summary.threatEvents,
    unhealthyDevices: model.summary.unhealthyDevices,
    unifi: {
      ok: unifi.ok,
      site: unifi.ok ? unifi.collection.site.name : null,
      error: unifi.ok ? null : unifi.error.message,
    },
    incomplete: unifi.ok ? incompleteText(args.coverage) : null,
    integrations: args.outcomes
      .filter((outcome) => outcome.status !== 'not-configured')
      .map((outcome) => ({
        id: outcome.id,
        status: outcome.status,
        message: outcome.status === 'ok' ? null : outcome.message,
      })),
    files: { html: args.files.html, text: args.files.text },
    ...(args.posture ? { posture: args.posture } : {}),
    ...(changes === null
      ? {}
      : {
          changes: {
            baseline: changes.findings.baseline,
            previous: changes.findings.previousAt,
            new: changes.findings.new.length,
            resolved: changes.findings.resolved.length,
            recurring: changes.findings.recurring.length,
            newClients: changes.newClients,
            findings: changes.findings.stored.map((f) => ({ ...f, title: f.title.slice(0, 300) })),
          },
        }),
    ...(unifi.ok && model.threats.available ? { trend: threatTrend(unifi.analysis.threats) } : {}),
  }
}

const TOP_CATEGORIES = 5

/** Threats by outcome and the top categories by events, for the trends. */
export function threatTrend(threats: ThreatAnalysis): NonNullable<HistoryEntry['trend']> {
  const byCategory = new Map<string, number>()
  for (const group of threats.groups)
    byCategory.set(group.categoryName, (byCategory.get(group.categoryName) ?? 0) + group.count)
  const categories = [...byCategory]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_CATEGORIES)
    .map(([name, count]) => ({ name: name.slice(0, 200), count }))
  return { blocked: threats.blocked, detected: threats.detected, categories }
}
