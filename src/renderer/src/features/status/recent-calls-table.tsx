import type { IntegrationStatus } from '../../../../shared/ipc/payloads.js'
import { formatLatency, formatWhen } from '../../lib/format.js'

type Call = IntegrationStatus['recentCalls'][number]

const OUTCOME_LABEL: Record<Call['outcome'], string> = {
  ok: 'OK',
  timeout: 'Timeout',
  rejected: 'Rejected',
  error: 'Error',
  'short-circuited': 'Short-circuited',
  cancelled: 'Cancelled',
}

/**
 * The error class in brackets where it tells which problem it was ("Error (server)", "Rejected (auth)"); a
 * timeout, a refusal and a cancellation say it all by their name.
 */
function outcomeText(call: Call): string {
  const label = OUTCOME_LABEL[call.outcome]
  const withKind = call.outcome === 'error' || call.outcome === 'rejected'
  return withKind && call.kind ? `${label} (${call.kind})` : label
}

interface RecentCallsTableProps {
  calls: IntegrationStatus['recentCalls']
  displayName: string
  now: number
  testId: string
}

/** The last calls behind a disclosure: a real table, so a screen reader can walk it by row and column. */
export function RecentCallsTable({ calls, displayName, now, testId }: RecentCallsTableProps) {
  return (
    <details className="recent-calls" data-testid={testId}>
      <summary>
        Last {calls.length} {calls.length === 1 ? 'call' : 'calls'}
      </summary>
      {calls.length === 0 ? (
        <p className="muted small">No calls yet.</p>
      ) : (
        <table className="calls-table">
          <caption>
            Last {calls.length} calls to {displayName}, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Outcome</th>
              <th scope="col">Latency</th>
            </tr>
          </thead>
          <tbody>
            {calls.map((call, index) => (
              <tr key={`${call.at}-${index}`} className={`call-${call.outcome}`}>
                <th scope="row">
                  <time dateTime={new Date(call.at).toISOString()}>{formatWhen(call.at, now)}</time>
                </th>
                <td>{outcomeText(call)}</td>
                <td>{formatLatency(call.latencyMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  )
}
