import type {
  AppStatus,
  IntegrationStatus,
  Notice,
  ReportProgress,
  ReportSummary,
  UnifiCard,
} from '../../shared/ipc/payloads.js'
import type { DeliveryStatus } from '../../shared/ipc/delivery-payloads.js'
import type { ScheduleStatus } from '../../shared/ipc/schedule-payloads.js'
import type { IpcFailure } from '../../shared/result.js'
import { joinMessage } from '../../shared/text/message-parts.js'

/** The facts the overall status is derived from. */
export interface StatusFacts {
  unifiConfigured: boolean
  /** Whether this build has a report engine wired in (the runner is injected by the composition root). */
  reportEngineAvailable: boolean
  progress: ReportProgress | null
  lastReport: ReportSummary | null
  lastError: IpcFailure | null
  /** When the last run failed or was cancelled (epoch ms), for the tray's "Last report" line. */
  lastErrorAt?: number | null
  /** The UniFi connection card; null where no desktop host runs (the design-mode harness). */
  unifi?: UnifiCard | null
  integrations?: IntegrationStatus[]
  notices?: Notice[]
  /** The tray's schedule (next run, paused); absent where no scheduler runs. */
  schedule?: ScheduleStatus
  /** Delivery cards and undelivered reports; absent where no desktop host runs. */
  delivery?: DeliveryStatus
}

export const UNIFI_NOT_CONFIGURED_REASON =
  'Set up the UniFi connection first: open "Settings & status…" and enter the controller URL and an API key or a local admin account.'
export const NO_REPORT_ENGINE_REASON = 'This build has no report engine wired in yet.'
const ALREADY_RUNNING_REASON = 'A report is being generated.'

/** Pure: the status the tray, the window and notifications show for a set of facts. */
export function computeStatus(facts: StatusFacts, now: number): AppStatus {
  const base = {
    unifiConfigured: facts.unifiConfigured,
    progress: facts.progress,
    lastReport: facts.lastReport,
    lastError: facts.lastError,
    ...(facts.lastErrorAt === undefined ? {} : { lastErrorAt: facts.lastErrorAt }),
    updatedAt: now,
    ...(facts.unifi ? { unifi: facts.unifi } : {}),
    integrations: facts.integrations ?? [],
    notices: facts.notices ?? [],
    ...(facts.schedule ? { schedule: facts.schedule } : {}),
    ...(facts.delivery ? { delivery: facts.delivery } : {}),
  }
  if (facts.progress) {
    return {
      ...base,
      state: 'running',
      headline: 'Generating report…',
      detail: `${facts.progress.phase} ${Math.round(facts.progress.percent)} %`,
      generateBlockedReason: ALREADY_RUNNING_REASON,
    }
  }
  if (!facts.unifiConfigured) {
    return {
      ...base,
      state: 'attention',
      headline: 'UniFi is not configured',
      detail: UNIFI_NOT_CONFIGURED_REASON,
      generateBlockedReason: UNIFI_NOT_CONFIGURED_REASON,
    }
  }
  const generateBlockedReason = facts.reportEngineAvailable ? null : NO_REPORT_ENGINE_REASON
  if (facts.lastError?.kind === 'aborted') {
    return {
      ...base,
      state: 'idle',
      headline: 'Report cancelled',
      detail: 'The run was cancelled; no report was written. Generate one when you are ready.',
      generateBlockedReason,
    }
  }
  if (facts.lastError) {
    return {
      ...base,
      state: 'error',
      headline: 'The last report failed',
      detail: facts.lastError.message,
      generateBlockedReason,
    }
  }
  const attention = attentionReason(facts)
  if (attention) {
    return {
      ...base,
      state: 'attention',
      headline: attention.headline,
      detail: attention.detail,
      generateBlockedReason,
    }
  }
  const detail = facts.lastReport
    ? `Last report: ${facts.lastReport.headline}.`
    : 'No report yet. Use "Generate report now" to create the first one.'
  return { ...base, state: 'idle', headline: 'Ready', detail, generateBlockedReason }
}

/** A breaker open, a partial configuration or an untrusted console: reports still run but something needs a look. */
function attentionReason(facts: StatusFacts): { headline: string; detail: string } | null {
  if (facts.unifi?.connection === 'untrusted-certificate') {
    return {
      headline: 'The UniFi console certificate is not trusted',
      detail: 'Open "Settings & status…", test the connection and trust its fingerprint or load a CA file.',
    }
  }
  const cards = facts.integrations ?? []
  // A source the admin paused is their decision, not something that needs a look.
  const open = cards.find((card) => card.breaker.state === 'open' && !card.controls.paused)
  if (open) {
    return {
      headline: `${open.displayName} is paused after repeated failures`,
      detail: joinMessage(
        `Reports skip ${open.displayName} until its next trial`,
        open.lastError ? `: ${open.lastError.message}` : null,
        '. Use "Retry now" to try at once.',
      ),
    }
  }
  const partial = cards.find((card) => card.configuration.state === 'partial')
  if (partial) {
    return {
      headline: `${partial.displayName} is only partly configured`,
      detail: `Missing: ${partial.configuration.missing.join(', ')}. Complete or clear it in "Settings & status…".`,
    }
  }
  return null
}
