/**
 * One report run through the report session every shell holds: the UniFi collection (a simulated console that
 * answers every request after 250 ms, about 1 s in all) and an integration whose API answers after 1 s start in
 * the same tick.
 * Figure: the run's wall time divided by the slower of the two (target ≤ 1.25; one after the other would be
 * about their sum divided by the slower), with analysis, rendering and the files included.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'
import { HttpStatusError } from '../core/errors.js'
import { httpRequest, parseJsonBody } from '../core/http/index.js'
import type { Integration } from '../core/integrations/contract.js'
import { silentLogger } from '../core/logger.js'
import { createReportSession } from '../core/pipeline/report-session.js'
import { settingsSchema } from '../shared/settings.js'
import { startSimulator } from './sim-child.js'

const CONSOLE_LATENCY_MS = 250
const INTEGRATION_LATENCY_MS = 1_000
const ROUNDS = 3

async function startSlowApi(): Promise<{ origin: string; server: Server }> {
  const server = createServer((_req, res) => {
    setTimeout(() => {
      res.setHeader('content-type', 'application/json')
      res.end('{"value":1}')
    }, INTEGRATION_LATENCY_MS)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

function slowIntegration(origin: string): Integration<unknown> {
  return {
    id: 'slow',
    displayName: 'Slow API',
    description: 'benchmark',
    settingsSchema: z.object({}),
    fields: [],
    async fetch(ctx) {
      const response = await httpRequest({ url: `${origin}/data`, dispatcher: ctx.dispatcher, signal: ctx.signal })
      if (response.status >= 400) throw new HttpStatusError(response.status, origin, `HTTP ${response.status}`)
      return parseJsonBody(response)
    },
    renderSection: () => ({ id: 'integration-slow', title: 'Slow API', tone: 'normal', blocks: [] }),
  }
}

export async function run(print: (line: string) => void): Promise<void> {
  const now = Date.now()
  const sim = await startSimulator({ persona: 'unifi-os-10.3', latencyMs: CONSOLE_LATENCY_MS, now })
  const api = await startSlowApi()
  const dir = await mkdtemp(path.join(os.tmpdir(), 'unifi-scanner-bench-pipeline-'))
  const session = createReportSession({
    logger: silentLogger,
    appVersion: 'bench',
    folders: () => ({ dataDir: dir, reportsDir: path.join(dir, 'reports') }),
    registry: [slowIntegration(api.origin)],
  })
  const settings = settingsSchema.parse({
    unifi: {
      url: sim.url,
      site: 'default',
      username: sim.credentials.username,
      password: sim.credentials.password,
      tlsFingerprint: sim.fingerprint,
    },
  })
  try {
    const rounds: Array<{ total: number; unifi: number; integrations: number }> = []
    // The first run builds the simulator's data set and warms the TLS session: not measured.
    for (let round = 0; round <= ROUNDS; round += 1) {
      const outcome = await session.run({ settings, window: { hours: 24 }, signal: new AbortController().signal })
      if (!outcome?.ok || outcome.integrations[0]?.status !== 'ok') throw new Error('benchmark run failed')
      const { totalMs, unifiMs, integrationsMs } = outcome.timing
      if (round > 0) rounds.push({ total: totalMs, unifi: unifiMs, integrations: integrationsMs })
    }
    const ratios = rounds.map((timing) => timing.total / Math.max(timing.unifi, timing.integrations))
    const serial = rounds.map(
      (timing) => (timing.unifi + timing.integrations) / Math.max(timing.unifi, timing.integrations),
    )
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN
    const first = rounds[0]
    print(
      `pipeline: UniFi ${Math.round(first?.unifi ?? 0)} ms (answers after ${CONSOLE_LATENCY_MS} ms) beside an ` +
        `integration of ${INTEGRATION_LATENCY_MS} ms: run / slower part = ${median(ratios).toFixed(2)} median of ` +
        `${ROUNDS} (target ≤ 1.25; one after the other would be ${median(serial).toFixed(2)})`,
    )
  } finally {
    await session.close()
    await sim.close()
    await new Promise<void>((resolve) => {
      api.server.closeAllConnections()
      api.server.close(() => resolve())
    })
    await rm(dir, { recursive: true, force: true })
  }
}
