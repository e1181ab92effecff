import { useState } from 'react'
import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import type { ReportHistory, ReportHistoryEntry } from '../../../../shared/ipc/payloads.js'
import { formatDateTime } from '../../lib/format.js'
import { OutcomeChips } from './outcome-chips.js'

interface ReportRowProps {
  api: BridgeApi
  entry: ReportHistoryEntry
  onHistory: (history: ReportHistory) => void
  onFailure: (message: string | null) => void
  /** Integration display names by id. */
  names?: Readonly<Record<string, string>>
  /** Shows the report in the app's own viewer. */
  onView: (id: string) => void
}

/** One report: when, which period, how many findings, how each source fared, and what to do with it. */
export function ReportRow({ api, entry, onHistory, onFailure, names, onView }: ReportRowProps) {
  const [confirming, setConfirming] = useState(false)
  const title = formatDateTime(entry.generatedAt)

  async function call(action: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>) {
    onFailure(null)
    const result = await action()
    if (!result.ok) onFailure(result.error.message)
  }

  async function remove(): Promise<void> {
    const result = await api.deleteReport({ id: entry.id })
    setConfirming(false)
    if (!result.ok) return onFailure(result.error.message)
    onHistory(result.value)
  }

  return (
    <li className="report-row" data-testid={`report-${entry.id}`} aria-labelledby={`report-title-${entry.id}`}>
      <div className="report-main">
        <h3 id={`report-title-${entry.id}`} className="report-title">
          {title}
          {entry.demo && <span className="pill pill-demo">Demo data</span>}
          {!entry.ok && <span className="pill pill-error">Failed</span>}
        </h3>
        {entry.recovered ? (
          <p className="muted small" data-testid={`report-recovered-${entry.id}`}>
            Listed again from the reports folder after the history was damaged: open it to see its findings.
          </p>
        ) : (
          <>
            <p className="muted small">
              Period {formatDateTime(entry.period.since)} – {formatDateTime(entry.period.until)}
            </p>
            <div className="counts" aria-label="Findings">
              <span className="count count-severe">{entry.findings.severe} severe</span>
              <span className="count count-medium">{entry.findings.medium} medium</span>
              <span className="count count-low">{entry.findings.low} low</span>
              <span className="count">{entry.threats === null ? 'threats n/a' : `${entry.threats} threats`}</span>
            </div>
            {entry.changes && (
              <p className="small changes" data-testid={`report-changes-${entry.id}`}>
                {entry.changes.baseline
                  ? 'Baseline: the first report of this site'
                  : `${entry.changes.new} new, ${entry.changes.resolved} resolved since the previous report` +
                    (entry.changes.newClients > 0
                      ? ` · ${entry.changes.newClients} new client${entry.changes.newClients === 1 ? '' : 's'}`
                      : '')}
              </p>
            )}
          </>
        )}
        <OutcomeChips entry={entry} {...(names ? { names } : {})} />
      </div>
      <div className="report-actions">
        {confirming ? (
          <div role="alertdialog" aria-labelledby={`confirm-${entry.id}`} className="confirm">
            <p id={`confirm-${entry.id}`}>Delete the report of {title}? Its files are removed.</p>
            <div className="button-row">
              <button type="button" className="danger" onClick={() => void remove()} autoFocus>
                Delete
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <>
            <button
              type="button"
              className="primary"
              disabled={entry.formats.length === 0}
              onClick={() => onView(entry.id)}
              aria-describedby={`report-title-${entry.id}`}
            >
              View
            </button>
            <button
              type="button"
              disabled={entry.formats.length === 0}
              onClick={() => void call(() => api.openReport({ id: entry.id }))}
              aria-describedby={`report-title-${entry.id}`}
            >
              Open in browser
            </button>
            <button
              type="button"
              onClick={() => void call(() => api.revealReport({ id: entry.id }))}
              aria-describedby={`report-title-${entry.id}`}
            >
              Show in folder
            </button>
            <button
              type="button"
              className="danger-outline"
              onClick={() => setConfirming(true)}
              aria-describedby={`report-title-${entry.id}`}
            >
              Delete…
            </button>
          </>
        )}
      </div>
    </li>
  )
}
