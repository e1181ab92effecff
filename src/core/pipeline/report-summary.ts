/** A run's outcome as the tray and the settings window show it (the CLI prints `toRunJson` instead). */
import type { ReportSummary } from '../../shared/ipc/payloads.js'
import { incompleteText } from './history-entry.js'
import type { RunOutcome } from './outcome.js'

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
    ...(options.demo ? { demo: true } : {}),
  }
}
