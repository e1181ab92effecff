/**
 * Live status of the optional integrations, as plain JSON: the engine builds these snapshots, the
 * desktop main process pushes them to the renderer over IPC and the CLI prints them. Nothing here may carry a
 * secret: errors are reduced to their user-facing message and class.
 */

/** Detection by credentials alone: nothing set, some required fields missing, or ready to run. */
export type ConfigurationState = 'not-configured' | 'partial' | 'configured'

export type BreakerState = 'closed' | 'open' | 'half-open'

/**
 * What a source's timeline shows: the breaker's state, except that a closed breaker whose last call was a
 * configuration problem (auth, 4xx, TLS trust: never counted toward the breaker) is `needs-attention`.
 */
export type SourceState = BreakerState | 'needs-attention'

/** How one call ended, in the card's words: `rejected` is a configuration problem the breaker does not count. */
export type CallOutcome = 'ok' | 'timeout' | 'rejected' | 'error' | 'short-circuited' | 'cancelled'

/** How many calls the card lists, newest first. */
export const RECENT_CALLS_MAX = 20
/** How far back the state timeline reaches, and how many transitions it keeps at most within that span. */
export const TIMELINE_SPAN_MS = 24 * 60 * 60 * 1000
export const TIMELINE_MAX_TRANSITIONS = 200
/** Bound of a transition's cause in words (it is built from counts and error classes, never from a message). */
export const TIMELINE_CAUSE_MAX = 200

export interface IntegrationConfigurationStatus {
  state: ConfigurationState
  /** Keys of the required credential fields that have no value (only for `partial`). */
  missing: string[]
}

export interface IntegrationBreakerStatus {
  state: BreakerState
  consecutiveFailures: number
  failMax: number
  resetTimeoutMs: number
  timeoutMs: number
  /** Epoch ms when the breaker last opened; null while closed. */
  openedAt: number | null
  /** Epoch ms when the next trial call is admitted while open; null otherwise. */
  nextTrialAt: number | null
  /** Half-open with the single trial call currently running ("probing…"). */
  trialInFlight: boolean
}

/** The error class of the last failed call (the engine's ErrorKind, or `circuit-open`). */
export interface IntegrationErrorStatus {
  message: string
  kind: string
  /** Whether it counted toward the breaker (auth/config problems do not). */
  counted: boolean
  at: number
  /** What the upstream asked to wait (`Retry-After`), when it said. */
  retryAfterMs?: number | null
}

/** Why a source is not answering, in classes the admin can act on. */
export type TripCause = 'outage' | 'timeout' | 'rate-limit' | 'credentials' | 'configuration'

/** Why the breaker opened (or the source needs attention), from the error that did it. */
export interface IntegrationTripStatus {
  cause: TripCause
  /** One sentence: what happened and what happens next, e.g. "Rate limited: Cloudflare asked to wait 60 s." */
  text: string
  retryAfterMs: number | null
  at: number
}

/** What the admin decided for the source on the Status tab, and what the reports lost. */
export interface IntegrationControlsStatus {
  /** Forced off by the admin until resumed ("paused by you"); kept in the settings across restarts. */
  paused: boolean
  /** The policy values the source sets itself (the rest are the global ones). */
  ownPolicy: Array<'failMax' | 'resetTimeoutMs' | 'timeoutMs'>
  /** The most recent reports in a row that have no section of this source (0 once one has it again). */
  reportsWithoutSection: number
}

/** Counts over the rolling window (default the last 10 minutes). */
export interface IntegrationWindowStatus {
  windowMs: number
  successes: number
  /** Counted failures other than timeouts. */
  failures: number
  timeouts: number
  /** Calls refused at once because the breaker was open. */
  shortCircuits: number
  /** Configuration problems (auth, 4xx, TLS trust): reported as needs-attention, never counted. */
  notCounted: number
  /** Latency percentiles of calls that ran (nearest rank, latency-percentiles.ts); null with no samples. */
  p50Ms: number | null
  p90Ms: number | null
  p99Ms: number | null
  /** The slowest call that ran, shown beside the timeout; null with no samples. */
  maxMs: number | null
}

/** One settled call. */
export interface IntegrationCallStatus {
  at: number
  outcome: CallOutcome
  /** Null for a short-circuited call (nothing ran). */
  latencyMs: number | null
  /** The error class (`timeout`, `auth`, `unreachable`, …) of a call that did not succeed; null for `ok`. */
  kind: string | null
}

/** One change of a source's state, with its cause in words. */
export interface IntegrationStateTransition {
  at: number
  state: SourceState
  cause: string
}

/** The last 24 h of state changes (at most TIMELINE_MAX_TRANSITIONS), oldest first. */
export interface IntegrationTimelineStatus {
  /** Epoch ms from which the state is known: the later of 24 h ago and when the source started being watched. */
  from: number
  /** The state at `from`, before the first transition. */
  fromState: SourceState
  transitions: IntegrationStateTransition[]
}

export interface IntegrationStatusSnapshot {
  id: string
  displayName: string
  configuration: IntegrationConfigurationStatus
  breaker: IntegrationBreakerStatus
  lastError: IntegrationErrorStatus | null
  lastSuccessAt: number | null
  lastLatencyMs: number | null
  /** Epoch ms of the change this snapshot reflects. */
  updatedAt: number
  window: IntegrationWindowStatus
  /** Set while the breaker is not closed or the last error needs attention. */
  trip: IntegrationTripStatus | null
  controls: IntegrationControlsStatus
  /** The last RECENT_CALLS_MAX calls, newest first (cancelled ones too: they are part of what happened). */
  recentCalls: IntegrationCallStatus[]
  timeline: IntegrationTimelineStatus
}
