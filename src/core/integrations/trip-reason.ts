/**
 * Why a source stopped answering, in words and in a class the admin can act on: an outage waits for the
 * upstream, a timeout may want a longer budget, a rate limit says how long the upstream asked to wait, and
 * credentials or configuration need the admin (they never count toward the breaker).
 */
import type {
  IntegrationBreakerStatus,
  IntegrationErrorStatus,
  IntegrationTripStatus,
  TripCause,
} from '../../shared/integration-status.js'
import { formatDuration, formatTimeout } from '../time.js'

const CAUSE_BY_KIND: Readonly<Record<string, TripCause>> = {
  timeout: 'timeout',
  'rate-limited': 'rate-limit',
  auth: 'credentials',
  config: 'configuration',
  'tls-untrusted': 'configuration',
  unreachable: 'outage',
  server: 'outage',
  'too-large': 'outage',
  parse: 'outage',
  internal: 'outage',
}

const CAUSE_WORDS: Readonly<Record<TripCause, string>> = {
  outage: 'Outage',
  timeout: 'Timed out',
  'rate-limit': 'Rate limited',
  credentials: 'Credentials refused',
  configuration: 'Configuration problem',
}

/**
 * The trip of a source right now: while its breaker is open or half-open (from the error that opened it), or
 * while its last error needs the admin and no call has succeeded since. Null when nothing is wrong.
 */
export function tripReason(
  displayName: string,
  breaker: IntegrationBreakerStatus,
  lastError: IntegrationErrorStatus | null,
  lastSuccessAt: number | null,
): IntegrationTripStatus | null {
  if (lastError === null) return null
  const cause = CAUSE_BY_KIND[lastError.kind]
  if (cause === undefined) return null
  const needsAdmin = !lastError.counted && (lastSuccessAt === null || lastSuccessAt < lastError.at)
  if (breaker.state === 'closed' && !needsAdmin) return null
  const retryAfterMs = lastError.retryAfterMs ?? null
  return { cause, text: tripText(displayName, cause, breaker, retryAfterMs), retryAfterMs, at: lastError.at }
}

function tripText(
  displayName: string,
  cause: TripCause,
  breaker: IntegrationBreakerStatus,
  retryAfterMs: number | null,
): string {
  const what = CAUSE_WORDS[cause]
  switch (cause) {
    case 'timeout':
      return sentences(
        `${what}: ${displayName} did not answer within the timeout of ${formatTimeout(breaker.timeoutMs)}.`,
        opened(breaker),
      )
    case 'rate-limit':
      return sentences(
        retryAfterMs === null
          ? `${what}: ${displayName} refused more requests for now.`
          : `${what}: ${displayName} asked to wait ${formatDuration(retryAfterMs)}.`,
        opened(breaker),
      )
    case 'credentials':
      return `${what}: ${displayName} rejected the credentials. Check them in Settings; retries do not help.`
    case 'configuration':
      return `${what}: ${displayName} refused the request as configured. Check its settings; retries do not help.`
    case 'outage':
      return sentences(`${what}: ${displayName} could not be reached or answered with an error.`, opened(breaker))
  }
}

function opened(breaker: IntegrationBreakerStatus): string {
  if (breaker.state === 'closed') return ''
  return `After ${breaker.failMax} failure${breaker.failMax === 1 ? '' : 's'} in a row the breaker opened; it tries again after the cool-down of ${formatDuration(breaker.resetTimeoutMs)}.`
}

/** Whole sentences one after another; the empty one (a closed breaker says nothing about opening) is left out. */
function sentences(...parts: readonly string[]): string {
  return parts.filter((part) => part !== '').join(' ')
}
