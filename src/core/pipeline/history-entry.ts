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
}): HistoryEntry {
  const { model, unifi, timezone } = args
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
  }
}
