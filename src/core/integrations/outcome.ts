/**
 * Turns how an integration's call ended into its run outcome: failed with a reason
 * (timeout / error / circuit-open) and a note such as "Cloudflare: unable to fetch data (timed out after 30 s)",
 * or needs-attention for configuration problems (auth, 4xx, TLS trust) that the breaker does not count.
 */
import type { BreakerState } from '../../shared/integration-status.js'
import { HttpStatusError, NetworkError, RequestTimeoutError, type ScannerError } from '../errors.js'
import { CircuitOpenError } from './breaker.js'
import type { IntegrationOutcome } from './contract.js'
import { formatDuration, formatTime, formatTimeout } from '../time.js'

export interface OutcomeBase {
  id: string
  displayName: string
  durationMs: number
  breaker: BreakerState
}

/** Kinds that mean "the admin must change something", not "the service is down". */
export function needsAttention(error: ScannerError): boolean {
  return error.kind === 'auth' || error.kind === 'config' || error.kind === 'tls-untrusted'
}

export function unableToFetch(displayName: string, reason: string): string {
  return `${displayName}: unable to fetch data (${reason})`
}

export function outcomeForError(
  base: OutcomeBase,
  error: ScannerError,
  context: { timeoutMs: number; timezone: string },
): IntegrationOutcome {
  if (error instanceof CircuitOpenError) {
    const when =
      error.nextTrialAt === null
        ? 'a trial call is in progress'
        : `next try ${formatTime(error.nextTrialAt, context.timezone)}`
    return {
      ...base,
      status: 'failed',
      reason: 'circuit-open',
      message: unableToFetch(base.displayName, `circuit open, ${when}`),
      errorKind: error.kind,
      nextAttemptAt: error.nextTrialAt,
    }
  }
  if (needsAttention(error)) {
    return {
      ...base,
      status: 'needs-attention',
      message: `${base.displayName} needs attention: ${attentionReason(error)}`,
      errorKind: error.kind,
      detail: error.message,
    }
  }
  if (error.kind === 'timeout') {
    const budget = error instanceof RequestTimeoutError ? error.timeoutMs : context.timeoutMs
    return failed(base, error, 'timeout', `timed out after ${formatTimeout(budget)}`)
  }
  return failed(base, error, 'error', shortReason(error))
}

function failed(base: OutcomeBase, error: ScannerError, reason: 'timeout' | 'error', text: string): IntegrationOutcome {
  return {
    ...base,
    status: 'failed',
    reason,
    message: unableToFetch(base.displayName, text),
    errorKind: error.kind,
    nextAttemptAt: null,
    detail: error.message,
  }
}

function attentionReason(error: ScannerError): string {
  if (error.kind === 'tls-untrusted') return 'its certificate is not trusted'
  if (error instanceof HttpStatusError) {
    return error.kind === 'auth'
      ? `the credentials were rejected (HTTP ${error.statusCode})`
      : `the request was refused (HTTP ${error.statusCode})`
  }
  return error.kind === 'auth' ? 'the credentials were rejected' : 'the settings need a change'
}

/** A few words for the note; the full message (with what to do) goes into the outcome's detail. */
function shortReason(error: ScannerError): string {
  if (error instanceof HttpStatusError) {
    const wait = error.retryAfterMs !== null ? `, retry after ${formatDuration(error.retryAfterMs)}` : ''
    return error.statusCode === 429 ? `rate limited, HTTP 429${wait}` : `HTTP ${error.statusCode}${wait}`
  }
  switch (error.kind) {
    case 'unreachable':
      return error instanceof NetworkError && error.code !== 'NETWORK'
        ? `cannot reach the server, ${error.code}`
        : 'cannot reach the server'
    case 'server':
      return 'server error'
    case 'rate-limited':
      return 'rate limited'
    case 'too-large':
      return 'response too large'
    case 'parse':
      return 'invalid response'
    case 'aborted':
      return 'cancelled'
    default:
      return 'unexpected error'
  }
}
