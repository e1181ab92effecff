/**
 * The probe result is kept between runs of one process: a second client against the same console neither
 * probes nor waits for it; a connection failure makes the next run probe again, and a stale entry is
 * corrected within the run that meets it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createProbeCache } from '../../../src/core/unifi/probe-cache.js'
import { startSimulatedController, type SimulatedController } from '../../../src/simulator/unifi/index.js'
import { clientFor, DAY, NOW } from './sim-client.js'

let sim: SimulatedController | null = null
afterEach(async () => {
  await sim?.close()
  sim = null
})

const probes = (controller: SimulatedController): number =>
  controller.stats.requests.filter((request) => request.path === '/').length

describe('probe cache', () => {
  it('probes once for two runs, and again after a run that could not reach the console', async () => {
    sim = await startSimulatedController({ now: () => NOW })
    const cache = createProbeCache()
    const run = async (): Promise<void> => {
      const { client } = clientFor(sim as SimulatedController, { site: 'default' }, undefined, cache)
      try {
        await client.collect(DAY, AbortSignal.timeout(20_000))
      } finally {
        await client.close()
      }
    }
    await run()
    await run()
    expect(probes(sim)).toBe(1)
    sim.setFaults([{ type: 'reset', pathIncludes: 'stat/device' }])
    await run()
    sim.setFaults([])
    expect(probes(sim)).toBe(1)
    await run()
    expect(probes(sim)).toBe(2)
  })

  it('a stale entry (another flavour at the address) is probed again in the same run', async () => {
    sim = await startSimulatedController({ now: () => NOW })
    const cache = createProbeCache()
    const first = clientFor(sim, {}, undefined, cache)
    await first.client.connect(AbortSignal.timeout(10_000))
    await first.client.close()
    const [key] = [...keysOf(cache, sim)]
    expect(key).toBeDefined()
    cache.set(key as string, { kind: 'classic', baseUrl: sim.url, port: sim.port })
    const second = clientFor(sim, {}, undefined, cache)
    const info = await second.client.connect(AbortSignal.timeout(10_000))
    await second.client.close()
    expect(info.kind).toBe('unifi-os')
    expect(probes(sim)).toBe(2)
    expect(cache.get(key as string)?.kind).toBe('unifi-os')
  })
})

/** The cache's keys are private; find the one for this console by trying what the client would use. */
function keysOf(cache: ReturnType<typeof createProbeCache>, controller: SimulatedController): string[] {
  const key = ['127.0.0.1', String(controller.port), controller.fingerprint, ''].join('|')
  return cache.get(key) === undefined ? [] : [key]
}
