import type { AppStatus } from '../../../../shared/ipc/payloads.js'
import { formatDateTime } from '../../lib/format.js'

const STATE_LABEL: Record<AppStatus['state'], string> = {
  idle: 'Ready',
  running: 'Running',
  attention: 'Needs attention',
  error: 'Failed',
}

/** Headline, state badge, progress and the last report of the current status. */
export function StatusCard({ status }: { status: AppStatus }) {
  return (
    <section className="card" aria-labelledby="status-headline">
      <div className="card-header">
        <h2 id="status-headline" data-testid="status-headline">
          {status.headline}
        </h2>
        <span className={`badge badge-${status.state}`} data-testid="status-state">
          {STATE_LABEL[status.state]}
        </span>
      </div>
      <p data-testid="status-detail">{status.detail}</p>
      {status.progress && (
        <progress
          className="progress"
          max={100}
          value={status.progress.percent}
          aria-label={`Report progress: ${status.progress.phase}`}
        />
      )}
      {status.lastReport && (
        <p className="muted" data-testid="last-report">
          Last report: {status.lastReport.headline} ({formatDateTime(status.lastReport.finishedAt)})
        </p>
      )}
    </section>
  )
}
