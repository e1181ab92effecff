import { redactSecrets } from '../../core/logger.js'
import type { AppStatus, SettingsView } from '../../shared/ipc/payloads.js'

export interface DiagnosticsInput {
  versions: Record<string, string | undefined>
  platform: string
  /** The secret-free settings view (flags instead of secrets). */
  settings: SettingsView
  status: AppStatus
  /** Current secret values, scrubbed as a last line of defence should one appear anywhere. */
  knownSecrets: readonly string[]
  now: number
}

/**
 * Pure: the text "Copy diagnostics" puts on the clipboard for a support request — versions, settings with
 * secrets reduced to "set"/"not set", the last run's outcome and the integration cards.
 */
export function buildDiagnostics(input: DiagnosticsInput): string {
  const { status } = input
  const lastRun = status.lastError
    ? { outcome: 'failed', code: status.lastError.code, kind: status.lastError.kind, message: status.lastError.message }
    : status.lastReport
      ? {
          outcome: 'ok',
          finishedAt: new Date(status.lastReport.finishedAt).toISOString(),
          headline: status.lastReport.headline,
        }
      : { outcome: 'none yet' }
  const document = {
    generatedAt: new Date(input.now).toISOString(),
    platform: input.platform,
    versions: input.versions,
    state: { state: status.state, headline: status.headline, detail: status.detail },
    lastRun,
    unifi: status.unifi ?? null,
    integrations: (status.integrations ?? []).map((card) => ({
      id: card.id,
      configuration: card.configuration,
      breaker: card.breaker.state,
      consecutiveFailures: card.breaker.consecutiveFailures,
      lastError: card.lastError ? { kind: card.lastError.kind, message: card.lastError.message } : null,
    })),
    settings: input.settings,
  }
  return redactSecrets(`UniFi Scanner diagnostics\n${JSON.stringify(document, null, 2)}\n`, input.knownSecrets)
}
