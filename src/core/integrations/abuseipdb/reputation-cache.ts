/**
 * The look-up cache on disk (`reputation-cache.json` in the integration's cache folder): one answer per address
 * with the time it was checked, so a second report within the TTL asks AbuseIPDB only about new addresses.
 * Written atomically with owner-only permissions; a damaged file is moved aside (`.corrupt-<ms>`) and ignored;
 * bounded to `MAX_ENTRIES` (the oldest answers go first). Answers are kept per API base, so a test or proxy URL
 * never serves answers into a run against the real service. The key is never stored here.
 */
import { join } from 'node:path'
import { z } from 'zod'
import type { Logger } from '../../logger.js'
import { writeFileAtomic } from '../../report/files/atomic-write.js'
import { readRecoverableJson } from '../../report/files/recoverable-json.js'
import type { Reputation } from './model.js'

export const CACHE_FILE = 'reputation-cache.json'
export const MAX_ENTRIES = 5000
const CLOCK_SKEW_MS = 60 * 60_000

const reputationSchema = z.object({
  score: z.number().min(0).max(100),
  totalReports: z.number().int().min(0),
  distinctReporters: z.number().int().min(0),
  lastReportedAt: z.string().max(64).nullable(),
  isTor: z.boolean(),
  usageType: z.string().max(256).nullable(),
  isp: z.string().max(512).nullable(),
  domain: z.string().max(256).nullable(),
  countryCode: z.string().max(8).nullable(),
  whitelisted: z.boolean(),
})

const cacheFileSchema = z.object({
  schemaVersion: z.literal(1),
  apiUrl: z.string().max(2048),
  entries: z
    .record(z.string().max(64), z.object({ checkedAtMs: z.number().int().min(0), reputation: reputationSchema }))
    .refine((entries) => Object.keys(entries).length <= MAX_ENTRIES * 2, { message: 'too many entries' }),
})

export interface CachedReputation {
  checkedAtMs: number
  reputation: Reputation
}

export interface ReputationCache {
  /** The answer for `address` when it is younger than the TTL. */
  fresh(address: string): CachedReputation | null
  put(address: string, reputation: Reputation, checkedAtMs: number): void
  /** Writes the file when something changed; problems are logged, never thrown (the report goes on). */
  save(): Promise<void>
  /** Set when the file was damaged and set aside. */
  readonly warning: string | null
}

export interface OpenCacheOptions {
  dir: string
  apiUrl: string
  ttlMs: number
  nowMs: number
  logger: Logger
}

export async function openReputationCache(options: OpenCacheOptions): Promise<ReputationCache> {
  const path = join(options.dir, CACHE_FILE)
  const entries = new Map<string, CachedReputation>()
  let warning: string | null = null
  try {
    const read = await readRecoverableJson({
      path,
      schema: cacheFileSchema,
      label: 'reputation cache',
      logger: options.logger,
      nowMs: options.nowMs,
    })
    if (read.status === 'ok' && read.value.apiUrl === options.apiUrl) {
      for (const [address, entry] of Object.entries(read.value.entries)) entries.set(address, entry)
    }
    if (read.status === 'corrupt') warning = read.warning
  } catch (error) {
    // Unreadable (permissions, a folder in its place): run without the cache rather than fail.
    warning = `The reputation cache could not be read (${error instanceof Error ? error.message : String(error)}).`
    options.logger.warn('reputation_cache_unreadable', { path })
  }
  let changed = false
  // An answer from the future (a clock set back) is not trusted beyond a small skew.
  const isFresh = (entry: CachedReputation): boolean => {
    const age = options.nowMs - entry.checkedAtMs
    return age < options.ttlMs && age > -CLOCK_SKEW_MS
  }

  return {
    warning,
    fresh(address) {
      const entry = entries.get(address)
      return entry !== undefined && isFresh(entry) ? entry : null
    },
    put(address, reputation, checkedAtMs) {
      entries.delete(address)
      entries.set(address, { checkedAtMs, reputation })
      changed = true
    },
    async save() {
      if (!changed) return
      // Expired answers are useless; of the rest the newest MAX_ENTRIES stay.
      const kept = [...entries.entries()]
        .filter(([, entry]) => isFresh(entry))
        .sort((a, b) => b[1].checkedAtMs - a[1].checkedAtMs)
        .slice(0, MAX_ENTRIES)
      const file = { schemaVersion: 1 as const, apiUrl: options.apiUrl, entries: Object.fromEntries(kept) }
      try {
        await writeFileAtomic(path, `${JSON.stringify(file)}\n`)
        changed = false
      } catch (error) {
        options.logger.warn('reputation_cache_write_failed', {
          path,
          message: error instanceof Error ? error.message : String(error),
        })
      }
    },
  }
}
