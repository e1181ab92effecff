/**
 * What every delivery says about one report: the site, the counts by severity, the three most urgent actions,
 * what could not be read, the posture score when the report has one, and where the full report is. Built from
 * the report model (already scrubbed of the run's secrets) and the written files; plain JSON, so a failed
 * delivery can be kept in the pending file and sent as it was at the next run.
 */
import type { ReportModel, Severity } from '../report/model.js'
import type { Coverage } from '../unifi/coverage.js'

export interface DeliverySummary {
  /** "UniFi Scanner" or "[DEMO] UniFi Scanner". */
  product: string
  site: string
  /** "3 Dec 2026" in the report timezone. */
  date: string
  generatedAtIso: string
  counts: { severe: number; medium: number; low: number; total: number }
  /** The worst severity with a finding, or null for a quiet report. */
  worst: Severity | null
  /** Counts are lower bounds (a source was only partly read). */
  countsAtLeast: boolean
  urgentActions: { severity: Severity; title: string; action: string }[]
  /** "Security threats: could not be checked (HTTP 500)". */
  coverageProblems: string[]
  /** "72 / 100" when the report carries a posture score. */
  postureScore: string | null
  /** Where the full report was written (on the machine that made it). */
  reportFiles: { html: string | null; text: string | null }
  /** "[UniFi Scanner] Main office: 3 severe, 5 medium — 3 Dec 2026" */
  subject: string
  /** A "Send test" message from the settings window, not a report. */
  test?: true
}

const SOURCE_LABELS: Record<keyof Coverage, string> = {
  events: 'Events',
  alarms: 'Alarms',
  threats: 'Security threats',
  devices: 'Devices',
  health: 'Health',
  posture: 'Configuration posture',
}

export interface SummaryInput {
  model: ReportModel
  coverage: Coverage
  files: { html: string | null; text: string | null }
  timezone: string
  postureScore?: string | null
}

export function buildDeliverySummary(input: SummaryInput): DeliverySummary {
  const { model } = input
  const counts = { ...model.summary.counts }
  const worst: Severity | null =
    counts.severe > 0 ? 'severe' : counts.medium > 0 ? 'medium' : counts.low > 0 ? 'low' : null
  const date = formatDay(Date.parse(model.header.generatedAtIso), input.timezone)
  const product = model.demo ? '[DEMO] UniFi Scanner' : 'UniFi Scanner'
  const atLeast = model.summary.countsAtLeast ? 'at least ' : ''
  const subject = `[${product}] ${model.header.site}: ${atLeast}${counts.severe} severe, ${counts.medium} medium — ${date}`
  return {
    product,
    site: model.header.site,
    date,
    generatedAtIso: model.header.generatedAtIso,
    counts,
    worst,
    countsAtLeast: model.summary.countsAtLeast,
    urgentActions: model.summary.urgentActions
      .slice(0, 3)
      .map((action) => ({ severity: action.severity, title: action.title, action: action.action })),
    coverageProblems: coverageProblems(input.coverage),
    postureScore: input.postureScore ?? null,
    reportFiles: { ...input.files },
    subject,
  }
}

function coverageProblems(coverage: Coverage): string[] {
  const problems: string[] = []
  for (const key of Object.keys(SOURCE_LABELS) as (keyof Coverage)[]) {
    const source = coverage[key]
    if (source.state === 'read') continue
    const what = source.state === 'partial' ? 'only partly read' : 'could not be checked'
    problems.push(`${SOURCE_LABELS[key]}: ${what}${source.reason ? ` (${source.reason})` : ''}`)
  }
  return problems
}

function formatDay(ms: number, timeZone: string): string {
  const when = Number.isNaN(ms) ? Date.now() : ms
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(when)
}

/** Plain-text lines of the summary, shared by the chat formats and the email's first lines. */
export function summaryLines(summary: DeliverySummary): {
  counts: string
  actions: string[]
  coverage: string[]
  posture: string | null
  where: string
} {
  const c = summary.counts
  const prefix = summary.countsAtLeast ? 'At least ' : ''
  return {
    counts: `${prefix}${c.severe} severe, ${c.medium} medium, ${c.low} low (${c.total} findings)`,
    actions: summary.urgentActions.map((a) => `${a.severity.toUpperCase()}: ${a.title} — ${a.action}`),
    coverage: summary.coverageProblems,
    posture: summary.postureScore === null ? null : `Posture score: ${summary.postureScore}`,
    where: summary.test
      ? 'This is a test message from UniFi Scanner: no report was made.'
      : `Full report: ${summary.reportFiles.html ?? summary.reportFiles.text ?? 'not written'}`,
  }
}
