import { useState } from 'react'
import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import type { AppStatus } from '../../../../shared/ipc/payloads.js'

interface GenerateReportProps {
  api: BridgeApi
  status: AppStatus | null
}

/** The button and, while a report runs, its phase and percentage (from status pushes). */
export function GenerateReport({ api, status }: GenerateReportProps) {
  const [failure, setFailure] = useState<string | null>(null)
  const progress = status?.progress ?? null
  const blocked = status?.generateBlockedReason ?? null

  async function generate(): Promise<void> {
    setFailure(null)
    const result = await api.generateReport()
    if (!result.ok) setFailure(result.error.message)
  }

  return (
    <section className="card generate" aria-labelledby="generate-title">
      <div className="card-header">
        <h2 id="generate-title">New report</h2>
        <button
          type="button"
          className="primary"
          onClick={() => void generate()}
          disabled={blocked !== null}
          aria-describedby={blocked && !progress ? 'reports-blocked-reason' : undefined}
          data-testid="reports-generate"
        >
          Generate report now
        </button>
      </div>
      <div aria-live="polite" data-testid="report-progress">
        {progress ? (
          <div className="progress-block">
            <div className="progress-label">
              <span>{capitalise(progress.phase)}</span>
              <span>{Math.round(progress.percent)} %</span>
            </div>
            <progress className="progress" max={100} value={progress.percent} aria-label="Report progress" />
          </div>
        ) : (
          blocked && (
            <p id="reports-blocked-reason" className="muted">
              {blocked}
            </p>
          )
        )}
      </div>
      {failure && (
        <p role="alert" className="field-error">
          {failure}
        </p>
      )}
    </section>
  )
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
