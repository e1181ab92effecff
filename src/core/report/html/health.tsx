import type { HealthView } from '../model.js'
import { FindingCard } from './findings.js'
import { Callout, Card, More } from './primitives.js'

export function HealthSection({ health }: { health: HealthView }) {
  if (!health.available) {
    return (
      <Card id="health" tone="warning">
        <h2>Device health summary</h2>
        <Callout tone="warning">{health.reason}</Callout>
      </Card>
    )
  }
  const { totals } = health
  return (
    <Card id="health">
      <h2>Device health summary</h2>
      <table className="data">
        <thead>
          <tr>
            <th>Total</th>
            <th>Healthy</th>
            <th>Warnings</th>
            <th>Critical</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{totals.devices}</td>
            <td className="status-OK">{totals.healthy}</td>
            <td className="status-WARNING">{totals.withWarnings}</td>
            <td className="status-CRITICAL">{totals.withCritical}</td>
          </tr>
        </tbody>
      </table>
      {health.coverageNote ? <Callout tone="warning">{health.coverageNote}</Callout> : null}
      {health.critical.total + health.warnings.total === 0 && totals.devices > 0 && health.coverageNote === null ? (
        <Callout tone="good">All devices healthy.</Callout>
      ) : null}
      {health.critical.total > 0 ? <h3>Critical issues</h3> : null}
      {health.critical.items.map((finding) => (
        <FindingCard key={finding.id} finding={finding} />
      ))}
      <More count={health.critical.more} noun="critical issues" />
      {health.warnings.total > 0 ? <h3>Warnings</h3> : null}
      {health.warnings.items.map((finding) => (
        <FindingCard key={finding.id} finding={finding} />
      ))}
      <More count={health.warnings.more} noun="warnings" />
      {health.rows.total > 0 ? (
        <table className="data">
          <caption>Device status</caption>
          <thead>
            <tr>
              <th>Device</th>
              <th>Type</th>
              <th>Status</th>
              <th>Issues</th>
              <th>Temp.</th>
              <th>CPU</th>
              <th>Memory</th>
              <th>PoE</th>
              <th>Uptime</th>
            </tr>
          </thead>
          <tbody>
            {health.rows.items.map((row, index) => (
              <tr key={index}>
                <td>
                  {row.name}
                  <br />
                  <span className="muted">{row.model}</span>
                </td>
                <td>{row.type}</td>
                <td className={`status-${row.status}`}>{row.status}</td>
                <td>{row.issues}</td>
                <td>{row.temperature}</td>
                <td>{row.cpu}</td>
                <td>{row.memory}</td>
                <td>{row.poe}</td>
                <td>{row.uptime}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : health.coverageNote === null ? (
        <p className="muted">The controller reported no devices.</p>
      ) : null}
      <More count={health.rows.more} noun="devices" />
    </Card>
  )
}
