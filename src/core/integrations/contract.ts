/**
 * The integration contract. An integration declares who it is, which settings it needs, how to
 * fetch its data for a report window, and how to show that data as a report section. Detection is by
 * credentials alone: the runtime decides from the stored values of `fields` whether it is not configured,
 * partially configured or runnable. Registration is one line in `registry.ts`; the settings storage, secret
 * store, CLI environment, `check` and the settings window's form and card are all derived from this object.
 */
import type { Dispatcher } from 'undici'
import type { z } from 'zod'
import type { Settings } from '../../shared/settings.js'
import type { Logger } from '../logger.js'
import type { AddressNote } from '../report/address-notes.js'
import type { ReportSection } from '../report/section.js'
import type { ReportWindow } from '../unifi/model.js'
import type { UnifiRunAccess } from '../unifi/run-access.js'

export type IntegrationFieldKind = 'secret' | 'text' | 'url' | 'list' | 'number' | 'boolean'

/**
 * One setting of an integration, stored at `settings.integrations[<id>][<key>]`. The settings form, the CLI's
 * environment variables, the secret store and `check` are all built from this list.
 */
export interface IntegrationField {
  /** Key in the integration's values and in "missing: …" lists, e.g. `apiToken` (letters and digits). */
  key: string
  label: string
  /**
   * `secret` values live in the secret store (`integrations.<id>.<key>`) and never reach the renderer; a `url`
   * value is an upstream the secrets are bound to (changing it clears them); `list` is a list of strings;
   * `number` and `boolean` are tuning with defaults and do not count towards "something is configured".
   */
  kind: IntegrationFieldKind
  required: boolean
  /** The CLI environment variable for this field, e.g. `CLOUDFLARE_API_TOKEN`. */
  env?: string
  /** One sentence of guidance for the settings form. */
  help?: string
  placeholder?: string
}

/**
 * Something an integration needs that is not among its own settings (CyberSecure needs the UniFi connection).
 * Counted like a field by the configuration check; shown, not edited, in the settings form.
 */
export interface IntegrationRequirement {
  key: string
  label: string
  isMet(settings: Settings): boolean
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
  /** A private folder for this integration's cache (under the data folder); null when the caller has none. */
  cacheDir?: string | null
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
  /**
   * zod schema of the integration's own values (`settings.integrations[<id>]`): its input is what is stored, its
   * output what `integrationSettings()` hands the integration (defaults applied).
   */
  readonly settingsSchema: z.ZodType
  readonly fields: readonly IntegrationField[]
  readonly requires?: readonly IntegrationRequirement[]
  /** Licence and attribution lines for the About box and the README (data sources, databases). */
  readonly attribution?: readonly string[]
  /** What leaves the machine when it runs, in a sentence or two, for the settings panel. */
  readonly privacyNote?: string
  fetch(ctx: IntegrationContext): Promise<TData>
  /** Turns fetched data into the report section (pure; no I/O). */
  renderSection(data: TData, ctx: { window: ReportWindow; timezone: string }): ReportSection
  /**
   * Optional: what the data says about the external addresses the report names (pure; no I/O). The report shows
   * each note beside the address in the threat tables and under the findings that name it.
   */
  addressNotes?(data: TData): AddressNote[]
  /** Optional "test connection"/"verify token" action for the UI and `check`. */
  testConnection?(ctx: Omit<IntegrationContext, 'window'>): Promise<ConnectionTestResult>
}

/** What an integration declares about itself, without the code that runs: settings, forms, CLI and `check` read this. */
export type IntegrationMeta = Pick<
  AnyIntegration,
  'id' | 'displayName' | 'description' | 'settingsSchema' | 'fields' | 'requires' | 'attribution' | 'privacyNote'
> & { readonly testConnection?: unknown }

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
  | (OutcomeBase & { status: 'ok'; section: ReportSection; data: unknown; addressNotes?: AddressNote[] })
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
  /** Paused by the admin on the Status tab: not called at all until resumed. */
  | (OutcomeBase & { status: 'paused'; message: string })
  | (OutcomeBase & { status: 'not-configured' })
