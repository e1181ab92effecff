/**
 * The integration contract. An integration declares who it is, which settings it needs, how to
 * fetch its data for a report window, and how to show that data as a report section. Detection is by
 * credentials alone: the runtime decides from `fields` whether it is not configured, partially configured
 * or runnable. Registration is one line in `registry.ts`.
 */
import type { Dispatcher } from 'undici'
import type { Settings } from '../../shared/settings.js'
import type { Logger } from '../logger.js'
import type { ReportSection } from '../report/section.js'
import type { ReportWindow } from '../unifi/model.js'
import type { UnifiRunAccess } from '../unifi/run-access.js'

export interface CredentialField {
  /** Name shown in "missing: …" lists and used by the CLI/UI, e.g. `apiToken`. */
  key: string
  label: string
  required: boolean
  secret: boolean
  /** One sentence of guidance for the settings form. */
  help?: string
  /** Whether this field has a value in the given settings. */
  isSet(settings: Settings): boolean
}

export interface IntegrationContext {
  /** Aborted when the integration's time budget runs out or the run is cancelled: pass it to every request. */
  signal: AbortSignal
  window: ReportWindow
  /** Shared undici dispatcher with default (system) TLS trust. */
  dispatcher: Dispatcher
  logger: Logger
  settings: Settings
  /** Present when UniFi is configured and the run has a controller session. */
  unifi: UnifiRunAccess | null
  now(): number
}

export interface ConnectionTestResult {
  ok: boolean
  /** Plain-English outcome, e.g. "Token is valid (active, expires 2027-01-01)". */
  message: string
  details?: Record<string, string>
}

export interface Integration<TData = unknown> {
  /** Stable id: `cloudflare`, `cybersecure`. */
  readonly id: string
  readonly displayName: string
  /** One line for the settings panel, e.g. "Uses the UniFi connection". */
  readonly description: string
  readonly fields: readonly CredentialField[]
  fetch(ctx: IntegrationContext): Promise<TData>
  /** Turns fetched data into the report section (pure; no I/O). */
  renderSection(data: TData, ctx: { window: ReportWindow; timezone: string }): ReportSection
  /** Optional "test connection"/"verify token" action for the UI and `check`. */
  testConnection?(ctx: Omit<IntegrationContext, 'window'>): Promise<ConnectionTestResult>
}

/** Erases the data type so integrations of different data can sit in one list. */
export type AnyIntegration = Integration<never> | Integration<unknown>

export type BreakerStateName = 'closed' | 'open' | 'half-open'

/** Why a runnable integration produced no data. */
export type FailureReason = 'timeout' | 'error' | 'circuit-open'

interface OutcomeBase {
  id: string
  displayName: string
  durationMs: number
  breaker: BreakerStateName
}

/** One result per registered integration per run. */
export type IntegrationOutcome =
  | (OutcomeBase & { status: 'ok'; section: ReportSection; data: unknown })
  | (OutcomeBase & {
      status: 'failed'
      reason: FailureReason
      /** e.g. "Cloudflare: unable to fetch data (timed out after 30 s)". */
      message: string
      errorKind: string
      /** Epoch ms of the next trial when the breaker is open. */
      nextAttemptAt: number | null
      /** The error's full user-facing text (what happened and what to do), when it adds to `message`. */
      detail?: string
    })
  | (OutcomeBase & {
      status: 'needs-attention'
      message: string
      errorKind: string
      /** The error's full user-facing text (what to check or change). */
      detail?: string
    })
  | (OutcomeBase & { status: 'partial-config'; missing: string[]; message: string })
  | (OutcomeBase & { status: 'not-configured' })
