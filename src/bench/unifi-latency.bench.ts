/**
 * UniFi collection over a slow link: the simulated console answers every request a fixed time after it
 * arrived (a console across a VPN). Figures: the UniFi wall time of a one-page site in round trips at 100 ms
 * and at 400 ms, for the first run ever and for a usual run (a new process that reads the source memory an
 * earlier run left in the data folder, so it skips the endpoints the console lacks; target ≤ 5: the probe with
 * the login beside it, then the wave of fifteen reads at four at a time), what the configuration posture adds
 * at the default bound and at the widest (target ≤ 1 round trip), the same for a 100 000-event site against
 * `requests × latency / bound + the same collection without latency`, and the most requests the console had
 * open at once (must equal the bound, never more). Logout happens after the report files are written and is
 * timed apart.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { silentLogger } from '../core/logger.js'
import { openSourceMemory } from '../core/pipeline/source-memory-file.js'
import { createUnifiClient } from '../core/unifi/client.js'
import type { ReportWindow } from '../core/unifi/model.js'
import { createProbeCache, type ProbeCache } from '../core/unifi/probe-cache.js'
import { createInMemorySourceMemory, type SourceMemory } from '../core/unifi/source-memory.js'
import { unifiSettingsSchema } from '../shared/settings.js'
import { startSimulator, type SimHandle, type SimSpec } from './sim-child.js'

const BOUND = 4
/** The widest bound the settings allow: closest to the critical path of dependent requests alone. */
const WIDE_BOUND = 8
const SMALL_LATENCY = 100
const LONG_LATENCY = 400
const BUSY_LATENCY = 20
const BUSY = { events: 100_000, threats: 20_000, devices: 500 }

interface Timed {
  collectMs: number
  logoutMs: number
  requests: number
  maxInFlight: number
}

interface Caches {
  probe: ProbeCache
  memory: SourceMemory
  /** Writes what the run learned where the next "process" will read it (the data folder's file). */
  flush?: () => Promise<void>
}

const freshCaches = (): Caches => ({ probe: createProbeCache(), memory: createInMemorySourceMemory() })

/**
 * A fresh process on a console an earlier run has seen: no probe cache, and the source memory read from the
 * data folder (what a CLI started by cron, or the app after a restart, starts with).
 */
async function freshProcess(dataDir: string): Promise<Caches> {
  const { memory } = await openSourceMemory(dataDir, silentLogger, Date.now)
  return { probe: createProbeCache(), memory, flush: () => memory.flush() }
}

export async function run(print: (line: string) => void): Promise<void> {
  const now = Date.now()
  const window: ReportWindow = { since: now - 86_400_000, until: now }
  await smallSite(print, now, window, SMALL_LATENCY)
  // The same at a long latency: the client's and the simulator's CPU time (large on a loaded machine) then
  // weighs a quarter as much per round trip, which shows the round trips the schedule itself costs.
  await smallSite(print, now, window, LONG_LATENCY)
  await busySite(print, now, window)
}

