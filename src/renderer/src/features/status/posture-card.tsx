import type { ReportSummary } from '../../../../shared/ipc/payloads.js'
import { asSentence } from '../../../../shared/text/message-parts.js'

type Posture = NonNullable<ReportSummary['posture']>

function checksWord(count: number): string {
  return count === 1 ? '1 check' : `${count} checks`
}

/** The last report's configuration posture: score, grade and the top gaps, or what could not be checked and why. */
export function PostureCard({ posture }: { posture: Posture }) {
  const unchecked = posture.unchecked ?? { count: 0, reason: null }
  return (
    <section className="card" aria-labelledby="posture-title" data-testid="posture-card">
      <div className="card-header">
        <h2 id="posture-title">Configuration posture</h2>
        <span className="badge" data-testid="posture-score">
          {posture.score === null ? 'Could not check' : `${posture.score}/100 · ${posture.grade ?? ''}`}
        </span>
      </div>
      {posture.score === null ? (
        <p data-testid="posture-unchecked">
          Too little of the configuration could be checked for a score
          {unchecked.reason === null ? ' (see the report).' : `: ${asSentence(unchecked.reason)}`}
        </p>
      ) : (
        unchecked.count > 0 && (
          <p className="muted" data-testid="posture-unchecked">
            {checksWord(unchecked.count)} could not be evaluated
            {unchecked.reason === null ? ' (the report says why).' : `: ${asSentence(unchecked.reason)}`}
          </p>
        )
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
