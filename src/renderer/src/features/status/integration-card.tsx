import { useState } from 'react'
import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import type { IntegrationDescriptor } from '../../../../shared/ipc/integration-descriptor.js'
import type { IntegrationStatus } from '../../../../shared/ipc/payloads.js'
import { useNow } from '../../hooks/use-now.js'
import { formatAgo, formatLatency } from '../../lib/format.js'
import { fieldLabel } from '../settings/field-labels.js'
import { labelsOf } from '../settings/integration-draft.js'
import { BREAKER_LABEL, breakerCountdown } from './breaker-countdown.js'
import { BreakerLimits } from './breaker-limits.js'
import { ConfigurationBadge } from './configuration-badge.js'
import { OwnPolicy, SourceControls, SourceTrip } from './source-controls.js'
import { RecentCallsTable } from './recent-calls-table.js'
import { StateTimelineStrip } from './state-timeline-strip.js'
import { WindowChart } from './window-chart.js'

interface IntegrationCardProps {
  api: BridgeApi
  card: IntegrationStatus
  /** Its descriptor, for the description and the labels of missing fields. */
  descriptor?: IntegrationDescriptor | undefined
  clock?: () => number
  /** Opens the Settings tab at this integration's fields. */
  onFix?: ((id: string) => void) | undefined
}

/**
 * One integration's live state: configuration, breaker with countdown and its limits, why it is off and what the
 * reports lost, last error and success, rolling window, the last calls, the day's state timeline and the controls.
 */
export function IntegrationCard({ api, card, descriptor, clock, onFix }: IntegrationCardProps) {
  const labels = descriptor ? labelsOf(descriptor) : {}
  const { breaker } = card
  // A local clock for the countdown and "ago" labels; the card's data itself changes only by push.
  const now = useNow(true, breaker.state === 'open' ? 1000 : 10_000, clock)
  const [retry, setRetry] = useState<string | null>(null)
  const countdown = breakerCountdown(breaker, now)

  async function retryNow(): Promise<void> {
    setRetry('Retrying…')
    const result = await api.retryIntegrationNow({ id: card.id })
    if (!result.ok) return setRetry(result.error.message)
    setRetry(result.value.accepted ? 'Trial call let through.' : 'Nothing to retry: the breaker is not open.')
  }

  return (
    <article className="card integration-card" aria-labelledby={`card-${card.id}`} data-testid={`card-${card.id}`}>
      <div className="card-header">
        <h3 id={`card-${card.id}`}>{card.displayName}</h3>
        <ConfigurationBadge state={card.configuration.state} testId={`card-${card.id}-config`} />
      </div>
      {card.configuration.state === 'partial' && (
        <p className="warning-text" data-testid={`card-${card.id}-missing`}>
          ⚠ Partial — missing:{' '}
          {card.configuration.missing.map((key) => labels[key] ?? fieldLabel(card.id, key)).join(', ')}
        </p>
      )}
      {descriptor && (
        <p className="muted small" data-testid={`card-${card.id}-description`}>
          {descriptor.description}
        </p>
      )}
      <div className="breaker-row">
        <span className={`breaker breaker-${breaker.state}`} data-testid={`card-${card.id}-breaker`}>
          Breaker: {BREAKER_LABEL[breaker.state]}
        </span>
        {countdown && (
          <span className="countdown" data-testid={`card-${card.id}-countdown`}>
            {countdown}
          </span>
        )}
      </div>
      <SourceTrip card={card} />
      <BreakerLimits card={card} testIdPrefix={`card-${card.id}`} />
      <dl className="facts">
        <dt>Last success</dt>
        <dd>{card.lastSuccessAt === null ? 'never' : formatAgo(card.lastSuccessAt, now)}</dd>
        <dt>Last latency</dt>
        <dd>{formatLatency(card.lastLatencyMs)}</dd>
      </dl>
      {card.lastError ? (
        <p className="last-error" data-testid={`card-${card.id}-error`}>
          <span className="pill pill-error">{card.lastError.kind}</span> {card.lastError.message}
          {!card.lastError.counted && <span className="muted"> (not counted toward the breaker)</span>}
        </p>
      ) : (
        <p className="muted small" data-testid={`card-${card.id}-error`}>
          No error recorded.
        </p>
      )}
      <WindowChart window={card.window} testId={`card-${card.id}-chart`} />
      <OwnPolicy card={card} />
      <StateTimelineStrip timeline={card.timeline} now={now} testId={`card-${card.id}-timeline`} />
      <RecentCallsTable
        calls={card.recentCalls}
        displayName={card.displayName}
        now={now}
        testId={`card-${card.id}-calls`}
      />
      <div className="button-row">
        <button
          type="button"
          onClick={() => void retryNow()}
          disabled={breaker.state === 'closed' || card.controls.paused}
        >
          Retry now
        </button>
        <SourceControls api={api} card={card} onFix={onFix} />
        <span className="muted small" role="status">
          {retry ?? ''}
        </span>
      </div>
    </article>
  )
}
