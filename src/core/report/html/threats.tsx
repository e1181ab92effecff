import type { CappedList, ThreatGroupView, ThreatSourceView, ThreatsView } from '../model.js'
import { plural } from '../views/cap.js'
import { AddressNotes } from './address-notes.js'
import { Callout, Card, CyberSecureBadge, More, SeverityBadge, Steps } from './primitives.js'

function GroupCard({ group, blocked }: { group: ThreatGroupView; blocked: boolean }) {
  return (
    <div className={`finding finding-${blocked ? 'low' : group.severity}`}>
      <div className="title">
        {blocked ? <span className="badge blocked">BLOCKED</span> : <SeverityBadge severity={group.severity} />}
        {group.cyberSecure ? <CyberSecureBadge /> : null}
        {group.name} ({group.countText})
      </div>
      <p>{group.description}</p>
      <p className="muted">
        {blocked ? 'From' : 'Sources'}: {group.sources} · {group.firstSeen} – {group.lastSeen}
      </p>
      <p className="muted code">{group.signature}</p>
      {blocked ? null : <Steps title="Recommended actions:" steps={group.remediation} />}
    </div>
  )
}

function Sources({ title, sources }: { title: string; sources: CappedList<ThreatSourceView> }) {
  if (sources.total === 0) return null
  return (
    <table className="data">
      <caption>{title}</caption>
      <tbody>
        {sources.items.map((source) => (
          <tr key={source.ip}>
            <td className="code">{source.ip}</td>
            <td>
              {source.text}
              <AddressNotes notes={source.notes} />
            </td>
          </tr>
        ))}
        {sources.more > 0 ? (
          <tr>
            <td colSpan={2} className="more">
              … and {sources.more} more
            </td>
          </tr>
        ) : null}
      </tbody>
    </table>
  )
}

export function ThreatsSection({ threats }: { threats: ThreatsView }) {
  if (!threats.available) {
    return (
      <Card id="threats" tone="warning">
        <h2>Security threat summary</h2>
        <Callout tone="warning">{threats.reason}</Callout>
      </Card>
    )
  }
  return (
    <Card id="threats">
      <h2>Security threat summary</h2>
      <p>
        {threats.total.toLocaleString('en-US')} threat events: {threats.blocked.toLocaleString('en-US')} blocked,{' '}
        {threats.detected.toLocaleString('en-US')} detected only.
      </p>
      <p className="muted">{threats.cyberSecure}</p>
      {threats.coverageNote ? <Callout tone="warning">{threats.coverageNote}</Callout> : null}
      {threats.notes.map((note, index) => (
        <Callout key={index} tone="warning">
          {note}
        </Callout>
      ))}
      {threats.total === 0 && threats.coverageNote === null ? (
        <Callout tone="good">No security threats detected in this period.</Callout>
      ) : null}
      {threats.detectedGroups.total > 0 ? (
        <h3>Threats detected ({plural(threats.detectedGroups.total, 'type')})</h3>
      ) : null}
      {threats.detectedGroups.items.map((group, index) => (
        <GroupCard key={index} group={group} blocked={false} />
      ))}
      <More count={threats.detectedGroups.more} noun="detected threat types" />
      {threats.blockedGroups.total > 0 ? (
        <h3>Threats blocked ({plural(threats.blockedGroups.total, 'type')})</h3>
      ) : null}
      {threats.blockedGroups.items.map((group, index) => (
        <GroupCard key={index} group={group} blocked />
      ))}
      <More count={threats.blockedGroups.more} noun="blocked threat types" />
      {threats.external.total + threats.internal.total > 0 ? <h3>Top threat sources</h3> : null}
      <Sources title="External threats" sources={threats.external} />
      <Sources title="Internal concerns" sources={threats.internal} />
    </Card>
  )
}
