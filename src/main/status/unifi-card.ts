import type { ControllerSummary, ReportSummary, UnifiCard, UnifiTestResult } from '../../shared/ipc/payloads.js'
import type { IpcFailure } from '../../shared/result.js'
import type { Settings } from '../../shared/settings.js'
import type { UnifiExchangeRecord } from '../../core/unifi/session.js'
import { ConsoleActivity } from './console-activity.js'

/** Pure: which UniFi fields are missing; `partial` when something was entered but a run still cannot start. */
export function unifiConfiguration(settings: Settings): UnifiCard['configuration'] {
  const { url, apiKey, username, password } = settings.unifi
  const missing: string[] = []
  if (!url) missing.push('unifi.url')
  if (!apiKey) {
    if (!username) missing.push(password ? 'unifi.username' : 'unifi.apiKey')
    else if (!password) missing.push('unifi.password')
  }
  const anything = Boolean(url || apiKey || username || password)
  if (missing.length === 0) return { state: 'configured', missing }
  return { state: anything ? 'partial' : 'not-configured', missing: anything ? missing : [] }
}

/**
 * The UniFi connection card: configuration from the settings, connection from the last contact with the console
 * (a connection test or a report). A change of the UniFi settings keeps that last contact on the card, marked as
 * made with the earlier settings: "Not checked yet" after a contact would be untrue.
 */
export class UnifiCardState {
  private connection: UnifiCard['connection'] = 'unknown'
  private controller: ControllerSummary | null = null
  private lastCheckedAt: number | null = null
  private checkedBy: UnifiCard['checkedBy'] = null
  private settingsChangedSince = false
  private lastError: IpcFailure | null = null
  private identity: string
  private readonly activity: ConsoleActivity

  constructor(
    private settings: Settings,
    private readonly now: () => number,
  ) {
    this.identity = JSON.stringify(settings.unifi)
    this.activity = new ConsoleActivity(now)
  }

  /** One request of a report (or a test) to the console, for the card's last calls and latencies. */
  exchange(record: UnifiExchangeRecord): void {
    this.activity.exchange(record)
  }

  card(): UnifiCard {
    return {
      configuration: unifiConfiguration(this.settings),
      connection: this.connection,
      checkedBy: this.checkedBy,
      settingsChangedSince: this.settingsChangedSince,
      controller: this.controller,
      site: this.settings.unifi.site ?? null,
      lastCheckedAt: this.lastCheckedAt,
      lastError: this.lastError,
      trust: {
        pinnedFingerprint: this.settings.unifi.tlsFingerprint ?? null,
        caFile: this.settings.unifi.caFile ?? null,
      },
      activity: this.activity.view(),
    }
  }

  settingsChanged(settings: Settings): void {
    const identity = JSON.stringify(settings.unifi)
    if (identity !== this.identity && this.lastCheckedAt !== null) this.settingsChangedSince = true
    this.identity = identity
    this.settings = settings
  }

  tested(result: UnifiTestResult): void {
    if (result.outcome === 'connected') {
      this.connection = 'connected'
      this.controller = result.controller
      this.lastError = null
    } else {
      this.connection = 'untrusted-certificate'
      this.controller = null
      this.lastError = { code: 'ERR_TLS_UNTRUSTED', kind: 'tls-untrusted', message: result.message }
    }
    this.contact('test')
  }

  failed(failure: IpcFailure, by: 'test' | 'report' = 'test'): void {
    this.connection = failure.kind === 'tls-untrusted' ? 'untrusted-certificate' : 'failed'
    this.controller = null
    this.lastError = failure
    this.contact(by)
  }

  /** A report read the console: connected, with the kind and version the run saw (the test's hostname kept). */
  reported(summary: ReportSummary): void {
    if (!summary.console) return
    const baseUrl = this.settings.unifi.url ?? ''
    const previous = this.controller?.baseUrl === baseUrl ? this.controller : null
    this.connection = 'connected'
    this.lastError = null
    this.controller = summary.console.kind
      ? {
          kind: summary.console.kind,
          baseUrl,
          version: summary.console.version,
          hostname: previous?.hostname ?? null,
          authMethod: this.settings.unifi.apiKey ? 'api-key' : 'password',
        }
      : previous
    this.contact('report', summary.finishedAt)
  }

  /** Called after the connection state was updated: the day's contacts keep each with its result. */
  private contact(by: 'test' | 'report', at: number = this.now()): void {
    this.lastCheckedAt = at
    this.checkedBy = by
    this.settingsChangedSince = false
    if (this.connection === 'unknown') return
    const cause = this.lastError ? `${this.lastError.kind} (${this.lastError.code})` : null
    this.activity.contact(at, this.connection, by, cause)
  }
}
