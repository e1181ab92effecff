import type { ReportSummary } from '../../../../shared/ipc/payloads.js'

type Posture = NonNullable<ReportSummary['posture']>

/** The last report's configuration posture: score, grade and the top gaps, or why there is no score. */
export function PostureCard({ posture }: { posture: Posture }) {
  return (
    <section className="card" aria-labelledby="posture-title" data-testid="posture-card">
      <div className="card-header">
        <h2 id="posture-title">Configuration posture</h2>
        <span className="badge" data-testid="posture-score">
          {posture.score === null ? 'No score' : `${posture.score}/100 · ${posture.grade ?? ''}`}
        </span>
      </div>
      {posture.score === null && (
        <p className="muted">Too little of the configuration could be checked for a score (see the report).</p>
      )}
      {posture.drift && <p data-testid="posture-drift">{posture.drift}</p>}
      {posture.topGaps.length > 0 ? (
        <ol data-testid="posture-gaps">
          {posture.topGaps.map((gap) => (
            <li key={gap.id}>
              <strong>{gap.severity}</strong> {gap.title}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">No configuration gap in what could be checked.</p>
      )}
    </section>
  )
}
