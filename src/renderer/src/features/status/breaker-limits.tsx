import type { IntegrationStatus } from '../../../../shared/ipc/payloads.js'
import { joinMessage } from '../../../../shared/text/message-parts.js'
import { formatLatency, formatLimit } from '../../lib/format.js'

interface BreakerLimitsProps {
  /** An integration's card, or a delivery channel's breaker with the window of its calls. */
  card: {
    breaker: Pick<IntegrationStatus['breaker'], 'consecutiveFailures' | 'failMax' | 'timeoutMs' | 'resetTimeoutMs'>
    window: Pick<IntegrationStatus['window'], 'maxMs'>
  }
  /** `card-<id>`: the list is `<prefix>-limits`, its items `<prefix>-failures`, `-timeout`, `-cooldown`. */
  testIdPrefix: string
}

/**
 * The configured thresholds beside the live values they limit, so "how close is this to tripping" is read at
 * a glance: failures against the trip count, the slowest call against the timeout, and the cool-down.
 */
export function BreakerLimits({ card, testIdPrefix: prefix }: BreakerLimitsProps) {
  const { breaker, window } = card
  const slowest = window.maxMs === null ? ', no call in the window' : `, slowest call ${formatLatency(window.maxMs)}`
  return (
    <ul className="limits" data-testid={`${prefix}-limits`}>
      <li data-testid={`${prefix}-failures`}>
        {breaker.consecutiveFailures} of {breaker.failMax} failures
      </li>
      <li data-testid={`${prefix}-timeout`}>{joinMessage(`timeout ${formatLimit(breaker.timeoutMs)}`, slowest)}</li>
      <li data-testid={`${prefix}-cooldown`}>cool-down {formatLimit(breaker.resetTimeoutMs)}</li>
    </ul>
  )
}
