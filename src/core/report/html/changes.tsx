import type { ChangesView } from '../model.js'
import { Callout, Card, More, SeverityBadge } from './primitives.js'

/** Opens the findings: what is new since the previous complete report, what was resolved, what keeps coming back. */
export function ChangesSection({ changes }: { changes: ChangesView }) {
  if (changes.baseline) {
    return (
      <Card id="changes">
        <h2>{changes.heading}</h2>
        <Callout tone="note">{changes.text}</Callout>
      </Card>
    )
  }
  return (
    <Card id="changes" tone={changes.new.items.some((f) => f.severity === 'severe') ? 'warning' : undefined}>
      <h2>{changes.heading}</h2>
      <p>{changes.text}</p>
      {changes.new.total === 0 ? (
        <Callout tone="good">No new findings since the previous report.</Callout>
      ) : (
        <ul id="changes-new">
          {changes.new.items.map((finding, index) => (
            <li key={index}>
              <span className="badge new">NEW</span>
              <SeverityBadge severity={finding.severity} />
              {finding.title}
            </li>
          ))}
        </ul>
      )}
      <More count={changes.new.more} noun="new findings" />
      {changes.resolved.total > 0 ? (
        <div id="changes-resolved">
          <h3>Resolved since then</h3>
          <ul className="muted">
            {changes.resolved.items.map((finding, index) => (
              <li key={index}>
                {finding.title} ({finding.severity})
              </li>
            ))}
          </ul>
          <More count={changes.resolved.more} noun="resolved findings" />
        </div>
      ) : null}
      {changes.recurring.total > 0 ? (
        <table className="data" id="changes-recurring">
          <caption>Still open</caption>
          <thead>
            <tr>
              <th>Finding</th>
              <th>First seen</th>
              <th>Reports in a row</th>
            </tr>
          </thead>
          <tbody>
            {changes.recurring.items.map((finding, index) => (
              <tr key={index}>
                <td>
                  <SeverityBadge severity={finding.severity} />
                  {finding.title}
                </td>
                <td>{finding.firstSeen}</td>
                <td>{finding.streak}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <More count={changes.recurring.more} noun="findings still open" />
    </Card>
  )
}
