/**
 * Which state a source's timeline is in after a breaker change or a settled call, and why, in words. The words
 * are built from counts, the policy and error classes only, never from an upstream's message, so a cause can
 * never carry a secret that an error message might hold.
 */
import type { IntegrationBreakerStatus, SourceState } from '../../shared/integration-status.js'
import { asSentence, joinMessage } from '../../shared/text/message-parts.js'
import { formatTimeout } from '../time.js'
import type { CallResult } from './call-result.js'

/**
 * opossum's half-open timer may fire a little before or after the cool-down's end; a move to half-open this close
 * to `nextTrialAt` is the cool-down, anything earlier was "Retry now".
 */
const COOL_DOWN_SLACK_MS = 1000

export interface StateChange {
  /** The breaker view before and after the change. */
  previous: IntegrationBreakerStatus
  next: IntegrationBreakerStatus
  /** The settled call that came with it; null for a breaker event alone (open, half-open, settings applied). */
  call: { result: CallResult; kind: string | null } | null
  at: number
}

export interface SourceTransition {
  state: SourceState
  cause: string
}

/** The transition from `current`, or null when the state stays (or when the call that follows will tell why). */
export function nextSourceState(current: SourceState, change: StateChange): SourceTransition | null {
  const { previous, next, call } = change
  if (next.state === 'closed' && policyChanged(previous, next)) {
    return current === 'closed' ? null : { state: 'closed', cause: 'Breaker settings changed; the count starts again.' }
  }
  const coolDown = formatTimeout(next.resetTimeoutMs)
  if (next.state === 'open') {
    if (current === 'open') return null
    const cause =
      current === 'half-open'
        ? joinMessage(
            `The trial call failed${kindPart(call?.kind)}`,
            `; calls are skipped for the cool-down of ${coolDown}.`,
          )
        : joinMessage(
            `Opened after ${next.consecutiveFailures} of ${next.failMax} consecutive failures${kindPart(call?.kind)}`,
            `; calls are skipped for the cool-down of ${coolDown}.`,
          )
    return { state: 'open', cause }
  }
  if (next.state === 'half-open') {
    if (current === 'half-open') return null
    const due = previous.nextTrialAt
    const byCoolDown = due !== null && change.at >= due - COOL_DOWN_SLACK_MS
    return {
      state: 'half-open',
      cause: byCoolDown
        ? joinMessage(`The cool-down of ${coolDown} elapsed`, '; the next call is the trial.')
        : 'Retry now: the next call is the trial.',
    }
  }
  // Closed. A breaker event alone does not say how the trial ended (a rejected trial closes opossum's breaker
  // too): the call's record, which follows at once, decides.
  if (!call) return null
  switch (call.result) {
    case 'success':
      if (current === 'closed') return null
      return {
        state: 'closed',
        cause:
          current === 'needs-attention'
            ? 'A call succeeded again.'
            : 'The trial call succeeded; calls go through again.',
      }
    case 'not-counted':
      if (current === 'needs-attention') return null
      return {
        state: 'needs-attention',
        cause: asSentence(
          joinMessage(
            current === 'half-open' ? 'The trial call was rejected' : 'A call was rejected',
            kindPart(call.kind),
            '; not counted toward the breaker: check the settings',
          ),
        ),
      }
    case 'failure':
    case 'timeout':
      // The call got past the settings this time: what needed attention is no longer the latest word.
      if (current !== 'needs-attention') return null
      return {
        state: 'closed',
        cause: joinMessage(
          `A call failed${kindPart(call.kind)}`,
          `; ${next.consecutiveFailures} of ${next.failMax} failures.`,
        ),
      }
    default:
      return null
  }
}

function kindPart(kind: string | null | undefined): string {
  return kind ? ` (${kind})` : ''
}

function policyChanged(a: IntegrationBreakerStatus, b: IntegrationBreakerStatus): boolean {
  return a.failMax !== b.failMax || a.resetTimeoutMs !== b.resetTimeoutMs || a.timeoutMs !== b.timeoutMs
}
