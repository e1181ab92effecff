/**
 * The simulated controller of a UniFi benchmark, in a child process running this same bench entry, so its
 * memory and CPU do not count against the client's. Under vitest (the entry is not the built bench) it stays
 * in-process.
 */
import { fork } from 'node:child_process'
import type { PersonaName } from '../simulator/unifi/index.js'
import { startSimulatedController } from '../simulator/unifi/index.js'

/** Set in the child process that hosts the simulator. */
export const SIMULATOR_CHILD_ENV = 'UNIFI_BENCH_SIMULATOR'
const SPEC_ENV = 'UNIFI_BENCH_SIMULATOR_SPEC'

export interface SimSpec {
  persona: PersonaName
  /** Dataset sizes; omitted → the simulator's realistic small site. */
  events?: number
  threats?: number
  devices?: number
  latencyMs?: number
  now: number
}

export interface SimStats {
  /** Most requests open at once since the last reset. */
  maxInFlight: number
  /** Requests received since start. */
  requests: number
}

export interface SimHandle {
  url: string
  fingerprint: string
  credentials: { username: string; password: string; apiKey: string }
  /** Whether the simulator runs in its own process (RSS figures then cover the client alone). */
  isolated: boolean
  stats(): Promise<SimStats>
  resetMaxInFlight(): Promise<void>
  close(): Promise<void>
}

type ParentMessage = { type: 'stats' } | { type: 'reset' } | { type: 'close' }
type ChildMessage =
  | { type: 'ready'; url: string; fingerprint: string; credentials: SimHandle['credentials'] }
  | { type: 'stats'; stats: SimStats }
  | { type: 'reset' }

async function startInProcess(spec: SimSpec) {
  const { now, ...options } = spec
  return startSimulatedController({ ...options, now: () => now })
}

/** Entry of the child process: start the simulator, answer the parent's questions, close when told. */
export async function runSimulatorChild(): Promise<void> {
  const spec = JSON.parse(process.env[SPEC_ENV] ?? '{}') as SimSpec
  const sim = await startInProcess(spec)
  const reply = (message: ChildMessage): void => {
    process.send?.(message)
  }
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'stats') {
      reply({ type: 'stats', stats: { maxInFlight: sim.stats.maxInFlight(), requests: sim.stats.requests.length } })
    } else if (message.type === 'reset') {
      sim.stats.resetMaxInFlight()
      reply({ type: 'reset' })
    } else {
      void sim.close().then(() => process.disconnect())
    }
  })
  reply({ type: 'ready', url: sim.url, fingerprint: sim.fingerprint, credentials: sim.credentials })
}

export async function startSimulator(spec: SimSpec): Promise<SimHandle> {
  // Forking re-runs this process's entry; under vitest that is the test runner, so stay in-process there.
  const entry = process.argv[1] ?? ''
  if (process.env.VITEST !== undefined || !entry.endsWith('.js')) {
    const sim = await startInProcess(spec)
    return {
      url: sim.url,
      fingerprint: sim.fingerprint,
      credentials: sim.credentials,
      isolated: false,
      stats: () => Promise.resolve({ maxInFlight: sim.stats.maxInFlight(), requests: sim.stats.requests.length }),
      resetMaxInFlight: () => Promise.resolve(sim.stats.resetMaxInFlight()),
      close: () => sim.close(),
    }
  }
  const child = fork(entry, [], {
    env: { ...process.env, [SIMULATOR_CHILD_ENV]: '1', [SPEC_ENV]: JSON.stringify(spec) },
  })
  const next = <T extends ChildMessage['type']>(type: T): Promise<Extract<ChildMessage, { type: T }>> =>
    new Promise((resolve, reject) => {
      const onExit = (code: number | null): void =>
        reject(new Error(`simulator process exited early (code ${String(code)})`))
      const onMessage = (message: ChildMessage): void => {
        if (message.type !== type) return
        child.off('message', onMessage)
        child.off('exit', onExit)
        resolve(message as Extract<ChildMessage, { type: T }>)
      }
      child.on('message', onMessage)
      child.once('exit', onExit)
    })
  const send = (message: ParentMessage): void => {
    child.send(message)
  }
  const ready = await next('ready')
  return {
    url: ready.url,
    fingerprint: ready.fingerprint,
    credentials: ready.credentials,
    isolated: true,
    stats: async () => {
      const answer = next('stats')
      send({ type: 'stats' })
      return (await answer).stats
    },
    resetMaxInFlight: async () => {
      const answer = next('reset')
      send({ type: 'reset' })
      await answer
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        send({ type: 'close' })
      }),
  }
}
