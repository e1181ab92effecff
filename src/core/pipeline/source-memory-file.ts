/**
 * The UniFi source memory (`unifi/source-memory.ts`) kept in the data folder, `unifi-sources.json`, so that every
 * run skips the endpoints an earlier run found missing on the same console and Network version — a CLI started
 * by cron is a fresh process each time, and without the file it would ask `list/alarm` and `stat/ips/event` of a
 * Network 10.3 console on every run only to be told again that they are gone.
 *
 * A run reads the file once before it connects and writes what it learned once after its collection, as a
 * read-merge-write under a lock file (the tray app and a CLI `schedule` may share a data folder), atomically
 * and private (0600), like the history. The file is bounded (consoles, endpoints per console, text lengths);
 * a damaged file is moved aside with a warning and the run goes on as a first run would. Nothing in it is a
 * secret: endpoint names, the console's answer (`HTTP 404`) and version, the base URL.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { lock } from 'proper-lockfile'
import { z } from 'zod'
import { PRIVATE_DIR_MODE } from '../files/private-files.js'
import type { Logger } from '../logger.js'
import { writeFileAtomic } from '../report/files/atomic-write.js'
import { readRecoverableJson } from '../report/files/recoverable-json.js'
import type { RememberedSources, SourceMemory } from '../unifi/source-memory.js'

export const SOURCE_MEMORY_FILE = 'unifi-sources.json'
/** Consoles kept; beyond this the one written longest ago is forgotten. */
export const MAX_REMEMBERED_CONSOLES = 32
/** Endpoints (and data kinds) kept per console: far more than the client knows. */
const MAX_ENDPOINTS = 40
const MAX_NAME = 80
const MAX_REASON = 200

const name = z.string().min(1).max(MAX_NAME)

const consoleSchema = z.object({
  version: z.string().max(MAX_NAME).nullable(),
  updatedMs: z.number().int().nonnegative(),
  unsupported: z.record(name, z.object({ reason: z.string().max(MAX_REASON), sinceMs: z.number().int() })),
  working: z.record(name, name),
})

const fileSchema = z.object({
  schemaVersion: z.literal(1),
  consoles: z.record(z.string().min(1).max(300), consoleSchema),
})
type SourcesFile = z.infer<typeof fileSchema>

export interface PersistedSourceMemory extends SourceMemory {
  /**
   * Writes the consoles this run changed into the file (read-merge-write under the lock). Never rejects: a
   * failure is logged, and the next run simply learns again.
   */
  flush(): Promise<void>
}

export interface OpenedSourceMemory {
  memory: PersistedSourceMemory
  /** Set when the file was damaged and moved aside. */
  warning: string | null
}

/** Reads the memory of `dataDir`; a missing file is an empty memory, a damaged one is moved aside. */
export async function openSourceMemory(
  dataDir: string,
  logger: Logger,
  now: () => number,
): Promise<OpenedSourceMemory> {
  const path = join(dataDir, SOURCE_MEMORY_FILE)
  const read = await readSources(path, logger, now()).catch((error: unknown) => {
    logger.warn('unifi_sources_unreadable', { path, reason: error instanceof Error ? error.message : String(error) })
    return { file: emptyFile(), warning: null }
  })
  const entries = new Map<string, RememberedSources>(Object.entries(read.file.consoles))
  const changed = new Set<string>()
  const memory: PersistedSourceMemory = {
    get: (key) => {
      const value = entries.get(key)
      return value === undefined ? undefined : structuredClone(value)
    },
    set: (key, value) => {
      entries.set(key, bounded(value))
      changed.add(key)
    },
    async flush() {
      if (changed.size === 0) return
      const mine = new Map([...changed].flatMap((key) => (entries.has(key) ? [[key, entries.get(key)!]] : [])))
      changed.clear()
      try {
        await withSourcesLock(dataDir, path, logger, async () => {
          const { file } = await readSources(path, logger, now())
          for (const [key, value] of mine) file.consoles[key] = value
          await writeFileAtomic(path, `${JSON.stringify(pruned(file), null, 2)}\n`)
        })
      } catch (error) {
        logger.warn('unifi_sources_not_saved', { path, reason: error instanceof Error ? error.message : String(error) })
      }
    },
  }
  return { memory, warning: read.warning }
}

async function readSources(
  path: string,
  logger: Logger,
  nowMs: number,
): Promise<{ file: SourcesFile; warning: string | null }> {
  const read = await readRecoverableJson({ path, schema: fileSchema, label: 'UniFi source memory', logger, nowMs })
  if (read.status === 'ok') return { file: read.value, warning: null }
  return { file: emptyFile(), warning: read.status === 'corrupt' ? read.warning : null }
}

function emptyFile(): SourcesFile {
  return { schemaVersion: 1, consoles: {} }
}

/** One console's facts within the file's bounds (what the client learns is short; this is a backstop). */
function bounded(value: RememberedSources): RememberedSources {
  const unsupported = Object.entries(value.unsupported)
    .filter(([endpoint]) => endpoint.length <= MAX_NAME)
    .slice(0, MAX_ENDPOINTS)
    .map(([endpoint, fact]) => [endpoint, { reason: fact.reason.slice(0, MAX_REASON), sinceMs: fact.sinceMs }] as const)
  const working = Object.entries(value.working)
    .filter(([data, endpoint]) => data.length <= MAX_NAME && endpoint.length <= MAX_NAME)
    .slice(0, MAX_ENDPOINTS)
  return {
    version: value.version === null ? null : value.version.slice(0, MAX_NAME),
    updatedMs: value.updatedMs,
    unsupported: Object.fromEntries(unsupported),
    working: Object.fromEntries(working),
  }
}

/** At most `MAX_REMEMBERED_CONSOLES`, the most recently written kept. */
function pruned(file: SourcesFile): SourcesFile {
  const kept = Object.entries(file.consoles)
    .sort(([, a], [, b]) => b.updatedMs - a.updatedMs)
    .slice(0, MAX_REMEMBERED_CONSOLES)
  return { schemaVersion: 1, consoles: Object.fromEntries(kept) }
}

async function withSourcesLock(
  dataDir: string,
  path: string,
  logger: Logger,
  task: () => Promise<void>,
): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE })
  const release = await lock(path, {
    realpath: false,
    stale: 10_000,
    update: 2_000,
    retries: { retries: 150, factor: 1.1, minTimeout: 10, maxTimeout: 250, randomize: true },
    onCompromised: (error) => logger.warn('unifi_sources_lock_compromised', { reason: error.message }),
  })
  try {
    await task()
  } finally {
    await release().catch(() => undefined)
  }
}
