import type { ReportModel } from '../model.js'
import { Callout, Card, SeverityBadge } from './primitives.js'

export function Header({ model }: { model: ReportModel }) {
  const { header } = model
  return (
    <div className="card header" id="header">
      <h1>{model.title}</h1>
      <p className="meta">Site: {header.site}</p>
      <p className="meta">Controller: {header.controller}</p>
      <p className="meta">
        Period: {header.period.start} – {header.period.end}
      </p>
      <p className="meta">
        Generated: <time dateTime={header.generatedAtIso}>{header.generatedAt}</time>
      </p>
    </div>
  )
}

export function Summary({ model }: { model: ReportModel }) {
  const { summary } = model
  return (
    <Card id="summary">
      <h2>Executive summary</h2>
      <p>
        <span className="pill sev-severe">{summary.counts.severe} Severe</span>
        <span className="pill sev-medium">{summary.counts.medium} Medium</span>
        <span className="pill sev-low">{summary.counts.low} Low</span>
      </p>
      <p>
        {summary.countsAtLeast ? 'At least ' : null}
        <strong>{summary.counts.total.toLocaleString('en-US')}</strong> findings total ·{' '}
        {summary.threatEvents === null
          ? 'threat data unavailable'
          : `${summary.threatEvents.toLocaleString('en-US')} threat events`}{' '}
        ·{' '}
        {summary.unhealthyDevices === null
          ? 'device data unavailable'
          : `${summary.unhealthyDevices.toLocaleString('en-US')} unhealthy devices`}
      </p>
      {summary.changes ? <p id="summary-changes">{summary.changes}</p> : null}
      {summary.posture ? <p id="summary-posture">{summary.posture}</p> : null}
      {summary.actionRequired ? <Callout tone="warning">{summary.actionRequired}</Callout> : null}
      {summary.quietNote ? <Callout tone="good">{summary.quietNote}</Callout> : null}
      {summary.urgentActions.length > 0 ? (
        <div>
          <h3>Most urgent actions</h3>
          <ol>
            {summary.urgentActions.map((action, index) => (
              <li key={index}>
                <SeverityBadge severity={action.severity} />
                <strong>{action.title}</strong> — {action.action}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {summary.breakdown.length > 0 ? (
        <table className="data">
          <caption>Findings by section</caption>
          <thead>
            <tr>
              <th>Section</th>
              <th>Severe</th>
              <th>Medium</th>
              <th>Low</th>
            </tr>
          </thead>
          <tbody>
            {summary.breakdown.map((row, index) => (
              <tr key={index}>
                <td>{row.label}</td>
                <td>{row.counts.severe}</td>
                <td>{row.counts.medium}</td>
                <td>{row.counts.low}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {summary.notices.map((notice, index) => (
        <Callout key={index} tone={notice.tone}>
          <strong>{notice.title}:</strong> {notice.text}
        </Callout>
      ))}
    </Card>
  )
}
