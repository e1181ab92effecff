/** Shared set-up for client tests against the simulated controller. */
import { createMemoryLogger, type LogRecord } from '../../../src/core/logger.js'
import { createUnifiClient, type UnifiClient } from '../../../src/core/unifi/client.js'
import type { ReportWindow } from '../../../src/core/unifi/model.js'
import type { ProbeCache } from '../../../src/core/unifi/probe-cache.js'
import { createInMemorySourceMemory, type SourceMemory } from '../../../src/core/unifi/source-memory.js'
import { unifiSettingsSchema, type UnifiSettings } from '../../../src/shared/settings.js'
import type { SimulatedController } from '../../../src/simulator/unifi/index.js'

export const NOW = Date.UTC(2026, 10, 28, 12, 0, 0)
export const DAY: ReportWindow = { since: NOW - 86_400_000, until: NOW }

export interface ClientUnderTest {
  client: UnifiClient
  logs: LogRecord[]
  memory: SourceMemory
}

export function clientFor(
  sim: SimulatedController,
  overrides: Partial<UnifiSettings> & { auth?: 'password' | 'api-key' } = {},
  memory: SourceMemory = createInMemorySourceMemory(),
  probeCache?: ProbeCache,
): ClientUnderTest {
  const { auth = 'password', ...rest } = overrides
  const settings = unifiSettingsSchema.parse({
    url: sim.url,
    tlsFingerprint: sim.fingerprint,
    requestTimeoutMs: 15_000,
    ...(auth === 'api-key'
      ? { apiKey: sim.credentials.apiKey }
      : { username: sim.credentials.username, password: sim.credentials.password }),
    ...rest,
  })
  const logger = createMemoryLogger()
  return {
    client: createUnifiClient({
      settings,
      logger,
      now: () => NOW,
      sourceMemory: memory,
      ...(probeCache === undefined ? {} : { probeCache }),
    }),
    logs: logger.records,
    memory,
  }
}

/** Requests the simulator saw whose path contains `fragment`. */
export function requestsTo(sim: SimulatedController, fragment: string): number {
  return sim.stats.requests.filter((request) => request.path.includes(fragment)).length
}

/** Every log line and field value as one string, to check that no secret leaked. */
export function logText(logs: readonly LogRecord[]): string {
  return logs.map((record) => `${record.message} ${JSON.stringify(record.fields)}`).join('\n')
}
