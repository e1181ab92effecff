import type { UnifiCard as UnifiCardData } from '../../../../shared/ipc/payloads.js'
import { useNow } from '../../hooks/use-now.js'
import { formatAgo, formatLatency } from '../../lib/format.js'
import { fieldLabel } from '../settings/field-labels.js'
import { ConfigurationBadge } from './configuration-badge.js'
import { RecentCallsTable } from './recent-calls-table.js'

const CONNECTION = {
  unknown: { label: 'Not checked yet', tone: 'pill-muted' },
  connected: { label: 'Connected', tone: 'pill-ok' },
  failed: { label: 'Failed', tone: 'pill-error' },
  'untrusted-certificate': { label: 'Certificate not trusted', tone: 'pill-warn' },
} as const

/** The UniFi connection: configuration, the last contact with the console (test or report), controller and trust. */
export function UnifiCard({ card }: { card: UnifiCardData }) {
  const now = useNow(card.lastCheckedAt !== null, 15_000)
  const connection = CONNECTION[card.connection]
  return (
    <article className="card integration-card" aria-labelledby="card-unifi-title" data-testid="card-unifi">
      <div className="card-header">
        <h3 id="card-unifi-title">UniFi connection</h3>
        <ConfigurationBadge state={card.configuration.state} testId="card-unifi-config" />
      </div>
      {card.configuration.missing.length > 0 && (
        <p className="warning-text" data-testid="card-unifi-missing">
          ⚠ Missing: {card.configuration.missing.map((key) => fieldLabel('unifi', key)).join(', ')}
        </p>
      )}
      <div className="breaker-row">
        <span className={`pill ${connection.tone}`} data-testid="card-unifi-connection">
          {connection.label}
        </span>
        {card.lastCheckedAt !== null && (
          <span className="muted small" data-testid="card-unifi-checked">
            {card.checkedBy === 'report' ? 'by the last report' : 'by a connection test'},{' '}
            {formatAgo(card.lastCheckedAt, now)}
            {card.settingsChangedSince ? ', before the settings changed' : ''}
          </span>
        )}
      </div>
      <dl className="facts">
        <dt>Controller</dt>
        <dd>
          {card.controller
            ? `${card.controller.kind === 'unifi-os' ? 'UniFi OS' : 'Classic'} ${card.controller.version ?? ''}`.trim()
            : '—'}
        </dd>
        <dt>Site</dt>
        <dd>{card.site ?? '—'}</dd>
        <dt>Certificate</dt>
        <dd>
          {card.trust.pinnedFingerprint ? 'pinned fingerprint' : card.trust.caFile ? 'own CA file' : 'system trust'}
        </dd>
      </dl>
      {card.lastError && (
        <p className="last-error" data-testid="card-unifi-error">
          <span className="pill pill-error">{card.lastError.kind}</span> {card.lastError.message}
        </p>
      )}
      <ConsoleActivityView activity={card.activity} now={now} />
    </article>
  )
}

const CONTACT_LABEL: Record<UnifiCardData['activity']['contacts'][number]['connection'], string> = {
  connected: 'Connected',
  failed: 'Failed',
  'untrusted-certificate': 'Certificate not trusted',
}

/** The console's last calls with their latencies, and the day's contacts, each in words (no chart to read). */
function ConsoleActivityView({ activity, now }: { activity: UnifiCardData['activity']; now: number }) {
  const { window, contacts } = activity
  return (
    <>
      <p className="muted small" data-testid="card-unifi-latency">
        {window.requests === 0
          ? 'No requests in the last 10 min.'
          : `${window.requests} request${window.requests === 1 ? '' : 's'} in the last 10 min · p50 ${formatLatency(window.p50Ms)} · p90 ${formatLatency(window.p90Ms)} · p99 ${formatLatency(window.p99Ms)} · slowest ${formatLatency(window.maxMs)}`}
      </p>
      {contacts.length > 0 && (
        <details className="recent-calls" data-testid="card-unifi-contacts">
          <summary>
            {contacts.length} contact{contacts.length === 1 ? '' : 's'} in the last 24 h
          </summary>
          <ol className="small">
            {[...contacts].reverse().map((contact) => (
              <li key={`${contact.at}-${contact.by}`}>
                <time dateTime={new Date(contact.at).toISOString()}>{formatAgo(contact.at, now)}</time>:{' '}
                {CONTACT_LABEL[contact.connection]}, by {contact.by === 'report' ? 'a report' : 'a connection test'}
                {contact.cause ? ` (${contact.cause})` : ''}
              </li>
            ))}
          </ol>
        </details>
      )}
      <RecentCallsTable
        calls={activity.recentCalls}
        displayName="the UniFi console"
        now={now}
        testId="card-unifi-calls"
      />
    </>
  )
}
