/**
 * Loopback harness for pipeline tests: the simulated controller, the real UniFi client and integration
 * runtime, a small loopback HTTP integration whose delay and status the test controls, and temp folders.
 */
import { z } from 'zod'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HttpStatusError } from '../../../src/core/errors.js'
import { httpRequest } from '../../../src/core/http/index.js'
import type { Integration } from '../../../src/core/integrations/contract.js'
import { createIntegrationRuntime, type IntegrationRuntime } from '../../../src/core/integrations/runner.js'
import { createMemoryLogger } from '../../../src/core/logger.js'
import type { PipelineDeps } from '../../../src/core/pipeline/deps.js'
import { createUnifiClient, type UnifiClient } from '../../../src/core/unifi/index.js'
import { settingsSchema, type Settings, type SettingsInput } from '../../../src/shared/settings.js'
import {
  startSimulatedController,
  type SimulatedController,
  type SimulatorFault,
} from '../../../src/simulator/unifi/index.js'

export interface FeedServer {
  url: string
  delayMs: number
  status: number
  requests: number
  /** When each request arrived and when it was answered (epoch ms), in arrival order. */
  arrivals: Array<{ at: number; answeredAt: number | null }>
  close(): Promise<void>
}

/** A loopback HTTP endpoint the test integration reads; delay and status are switched by the test. */
export async function startFeedServer(): Promise<FeedServer> {
  const feed = { delayMs: 0, status: 200, requests: 0, arrivals: [] as FeedServer['arrivals'] }
  const server: Server = createServer((_req, res) => {
    feed.requests += 1
    const arrival = { at: Date.now(), answeredAt: null as number | null }
    feed.arrivals.push(arrival)
    setTimeout(() => {
      res.writeHead(feed.status, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ blocked: 3, path: '/wp-login.php' }))
      arrival.answeredAt = Date.now()
    }, feed.delayMs)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(feed, {
    url: `http://127.0.0.1:${port}/feed`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  })
}

export function feedIntegration(url: string): Integration<{ blocked: number }> {
  return {
    id: 'feed',
    displayName: 'Loopback Feed',
    description: 'A test integration reading a loopback server.',
    // No settings of its own: always runnable, like an integration riding on something already configured.
    settingsSchema: z.object({}),
    fields: [],
    async fetch(ctx) {
      const response = await httpRequest({ url, dispatcher: ctx.dispatcher, signal: ctx.signal, timeoutMs: 10_000 })
      if (response.status >= 400) {
        throw new HttpStatusError(response.status, url, `The feed answered HTTP ${response.status}; try again later.`)
      }
      return JSON.parse(response.text) as { blocked: number }
    },
    renderSection(data) {
      return {
        id: 'integration-feed',
        title: 'Loopback Feed',
        tone: 'normal',
        summary: `${data.blocked} requests blocked`,
        findings: { severe: 0, medium: 1, low: 0 },
        blocks: [{ type: 'paragraph', text: `The feed blocked ${data.blocked} requests.` }],
      }
    },
  }
}

export interface Harness {
  sim: SimulatedController
  feed: FeedServer
  settings: Settings
  reportsDir: string
  dataDir: string
  logger: ReturnType<typeof createMemoryLogger>
  runtime: IntegrationRuntime
  /** A fresh UniFi client per run, as the CLI and app create one per report. */
  deps(overrides?: Partial<PipelineDeps>): PipelineDeps
  close(): Promise<void>
}

export async function startHarness(options: {
  now: () => number
  faults?: SimulatorFault[]
  settings?: (sim: SimulatedController) => SettingsInput
}): Promise<Harness> {
  const sim = await startSimulatedController({ seed: 3, now: options.now, faults: options.faults ?? [] })
  const feed = await startFeedServer()
  const root = await mkdtemp(join(tmpdir(), 'pipeline-'))
  const settings = settingsSchema.parse(
    options.settings?.(sim) ?? {
      unifi: { url: sim.url, apiKey: sim.credentials.apiKey, tlsFingerprint: sim.fingerprint },
      report: { timezone: 'America/New_York' },
    },
  )
  const logger = createMemoryLogger()
  const runtime = createIntegrationRuntime({
    integrations: [feedIntegration(feed.url)],
    settings,
    logger,
    now: options.now,
  })
  const clients: UnifiClient[] = []
  return {
    sim,
    feed,
    settings,
    reportsDir: join(root, 'reports'),
    dataDir: join(root, 'data'),
    logger,
    runtime,
    deps(overrides = {}) {
      const client = createUnifiClient({ settings: settings.unifi, logger, now: options.now, probePorts: [sim.port] })
      clients.push(client)
      return {
        settings,
        unifi: client,
        integrations: runtime,
        logger,
        appVersion: '0.0.0-test',
        reportsDir: join(root, 'reports'),
        dataDir: join(root, 'data'),
        now: options.now,
        ...overrides,
      }
    },
    async close() {
      await Promise.all(clients.map((client) => client.close()))
      await runtime.close()
      await feed.close()
      await sim.close()
      await rm(root, { recursive: true, force: true })
    },
  }
}
