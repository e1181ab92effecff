import type { ControllerSummary, UnifiCard, UnifiTestResult } from '../../shared/ipc/payloads.js'
import type { IpcFailure } from '../../shared/result.js'
import type { Settings } from '../../shared/settings.js'

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
 * The UniFi connection card: configuration from the settings, connection from the last test. A change of the
 * UniFi settings forgets the old outcome (it said nothing about the new address or credentials).
 */
export class UnifiCardState {
  private connection: UnifiCard['connection'] = 'unknown'
  private controller: ControllerSummary | null = null
  private lastCheckedAt: number | null = null
  private lastError: IpcFailure | null = null
  private identity: string

  constructor(
    private settings: Settings,
    private readonly now: () => number,
  ) {
    this.identity = JSON.stringify(settings.unifi)
  }

  card(): UnifiCard {
    return {
      configuration: unifiConfiguration(this.settings),
      connection: this.connection,
      controller: this.controller,
      site: this.settings.unifi.site ?? null,
      lastCheckedAt: this.lastCheckedAt,
      lastError: this.lastError,
      trust: {
        pinnedFingerprint: this.settings.unifi.tlsFingerprint ?? null,
        caFile: this.settings.unifi.caFile ?? null,
      },
    }
  }

  settingsChanged(settings: Settings): void {
    const identity = JSON.stringify(settings.unifi)
    if (identity !== this.identity) {
      this.connection = 'unknown'
      this.controller = null
      this.lastError = null
    }
    this.identity = identity
    this.settings = settings
  }

  tested(result: UnifiTestResult): void {
    this.lastCheckedAt = this.now()
    if (result.outcome === 'connected') {
      this.connection = 'connected'
      this.controller = result.controller
      this.lastError = null
    } else {
      this.connection = 'untrusted-certificate'
      this.controller = null
      this.lastError = { code: 'ERR_TLS_UNTRUSTED', kind: 'tls-untrusted', message: result.message }
    }
  }

  failed(failure: IpcFailure): void {
    this.lastCheckedAt = this.now()
    this.connection = 'failed'
    this.controller = null
    this.lastError = failure
  }
}