async function smallSite(
  print: (line: string) => void,
  now: number,
  window: ReportWindow,
  latencyMs: number,
): Promise<void> {
  const sim = await startSimulator({ persona: 'unifi-os-10.3', latencyMs, now })
  const dataDir = await mkdtemp(join(tmpdir(), 'unifi-bench-data-'))
  try {
    // The simulator builds its data on first use; that is not the client's time.
    await timedCollection(sim, window, now, freshCaches())
    // The first run ever against this console: nothing probed, nothing remembered. It leaves its memory behind.
    const firstCaches = await freshProcess(dataDir)
    const first = await timedCollection(sim, window, now, firstCaches)
    await firstCaches.flush?.()
    const usual = await timedCollection(sim, window, now, await freshProcess(dataDir))
    const sameProcess = await timedCollection(sim, window, now, firstCaches)
    // The machines are noisy: the posture's cost is the difference of medians of three runs each.
    const median = async (caches: () => Promise<Caches>, posture: boolean, bound: number): Promise<Timed> => {
      const runs: Timed[] = []
      for (let i = 0; i < 3; i += 1) runs.push(await timedCollection(sim, window, now, await caches(), posture, bound))
      return runs.sort((a, b) => a.collectMs - b.collectMs)[1] ?? first
    }
    const cold = () => Promise.resolve(freshCaches())
    const remembered = () => freshProcess(dataDir)
    const rounds = (ms: number): string => (ms / latencyMs).toFixed(2)
    const cost = async (label: string, caches: () => Promise<Caches>, bound: number): Promise<void> => {
      const withPosture = await median(caches, true, bound)
      const without = await median(caches, false, bound)
      const extra = withPosture.requests - without.requests
      const added = (withPosture.collectMs - without.collectMs) / latencyMs
      print(
        `configuration posture, ${label}, bound ${bound}: ${extra} more requests (${withPosture.requests} in all), ` +
          `${added.toFixed(2)} more round trips (median ${rounds(withPosture.collectMs)} with, ` +
          `${rounds(without.collectMs)} without; target ≤ 1: ${added <= 1 ? 'met' : 'NOT met'})`,
      )
    }
    print(
      `one-page site, every answer after ${latencyMs} ms (unifi-os-10.3, password, site set, bound ${BOUND}, UPnP off): ` +
        `first run ${first.requests} requests, usual run ${usual.requests}`,
    )
    const target = (ms: number): string => (ms / latencyMs <= 5 ? 'met' : 'NOT met')
    print(
      `UniFi wall time / latency: first run ever ${rounds(first.collectMs)} (${ms(first.collectMs)}); ` +
        `usual run (a new process reading the source memory an earlier run left in the data folder) ` +
        `${rounds(usual.collectMs)} (${ms(usual.collectMs)}; target ≤ 5: ${target(usual.collectMs)}); ` +
        `next run in the same process (probe kept too) ${rounds(sameProcess.collectMs)} (${ms(sameProcess.collectMs)})`,
    )
    await cost('first run ever (nothing remembered)', cold, BOUND)
    await cost('usual run (source memory from an earlier run)', remembered, BOUND)
    await cost('usual run', remembered, WIDE_BOUND)
    print(`logout after the report is written (off the critical path): ${ms(first.logoutMs)}`)
    print(
      `most requests the console had open at once: ${Math.max(first.maxInFlight, usual.maxInFlight)} (bound ${BOUND})`,
    )
  } finally {
    await sim.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}

async function busySite(print: (line: string) => void, now: number, window: ReportWindow): Promise<void> {
  const spec: SimSpec = { persona: 'unifi-os-10.3', ...BUSY, now }
  const floorSim = await startSimulator(spec)
  let floor: Timed
  try {
    await timedCollection(floorSim, window, now, freshCaches())
    floor = await timedCollection(floorSim, window, now, freshCaches())
  } finally {
    await floorSim.close()
  }
  const sim = await startSimulator({ ...spec, latencyMs: BUSY_LATENCY })
  try {
    await timedCollection(sim, window, now, freshCaches())
    const slow = await timedCollection(sim, window, now, freshCaches())
    const expected = (slow.requests * BUSY_LATENCY) / BOUND + floor.collectMs
    print(
      `${BUSY.events} events + ${BUSY.threats} threats + ${BUSY.devices} devices, every answer after ${BUSY_LATENCY} ms: ` +
        `${slow.requests} requests in ${ms(slow.collectMs)}; without latency ${ms(floor.collectMs)}`,
    )
    print(
      `wall time / (requests × latency / bound + time without latency) = ${ms(slow.collectMs)} / ${ms(expected)} = ` +
        `${(slow.collectMs / expected).toFixed(2)} (1 = every slot busy all the time)`,
    )
    print(`most requests the console had open at once: ${slow.maxInFlight} (bound ${BOUND})`)
  } finally {
    await sim.close()
  }
}

async function timedCollection(
  sim: SimHandle,
  window: ReportWindow,
  now: number,
  caches: Caches,
  posture = true,
  bound = BOUND,
): Promise<Timed> {
  const settings = unifiSettingsSchema.parse({
    url: sim.url,
    site: 'default',
    username: sim.credentials.username,
    password: sim.credentials.password,
    tlsFingerprint: sim.fingerprint,
    maxConcurrentRequests: bound,
  })
  const client = createUnifiClient({
    settings,
    logger: silentLogger,
    now: () => now,
    sourceMemory: caches.memory,
    probeCache: caches.probe,
    posture,
  })
  await sim.resetMaxInFlight()
  const before = (await sim.stats()).requests
  const started = performance.now()
  try {
    await client.collect(window, AbortSignal.timeout(300_000))
  } catch (error) {
    await client.close()
    throw error
  }
  const collectMs = performance.now() - started
  const closing = performance.now()
  await client.close()
  const logoutMs = performance.now() - closing
  const after = await sim.stats()
  // The logout is not one of the collection's requests.
  return { collectMs, logoutMs, requests: after.requests - before - 1, maxInFlight: after.maxInFlight }
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`
}
