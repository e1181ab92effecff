/**
 * Live status of the optional integrations, as plain JSON: the engine builds these snapshots, the
 * desktop main process pushes them to the renderer over IPC and the CLI prints them. Nothing here may carry a
 * secret: errors are reduced to their user-facing message and class.
 */

/** Detection by credentials alone: nothing set, some required fields missing, or ready to run. */
export type ConfigurationState = 'not-configured' | 'partial' | 'configured'

export type BreakerState = 'closed' | 'open' | 'half-open'

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
  /** Latency percentiles of calls that ran (nearest rank); null with no samples. */
  p50Ms: number | null
  p95Ms: number | null
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
}
