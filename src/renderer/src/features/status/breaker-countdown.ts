import type { IntegrationStatus } from '../../../../shared/ipc/payloads.js'
import { formatDuration } from '../../lib/format.js'

type Breaker = IntegrationStatus['breaker']

/**
 * What the breaker is waiting for, in words: the countdown to the next trial call while open, "probing…" while the
 * trial runs. Null while closed (nothing to wait for).
 */
export function breakerCountdown(breaker: Breaker, now: number): string | null {
  if (breaker.state === 'closed') return null
  if (breaker.state === 'half-open') {
    return breaker.trialInFlight ? 'Probing… (trial call running)' : 'The next call is the trial'
  }
  if (breaker.nextTrialAt === null) return 'Waiting for a trial call'
  const left = breaker.nextTrialAt - now
  return left > 0 ? `Next trial in ${formatDuration(left)}` : 'Trial call due'
}

export const BREAKER_LABEL: Record<Breaker['state'], string> = {
  closed: 'Closed',
  open: 'Open',
  'half-open': 'Half-open',
}
