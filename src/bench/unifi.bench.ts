/**
 * UniFi collection figures: collecting 100 000 events, 20 000 threats and 500
 * devices from the simulated controller on loopback, against the floor of fetching the same pages with bare
 * undici and JSON.parse and nothing else. Targets: collection ≤ 2× the floor, peak RSS ≤ 300 MB.
 */
import { SYSTEM_LOG_CATEGORIES } from '../core/unifi/collect/system-log.js'
import { performance } from 'node:perf_hooks'
import { createDispatcher, httpRequest, type HttpMethod } from '../core/http/index.js'
import { silentLogger } from '../core/logger.js'
import { createUnifiClient } from '../core/unifi/client.js'
import { createInMemorySourceMemory } from '../core/unifi/source-memory.js'
import type { ReportWindow } from '../core/unifi/model.js'
import { unifiSettingsSchema } from '../shared/settings.js'
import { startSimulator, type SimHandle } from './sim-child.js'

const SIZES = { events: 100_000, threats: 20_000, devices: 500 }
const PAGE = 1000
const CONCURRENCY = 4
const ROUNDS = 2

export async function run(print: (line: string) => void): Promise<void> {
  const now = Date.now()
  const window: ReportWindow = { since: now - 86_400_000, until: now }
  const sim = await startSimulator({ persona: 'unifi-os-10.3', ...SIZES, now })
  try {
    print(
      `simulated controller: ${SIZES.events} events, ${SIZES.threats} threats, ${SIZES.devices} devices (unifi-os-10.3, ` +
        `${sim.isolated ? 'separate process' : 'same process'})`,
    )
    const floors: number[] = []
    const collections: { ms: number; peakRss: number; baseRss: number }[] = []
    let bytes = 0
    // The collection goes first so its RSS is not inflated by pages the floor left for the GC.
    for (let round = 0; round < ROUNDS; round += 1) {
      collections.push(await collectOnce(sim, window, now, print, round === 0))
      const floor = await bareFetch(sim, window)
      floors.push(floor.ms)
      bytes = floor.bytes
    }
    const floorMs = Math.min(...floors)
    const best = collections.reduce((a, b) => (b.ms < a.ms ? b : a))
    const peak = Math.max(...collections.map((c) => c.peakRss))
    print(
      `floor (bare fetch + JSON.parse of the same pages): ${floors.map(ms).join(', ')} → best ${ms(floorMs)}, ${mb(bytes)} of JSON`,
    )
    print(`client collection: ${collections.map((c) => ms(c.ms)).join(', ')} → best ${ms(best.ms)}`)
    print(`ratio collection / floor: ${(best.ms / floorMs).toFixed(2)}× (target ≤ 2×)`)
    const first = collections[0]
    print(
      `peak RSS during the first collection (fresh process): ${first ? mb(first.peakRss) : '-'} (target ≤ 300 MB; ` +
        `RSS before it ${first ? mb(first.baseRss) : '-'}${sim.isolated ? '' : ', includes the in-process simulator'}); ` +
        `across all rounds, after the floor's pages: ${mb(peak)}`,
    )
  } finally {
    await sim.close()
  }
}

async function collectOnce(
  sim: SimHandle,
  window: ReportWindow,
  now: number,
  print: (line: string) => void,
  describeResult: boolean,
): Promise<{ ms: number; peakRss: number; baseRss: number }> {
  collectGarbage()
  const baseRss = process.memoryUsage().rss
  let peakRss = baseRss
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }, 10)
  const settings = unifiSettingsSchema.parse({
    url: sim.url,
    apiKey: sim.credentials.apiKey,
    tlsFingerprint: sim.fingerprint,
  })
  const client = createUnifiClient({
    settings,
    logger: silentLogger,
    now: () => now,
    sourceMemory: createInMemorySourceMemory(),
  })
  const started = performance.now()
  try {
    const collection = await client.collect(window, AbortSignal.timeout(300_000))
    const elapsed = performance.now() - started
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
    if (describeResult) {
      collectGarbage()
      print(`heap held by the collection result: ${mb(process.memoryUsage().heapUsed)} (V8 heap in use, after GC)`)
      print(
        `collected: ${collection.events.length} events, ${collection.alarms.length} alarms, ${collection.threats.length} threats ` +
          `(merged from ${collection.sources.threats.join(' + ')}), ${collection.devices.length} devices, ${collection.warnings.length} warnings`,
      )
    }
    return { ms: elapsed, peakRss, baseRss }
  } finally {
    clearInterval(sampler)
    await client.close()
  }
}

