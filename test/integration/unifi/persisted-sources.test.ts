/**
 * The source memory kept in the data folder (`unifi-sources.json`): a second run in a fresh client (as a CLI
 * started by cron is a fresh process) skips the endpoints the first found missing, a remembered fact for
 * another Network version or older than the retry period is not trusted, and a damaged file is moved aside
 * with a warning. Against the simulated Network 10.3 console, where `list/alarm` answers 400 InvalidObject and
 * `stat/ips/event` 404.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/core/logger.js'
import { openSourceMemory, SOURCE_MEMORY_FILE } from '../../../src/core/pipeline/source-memory-file.js'
import type { UnifiCollection } from '../../../src/core/unifi/model.js'
import { UNSUPPORTED_RETRY_MS } from '../../../src/core/unifi/source-memory.js'
import { startSimulatedController, type SimulatedController } from '../../../src/simulator/unifi/index.js'
import { clientFor, DAY, NOW, requestsTo } from './sim-client.js'

const DEAD = ['list/alarm', 'stat/ips/event'] as const

let sim: SimulatedController | null = null
let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'unifi-sources-'))
})
afterEach(async () => {
  await sim?.close()
  sim = null
  await rm(dir, { recursive: true, force: true })
})

/** One run as the pipeline makes it: the memory read from the folder, a new client, the memory written back. */
async function run(): Promise<{ collection: UnifiCollection; warning: string | null }> {
  if (sim === null) throw new Error('no simulator')
  const { memory, warning } = await openSourceMemory(dir, silentLogger, () => NOW)
  const { client } = clientFor(sim, { site: 'default' }, memory)
  try {
    return { collection: await client.collect(DAY, AbortSignal.timeout(25_000)), warning }
  } finally {
    await client.close()
    await memory.flush()
  }
}

const asked = (): number[] => DEAD.map((endpoint) => requestsTo(sim!, endpoint))

type SourcesFile = {
  consoles: Record<string, { version: string | null; unsupported: Record<string, { sinceMs: number }> }>
}
const readSources = async (): Promise<SourcesFile> =>
  JSON.parse(await readFile(join(dir, SOURCE_MEMORY_FILE), 'utf8')) as SourcesFile
const editSources = async (change: (file: SourcesFile) => void): Promise<void> => {
  const file = await readSources()
  change(file)
  await writeFile(join(dir, SOURCE_MEMORY_FILE), JSON.stringify(file))
}

describe('source memory in the data folder', () => {
  it('lets a second run in a new client skip the endpoints the first found missing, and says why', async () => {
    sim = await startSimulatedController({ persona: 'unifi-os-10.3', now: () => NOW })
    await run()
    expect(asked()).toEqual([1, 1])
    const file = await readSources()
    const entry = Object.values(file.consoles)[0]
    expect(Object.keys(file.consoles)).toEqual([`unifi-os ${sim.url}`])
    expect(entry?.version).toBe('10.3.58')
    expect(Object.keys(entry?.unsupported ?? {}).sort()).toEqual([...DEAD].sort())
    if (process.platform !== 'win32') expect((await stat(join(dir, SOURCE_MEMORY_FILE))).mode & 0o777).toBe(0o600)

    const { collection } = await run()
    expect(asked()).toEqual([1, 1])
    const skipped = collection.sources.attempts.filter((a) => a.outcome === 'skipped').map((a) => a.endpoint)
    expect(skipped).toEqual(expect.arrayContaining([...DEAD]))
    expect(collection.sources.attempts.find((a) => a.endpoint === 'stat/ips/event')?.detail).toMatch(/HTTP 404/)
    expect(collection.sources.attempts.find((a) => a.endpoint === 'list/alarm')?.detail).toMatch(/InvalidObject/)
    expect(collection.alarms.length).toBeGreaterThan(0)
    expect(collection.threats.length).toBeGreaterThan(0)
  })

  it('asks again when the facts were learned on another Network version', async () => {
    sim = await startSimulatedController({ persona: 'unifi-os-10.3', now: () => NOW })
    await run()
    await editSources((file) => {
      for (const entry of Object.values(file.consoles)) entry.version = '10.2.105'
    })
    await run()
    expect(asked()).toEqual([2, 2])
    // What the new version answered replaces the old facts.
    expect(Object.values((await readSources()).consoles)[0]?.version).toBe('10.3.58')
  })

  it('asks again once the retry period has passed since the endpoint was found missing', async () => {
    sim = await startSimulatedController({ persona: 'unifi-os-10.3', now: () => NOW })
    await run()
    await editSources((file) => {
      for (const entry of Object.values(file.consoles))
        entry.unsupported['stat/ips/event'] = {
          ...entry.unsupported['stat/ips/event'],
          sinceMs: NOW - UNSUPPORTED_RETRY_MS - 1,
        }
    })
    await run()
    // Only the expired fact is tried again; list/alarm is still skipped.
    expect(asked()).toEqual([1, 2])
  })

  it('moves a damaged file aside with a warning and runs as a first run would', async () => {
    sim = await startSimulatedController({ persona: 'unifi-os-10.3', now: () => NOW })
    await writeFile(join(dir, SOURCE_MEMORY_FILE), '{"schemaVersion": 1, "consoles": [tru')
    const { warning, collection } = await run()
    expect(warning).toMatch(/UniFi source memory .* was unreadable/)
    expect(collection.devices.length).toBeGreaterThan(0)
    expect(asked()).toEqual([1, 1])
    const names = await readdir(dir)
    expect(names.some((name) => name.startsWith(`${SOURCE_MEMORY_FILE}.corrupt-`))).toBe(true)
    // The run wrote a fresh, valid file.
    expect(Object.keys((await readSources()).consoles)).toHaveLength(1)
  })

  it('keeps what two processes learned about two consoles (read-merge-write)', async () => {
    const first = await openSourceMemory(dir, silentLogger, () => NOW)
    const second = await openSourceMemory(dir, silentLogger, () => NOW)
    const fact = { version: '1', unsupported: {}, working: {}, updatedMs: NOW }
    first.memory.set('unifi-os https://a.example', fact)
    second.memory.set('classic https://b.example:8443', fact)
    await Promise.all([first.memory.flush(), second.memory.flush()])
    expect(Object.keys((await readSources()).consoles).sort()).toEqual([
      'classic https://b.example:8443',
      'unifi-os https://a.example',
    ])
  })
})
