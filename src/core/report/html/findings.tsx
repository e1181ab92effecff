import type { FindingView, FindingsView } from '../model.js'
import { AddressNotes } from './address-notes.js'
import { Callout, Card, More, SeverityBadge, Steps } from './primitives.js'

export function FindingCard({ finding, compact = false }: { finding: FindingView; compact?: boolean }) {
  return (
    <div className={`finding finding-${finding.severity}`}>
      <div className="title">
        <SeverityBadge severity={finding.severity} />
        {finding.recurring ? <span className="badge recurring">RECURRING</span> : null}
        {finding.change?.kind === 'new' ? <span className="badge new">NEW</span> : null}
        {finding.title}
      </div>
      {finding.change ? <p className="muted change">{finding.change.text}</p> : null}
      <p className="muted">
        Device: {finding.device} · {finding.occurrence}
      </p>
      {compact ? null : <p>{finding.description}</p>}
      <AddressNotes notes={finding.notes} />
      {compact ? null : <Steps title="Recommended actions:" steps={finding.remediation} />}
    </div>
  )
}

export function FindingsSections({ findings }: { findings: FindingsView }) {
  if (!findings.available) {
    return (
      <Card id="findings" tone="warning">
        <h2>Findings</h2>
        <Callout tone="warning">{findings.unavailableReason}</Callout>
      </Card>
    )
  }
  return (
    <>
      {findings.coverageNote ? (
        <Card id="findings" tone="warning">
          <h2>Findings</h2>
          <Callout tone="warning">{findings.coverageNote}</Callout>
        </Card>
      ) : null}
      {findings.severe.total > 0 ? (
        <Card id="findings-severe">
          <h2>
            <SeverityBadge severity="severe" />
            Severe — {findings.severe.total} finding{findings.severe.total === 1 ? '' : 's'}, act now
          </h2>
          {findings.severe.items.map((finding) => (
            <FindingCard key={finding.id} finding={finding} />
          ))}
          <More count={findings.severe.more} noun="severe findings" />
        </Card>
      ) : null}
      {findings.medium.total > 0 ? (
        <Card id="findings-medium">
          <h2>
            <SeverityBadge severity="medium" />
            Medium — {findings.medium.total} finding{findings.medium.total === 1 ? '' : 's'}, should be addressed
          </h2>
          {findings.medium.items.map((finding) => (
            <FindingCard key={finding.id} finding={finding} />
          ))}
          <More count={findings.medium.more} noun="medium findings" />
        </Card>
      ) : null}
      {findings.low.total > 0 ? (
        <Card id="findings-low">
          <details>
            <summary>Show LOW severity findings ({findings.low.total})</summary>
            {findings.low.items.map((finding) => (
              <FindingCard key={finding.id} finding={finding} compact />
            ))}
            <More count={findings.low.more} noun="low findings" />
          </details>
        </Card>
      ) : null}
      {findings.otherEvents.total > 0 ? (
        <Card id="other-events">
          <h2>Other events</h2>
          <p className="muted">
            {findings.logEntryCount.toLocaleString('en-US')} log entries analysed. Events no rule flags, by type:
          </p>
          <table className="data">
            <thead>
              <tr>
                <th>Event type</th>
                <th>Count</th>
              </tr>
            </thead>
            <tbody>
              {findings.otherEvents.items.map((entry) => (
                <tr key={entry.eventType}>
                  <td className="code">{entry.eventType}</td>
                  <td>{entry.count.toLocaleString('en-US')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <More count={findings.otherEvents.more} noun="event types" />
        </Card>
      ) : null}
    </>
  )
}