interface Call {
  method: HttpMethod
  path: string
  body?: (page: number) => unknown
}

/** The same requests the client makes on this persona, with nothing but fetch + JSON.parse. */
async function bareFetch(sim: SimHandle, window: ReportWindow): Promise<{ ms: number; bytes: number }> {
  collectGarbage()
  const dispatcher = createDispatcher({ trust: { fingerprint: sim.fingerprint } })
  const api = '/proxy/network/api/s/default'
  const v2 = '/proxy/network/v2/api/site/default'
  const logBody = (severities: string[]) => (pageNumber: number) => ({
    timestampFrom: window.since,
    timestampTo: window.until,
    pageNumber,
    pageSize: PAGE,
    severities,
    categories: [...SYSTEM_LOG_CATEGORIES],
    searchText: '',
    type: 'GENERAL',
  })
  const calls: Call[] = [
    { method: 'GET', path: '/' },
    { method: 'GET', path: '/proxy/network/api/self/sites' },
    { method: 'GET', path: `${api}/stat/sysinfo` },
    { method: 'GET', path: `${api}/stat/device` },
    { method: 'GET', path: `${api}/stat/health` },
    { method: 'GET', path: `${api}/stat/sta` },
    { method: 'GET', path: `${api}/rest/setting` },
    { method: 'GET', path: `${api}/list/alarm` },
    { method: 'GET', path: `${api}/stat/alarm` },
    {
      method: 'POST',
      path: `${api}/stat/ips/event`,
      body: () => ({ start: window.since, end: window.until, _limit: 10_000 }),
    },
    { method: 'POST', path: `${v2}/system-log/all`, body: logBody(['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH']) },
    { method: 'POST', path: `${v2}/system-log/critical`, body: logBody(['HIGH', 'VERY_HIGH']) },
    {
      method: 'POST',
      path: `${v2}/traffic-flows`,
      body: (pageNumber) => ({
        timestampFrom: window.since,
        timestampTo: window.until,
        pageNumber,
        pageSize: PAGE,
        policy_type: ['INTRUSION_PREVENTION'],
      }),
    },
  ]
  let bytes = 0
  const fetchJson = async (call: Call, page: number): Promise<unknown> => {
    const response = await httpRequest({
      url: `${sim.url}${call.path}`,
      method: call.method,
      headers: { 'x-api-key': sim.credentials.apiKey },
      json: call.body?.(page),
      dispatcher,
      timeoutMs: 120_000,
    })
    bytes += response.text.length
    return response.status === 200 && call.path !== '/' ? (JSON.parse(response.text) as unknown) : null
  }
  const started = performance.now()
  await Promise.all(
    calls.map(async (call) => {
      const first = await fetchJson(call, 0)
      const pages = call.body !== undefined ? totalPages(first) : 1
      let next = 1
      const worker = async (): Promise<void> => {
        while (next < pages) {
          const page = next
          next += 1
          await fetchJson(call, page)
        }
      }
      await Promise.all(Array.from({ length: CONCURRENCY }, worker))
    }),
  )
  const elapsed = performance.now() - started
  await dispatcher.close()
  return { ms: elapsed, bytes }
}

function totalPages(body: unknown): number {
  if (
    typeof body === 'object' &&
    body !== null &&
    'total_page_count' in body &&
    typeof body.total_page_count === 'number'
  ) {
    return body.total_page_count
  }
  return 1
}

function collectGarbage(): void {
  // Present when node runs with --expose-gc (npm run bench does).
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
}

function ms(value: number): string {
  return `${(value / 1000).toFixed(2)} s`
}

function mb(value: number): string {
  return `${Math.round(value / (1024 * 1024))} MB`
}
