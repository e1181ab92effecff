/**
 * Integration runtime figures: (a) parallelism — wall time of a run divided by the
 * slowest integration's latency, with 2 and with 50 loopback integrations; (b) the cost of a short-circuited
 * call; (c) wall time when one integration hangs, divided by its timeout. Loopback servers only.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import { z } from 'zod'
import { HttpStatusError } from '../core/errors.js'
import { createDispatcher, httpRequest, parseJsonBody } from '../core/http/index.js'
import { silentLogger } from '../core/logger.js'
import { IntegrationBreaker } from '../core/integrations/breaker.js'
import type { Integration } from '../core/integrations/contract.js'
import { createIntegrationRuntime } from '../core/integrations/runner.js'
import { defaultSettings, type Settings } from '../shared/settings.js'

interface Upstream {
  origin: string
  server: Server
}

/** One server per integration: real integrations talk to different origins, so no shared connection pool. */
async function startUpstream(latencyMs: number | 'hang'): Promise<Upstream> {
  const server = createServer((_req, res) => {
    if (latencyMs === 'hang') return
    setTimeout(() => {
      res.setHeader('content-type', 'application/json')
      res.end('{"value":1}')
    }, latencyMs)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

async function stopAll(upstreams: Upstream[]): Promise<void> {
  await Promise.all(
    upstreams.map(
      (upstream) =>
        new Promise<void>((resolve) => {
          upstream.server.closeAllConnections()
          upstream.server.close(() => resolve())
        }),
    ),
  )
}

function loopbackIntegration(id: string, origin: string): Integration<unknown> {
  return {
    id,
    displayName: id,
    description: 'benchmark',
    settingsSchema: z.object({}),
    fields: [],
    async fetch(ctx) {
      const response = await httpRequest({ url: `${origin}/data`, dispatcher: ctx.dispatcher, signal: ctx.signal })
      if (response.status >= 400) throw new HttpStatusError(response.status, origin, `HTTP ${response.status}`)
      return parseJsonBody(response)
    },
    renderSection: () => ({ id: `integration-${id}`, title: id, tone: 'normal', blocks: [] }),
  }
}

function settingsWith(timeoutMs: number): Settings {
  const settings = defaultSettings()
  return { ...settings, breaker: { failMax: 3, resetTimeoutMs: Math.max(60_000, timeoutMs * 2), timeoutMs } }
}

const WINDOW = { since: 0, until: 1 }

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

async function parallelRatio(latencies: number[], print: (line: string) => void): Promise<void> {
  const upstreams = await Promise.all(latencies.map((latency) => startUpstream(latency)))
  const dispatcher = createDispatcher()
  const runtime = createIntegrationRuntime({
    integrations: upstreams.map((upstream, index) => loopbackIntegration(`i${index}`, upstream.origin)),
    settings: settingsWith(30_000),
    logger: silentLogger,
    dispatcher,
  })
  try {
    await runtime.run({ window: WINDOW, unifi: null }) // warm-up: connections, JIT
    const ratios: number[] = []
    const slowest = Math.max(...latencies)
    for (let round = 0; round < 5; round += 1) {
      const started = performance.now()
      const outcomes = await runtime.run({ window: WINDOW, unifi: null })
      const wall = performance.now() - started
      if (outcomes.some((outcome) => outcome.status !== 'ok')) throw new Error('benchmark integration failed')
      ratios.push(wall / slowest)
    }
    // The same request alone, without the runtime: separates loopback HTTP cost from the runtime's own.
    const slowestOrigin = upstreams[latencies.indexOf(slowest)]?.origin ?? ''
    const bare: number[] = []
    for (let round = 0; round < 5; round += 1) {
      const started = performance.now()
      await httpRequest({ url: `${slowestOrigin}/data`, dispatcher })
      bare.push((performance.now() - started) / slowest)
    }
    // All requests at once without the runtime: the cost of concurrent loopback HTTP on this machine.
    const bareAll: number[] = []
    for (let round = 0; round < 5; round += 1) {
      const started = performance.now()
      await Promise.all(upstreams.map((upstream) => httpRequest({ url: `${upstream.origin}/data`, dispatcher })))
      bareAll.push((performance.now() - started) / slowest)
    }
    const median = medianOf(ratios)
    print(
      `runtime: ${latencies.length} integrations, max latency ${slowest} ms: wall/max = ${median.toFixed(3)} median, ` +
        `${Math.max(...ratios).toFixed(3)} worst of 5 (≈ +${((median - 1) * slowest).toFixed(1)} ms; ` +
        `target ≤ 1.05 + 50 ms); without the runtime: slowest request alone ${medianOf(bare).toFixed(3)}, ` +
        `all requests at once ${medianOf(bareAll).toFixed(3)}`,
    )
  } finally {
    await runtime.close()
    await dispatcher.close()
    await stopAll(upstreams)
  }
}

async function shortCircuitCost(print: (line: string) => void): Promise<void> {
  const breaker = new IntegrationBreaker<void, never>({
    id: 'bench',
    displayName: 'Bench',
    policy: { failMax: 1, resetTimeoutMs: 3_600_000, timeoutMs: 30_000 },
    action: () => Promise.reject(new HttpStatusError(503, 'http://127.0.0.1/', 'HTTP 503')),
    logger: silentLogger,
  })
  try {
    await breaker.fire().catch(() => undefined)
    if (breaker.state !== 'open') throw new Error('breaker did not open')
    const calls = 20_000
    for (let i = 0; i < 1_000; i += 1) await breaker.fire().catch(() => undefined)
    const started = performance.now()
    for (let i = 0; i < calls; i += 1) await breaker.fire().catch(() => undefined)
    const perCall = (performance.now() - started) / calls
    print(
      `runtime: short-circuited call = ${(perCall * 1000).toFixed(1)} µs = ${perCall.toFixed(3)} of the 1 ms target`,
    )
  } finally {
    breaker.shutdown()
  }

  // The same through the runtime: configuration check, breaker, outcome and status bookkeeping.
  const upstream = await startUpstream(0)
  const failing = {
    ...loopbackIntegration('down', upstream.origin),
    fetch: () => Promise.reject(new HttpStatusError(503, upstream.origin, 'HTTP 503')),
  }
  const runtime = createIntegrationRuntime({
    integrations: [failing],
    settings: { ...settingsWith(30_000), breaker: { failMax: 1, resetTimeoutMs: 3_600_000, timeoutMs: 30_000 } },
    logger: silentLogger,
  })
  try {
    await runtime.run({ window: WINDOW, unifi: null })
    const runs = 5_000
    const started = performance.now()
    for (let i = 0; i < runs; i += 1) await runtime.run({ window: WINDOW, unifi: null })
    const perRun = (performance.now() - started) / runs
    print(`runtime: run() with one open breaker = ${(perRun * 1000).toFixed(1)} µs per run (target < 1 ms)`)
  } finally {
    await runtime.close()
    await stopAll([upstream])
  }
}

async function hangRatio(print: (line: string) => void): Promise<void> {
  const timeoutMs = 1_000
  const upstreams = [await startUpstream('hang'), await startUpstream(20)]
  const dispatcher = createDispatcher()
  const runtime = createIntegrationRuntime({
    integrations: upstreams.map((upstream, index) => loopbackIntegration(`h${index}`, upstream.origin)),
    settings: settingsWith(timeoutMs),
    logger: silentLogger,
    dispatcher,
  })
  try {
    const started = performance.now()
    const outcomes = await runtime.run({ window: WINDOW, unifi: null })
    const wall = performance.now() - started
    const timedOut = outcomes[0]?.status === 'failed' && outcomes[0].reason === 'timeout'
    print(
      `runtime: one integration hangs (timeout ${timeoutMs} ms): wall/timeout = ${(wall / timeoutMs).toFixed(3)} ` +
        `(${timedOut ? 'timed out' : 'DID NOT TIME OUT'}, sibling ${outcomes[1]?.status ?? '?'}; target 1.0)`,
    )
  } finally {
    await runtime.close()
    await dispatcher.close()
    await stopAll(upstreams)
  }
}

export async function run(print: (line: string) => void): Promise<void> {
  await parallelRatio([100, 200], print)
  await parallelRatio(
    Array.from({ length: 50 }, (_, index) => 20 + index * 4),
    print,
  )
  await shortCircuitCost(print)
  await hangRatio(print)
}
