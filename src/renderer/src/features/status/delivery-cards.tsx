import type { DeliveryCard, DeliveryStatus } from '../../../../shared/ipc/delivery-payloads.js'
import { useNow } from '../../hooks/use-now.js'
import { formatAgo, formatDateTime, formatDuration } from '../../lib/format.js'
import { BREAKER_LABEL } from './breaker-countdown.js'
import { BreakerLimits } from './breaker-limits.js'
import { RecentCallsTable } from './recent-calls-table.js'
import { StateTimelineStrip } from './state-timeline-strip.js'
import { WindowChart } from './window-chart.js'

const RESULT_LABEL: Record<NonNullable<DeliveryCard['last']>['status'], string> = {
  sent: 'Sent',
  failed: 'Failed',
  skipped: 'Skipped',
  'not-configured': 'Not configured',
}
const RESULT_PILL: Record<NonNullable<DeliveryCard['last']>['status'], string> = {
  sent: 'pill-ok',
  failed: 'pill-error',
  skipped: 'pill-warn',
  'not-configured': 'pill-muted',
}

interface DeliveryCardsProps {
  delivery: DeliveryStatus
  clock?: () => number
}

/**
 * One card per configured delivery channel (its breaker and what the last run did with it), then the reports
 * still waiting to go out. Nothing here is a secret: a webhook is named by its name, never its URL.
 */
export function DeliveryCards({ delivery, clock }: DeliveryCardsProps) {
  const open = delivery.channels.some((channel) => channel.breaker.state === 'open')
  const now = useNow(true, open ? 1000 : 10_000, clock)
  if (delivery.channels.length === 0 && delivery.pendingTotal === 0 && delivery.warning === null) return null
  return (
    <section aria-labelledby="delivery-title" data-testid="delivery-status">
      <h2 id="delivery-title" className="section-title">
        Delivery
      </h2>
      {delivery.channels.length > 0 && (
        <div className="card-grid">
          {delivery.channels.map((channel, index) => (
            <ChannelCard key={channel.key} channel={channel} index={index} now={now} />
          ))}
        </div>
      )}
      <PendingList delivery={delivery} />
    </section>
  )
}

function ChannelCard({ channel, index, now }: { channel: DeliveryCard; index: number; now: number }) {
  const id = `delivery-card-${index}`
  const { breaker, last } = channel
  const left = breaker.state === 'open' && breaker.nextTrialAt !== null ? breaker.nextTrialAt - now : null
  return (
    <article className="card integration-card" aria-labelledby={`${id}-title`} data-testid={id}>
      <div className="card-header">
        <h3 id={`${id}-title`}>{channel.label}</h3>
        {!channel.ready && <span className="pill pill-muted">No URL yet</span>}
      </div>
      <div className="breaker-row">
        <span className={`breaker breaker-${breaker.state}`} data-testid={`${id}-breaker`}>
          Breaker: {BREAKER_LABEL[breaker.state]}
        </span>
        {left !== null && (
          <span className="countdown">{left > 0 ? `Next trial in ${formatDuration(left)}` : 'Trial due'}</span>
        )}
      </div>
      <BreakerLimits card={{ breaker, window: channel.activity?.window ?? { maxMs: null } }} testIdPrefix={id} />
      <dl className="facts">
        <dt>Last delivery</dt>
        <dd data-testid={`${id}-last`}>
          {last ? (
            <>
              <span className={`pill ${RESULT_PILL[last.status]}`}>{RESULT_LABEL[last.status]}</span>{' '}
              <time dateTime={new Date(last.at).toISOString()}>{formatAgo(last.at, now)}</time>
              {last.late && ' (a late report)'}
            </>
          ) : (
            'None since the app started'
          )}
        </dd>
      </dl>
      {channel.ready ? (
        last?.message && (
          <p className={last.status === 'sent' ? 'muted small' : 'last-error'} data-testid={`${id}-reason`}>
            {last.message}
          </p>
        )
      ) : (
        <p className="muted small" data-testid={`${id}-reason`}>
          Enter its URL in Settings → Delivery; until then nothing is sent to it.
        </p>
      )}
      {channel.activity && (
        <>
          <WindowChart window={channel.activity.window} testId={`${id}-chart`} />
          <StateTimelineStrip timeline={channel.activity.timeline} now={now} testId={`${id}-timeline`} />
          <RecentCallsTable
            calls={channel.activity.recentCalls}
            displayName={channel.label}
            now={now}
            testId={`${id}-calls`}
          />
        </>
      )}
    </article>
  )
}

function PendingList({ delivery }: { delivery: DeliveryStatus }) {
  return (
    <div className="card" data-testid="delivery-pending">
      <h3>Undelivered reports</h3>
      {delivery.warning && <p className="warning-text">⚠ {delivery.warning}</p>}
      {delivery.pendingTotal === 0 ? (
        <p className="muted small">None: every report went out.</p>
      ) : (
        <>
          <p className="small">
            {delivery.pendingTotal === 1 ? 'One report is' : `${delivery.pendingTotal} reports are`} waiting; they are
            sent again, marked late, with the next report run.
          </p>
          <ul className="pending-list">
            {delivery.pending.map((entry) => (
              <li key={entry.id} data-testid="delivery-pending-entry">
                <strong>{entry.report}</strong> to {entry.label}, waiting since{' '}
                <time dateTime={entry.since}>{formatDateTime(entry.since)}</time>
                {entry.attempts > 0 && ` (${entry.attempts} ${entry.attempts === 1 ? 'attempt' : 'attempts'})`}
                {entry.reason && <span className="muted">: {entry.reason}</span>}
              </li>
            ))}
          </ul>
          {delivery.pendingTotal > delivery.pending.length && (
            <p className="muted small">
              And {delivery.pendingTotal - delivery.pending.length} more (see pending-deliveries.json in the data
              folder).
            </p>
          )}
        </>
      )}
    </div>
  )
}
