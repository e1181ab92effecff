import { createDeliveryRuntime, type DeliveryRuntime } from '../../core/delivery/runtime.js'
import type { AnyIntegration } from '../../core/integrations/contract.js'
import { createIntegrationRuntime, type IntegrationRuntime } from '../../core/integrations/runner.js'
import { coalesceStatusChanges } from '../../core/integrations/status-coalescer.js'
import type { Logger } from '../../core/logger.js'
import type { IntegrationStatusSnapshot } from '../../shared/integration-status.js'
import type { Settings } from '../../shared/settings.js'
import { credentialIdentity } from './credential-identity.js'

export interface RuntimeHostOptions {
  integrations: readonly AnyIntegration[]
  settings: Settings
  logger: Logger
  now?: () => number
  /** Receives the card of the integration that changed, at most once per 100 ms per integration (coalesced). */
  onStatus: (snapshot: IntegrationStatusSnapshot) => void
}

/**
 * The one integration runtime of the app, and its one delivery runtime: their breakers and status live as long
 * as the app, across reports.
 * A settings change is applied in place; an integration whose credentials changed gets its breaker moved to
 * an immediate trial ("new settings — probing now") instead of waiting out the old failures.
 */
export class RuntimeHost {
  private readonly runtime: IntegrationRuntime
  readonly delivery: DeliveryRuntime
  private readonly identities = new Map<string, string>()
  private readonly stopCoalescing: () => void

  constructor(private readonly options: RuntimeHostOptions) {
    this.runtime = createIntegrationRuntime({
      integrations: options.integrations,
      settings: options.settings,
      logger: options.logger,
      ...(options.now ? { now: options.now } : {}),
    })
    this.delivery = createDeliveryRuntime({
      logger: options.logger,
      ...(options.now ? { now: options.now } : {}),
    })
    this.remember(options.settings)
    this.stopCoalescing = coalesceStatusChanges(
      (listener) => this.runtime.onChange(listener),
      (snapshot) => options.onStatus(snapshot),
      options.now ? { now: options.now } : {},
    )
  }

  get integrationRuntime(): IntegrationRuntime {
    return this.runtime
  }

  status(): IntegrationStatusSnapshot[] {
    return this.runtime.status()
  }

  applySettings(settings: Settings): void {
    this.runtime.updateSettings(settings)
    for (const integration of this.options.integrations) {
      const identity = credentialIdentity(integration, settings)
      if (this.identities.get(integration.id) === identity) continue
      if (this.runtime.retryNow(integration.id)) {
        this.options.logger.info('new settings: probing now', { integration: integration.id })
      }
    }
    // The caller refreshes every card after a settings change (configuration states may all have moved).
    this.remember(settings)
  }

  retryNow(id: string): boolean {
    return this.runtime.retryNow(id)
  }

  async close(): Promise<void> {
    this.stopCoalescing()
    await Promise.all([this.runtime.close(), this.delivery.close()])
  }

  private remember(settings: Settings): void {
    for (const integration of this.options.integrations) {
      this.identities.set(integration.id, credentialIdentity(integration, settings))
    }
  }
}
