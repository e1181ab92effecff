import type { ScannerError } from '../../core/errors.js'
import type { ReportSummary } from '../../shared/ipc/payloads.js'

export interface ReportNotice {
  title: string
  body: string
  /** The file a click opens (validated again before opening); null for a failure. */
  open: string | null
}

/** Pure: the one notification after a run — findings and "open report" on success, the reason on failure. */
export function reportNotification(outcome: { summary: ReportSummary } | { error: ScannerError }): ReportNotice {
  if ('error' in outcome) {
    return { title: 'The report failed', body: outcome.error.message, open: null }
  }
  const { summary } = outcome
  const open = summary.files.find((file) => file.endsWith('.html')) ?? summary.files[0] ?? null
  if (summary.incomplete !== undefined) {
    // A blind spot must not read as good news: the notification leads with what could not be checked.
    return {
      title: summary.demo ? 'Demo report incomplete' : 'Report incomplete',
      body: open ? `${summary.incomplete} — open report` : summary.incomplete,
      open,
    }
  }
  const severe = summary.severe
  const headline =
    severe === undefined
      ? summary.headline
      : severe === 0
        ? 'No severe findings'
        : `${severe} severe finding${severe === 1 ? '' : 's'}`
  return {
    title: summary.demo ? 'Demo report ready' : 'Report ready',
    body: open ? `${headline} — open report` : headline,
    open,
  }
}
