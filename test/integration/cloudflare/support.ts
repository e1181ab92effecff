/** Shared set-up for the Cloudflare loopback tests: settings pointing at the fake, and an integration context. */
import { createDispatcher } from '../../../src/core/http/index.js'
import type { IntegrationContext } from '../../../src/core/integrations/contract.js'
import { silentLogger } from '../../../src/core/logger.js'
import { settingsSchema, type Settings } from '../../../src/shared/settings.js'
import type { CloudflareSettings } from '../../../src/core/integrations/cloudflare/index.js'
import type { FakeCloudflare } from '../../../src/simulator/cloudflare/index.js'

export const HOUR = 3_600_000

export function settingsFor(fake: FakeCloudflare, extra: Partial<CloudflareSettings> = {}): Settings {
  return settingsSchema.parse({
    integrations: { cloudflare: { apiToken: fake.token, apiUrl: fake.url, ...extra } },
    breaker: { timeoutMs: 5_000, resetTimeoutMs: 10_000, failMax: 3 },
  })
}

export function contextFor(
  settings: Settings,
  options: { now?: number; lookbackHours?: number; signal?: AbortSignal } = {},
): IntegrationContext & { close(): Promise<void> } {
  const now = options.now ?? Date.now()
  const dispatcher = createDispatcher()
  return {
    signal: options.signal ?? new AbortController().signal,
    window: { since: now - (options.lookbackHours ?? 24) * HOUR, until: now },
    dispatcher,
    logger: silentLogger,
    settings,
    unifi: null,
    now: () => now,
    close: () => dispatcher.close(),
  }
}
