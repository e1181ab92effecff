/**
 * Looks up the candidates' reputation within the run's limits: answers younger than the TTL come from the
 * cache; at most `maxLookups` requests go out (the candidates are ordered most events first); a few at a time;
 * it stops early when `X-RateLimit-Remaining` reaches 0. A 429 (quota), a refused key or an outage ends the
 * look-ups with that error, after the answers so far are saved to the cache; a 422 skips that address only.
 */
import { toScannerError } from '../../errors.js'
import type { CheckData } from './schemas.js'
import { AddressRefusedError, type RateLimit, type ReputationClient } from './client.js'
import type { LookupLimits, Reputation } from './model.js'
import type { CachedReputation, ReputationCache } from './reputation-cache.js'

export interface LookupResult {
  found: Map<string, CachedReputation & { source: 'lookup' | 'cache' }>
  lookups: number
  cacheHits: number
  limits: LookupLimits
  quota: RateLimit
}

/** Requests in flight at once: AbuseIPDB also limits bursts, and the answers are small. */
const CONCURRENCY = 3

export function toReputation(data: CheckData): Reputation {
  return {
    score: data.abuseConfidenceScore,
    totalReports: data.totalReports ?? 0,
    distinctReporters: data.numDistinctUsers ?? 0,
    lastReportedAt: data.lastReportedAt ?? null,
    isTor: data.isTor ?? false,
    usageType: data.usageType ?? null,
    isp: data.isp ?? null,
    domain: data.domain ?? null,
    countryCode: data.countryCode ?? null,
    whitelisted: data.isWhitelisted ?? false,
  }
}

export async function lookUpReputations(args: {
  addresses: readonly string[]
  client: ReputationClient
  cache: ReputationCache
  maxLookups: number
  now: () => number
}): Promise<LookupResult> {
  const { client, cache } = args
  const found: LookupResult['found'] = new Map()
  const limits: LookupLimits = { overCap: 0, quotaLeft: 0, refused: 0 }
  const quota: RateLimit = { limit: null, remaining: null }
  let cacheHits = 0
  const queue: string[] = []
  for (const address of args.addresses) {
    const cached = cache.fresh(address)
    if (cached) {
      found.set(address, { ...cached, source: 'cache' })
      cacheHits += 1
    } else if (queue.length < args.maxLookups) {
      queue.push(address)
    } else {
      limits.overCap += 1
    }
  }

  let lookups = 0
  let next = 0
  let inFlight = 0
  let failure: unknown = null
  // Never more requests in flight than the quota has left, so the last ones do not run into a 429.
  const mayStart = (): boolean =>
    failure === null && next < queue.length && (quota.remaining === null || quota.remaining - inFlight > 0)
  const lookUp = async (address: string): Promise<void> => {
    lookups += 1
    inFlight += 1
    try {
      const answer = await client.check(address)
      const checkedAtMs = args.now()
      const reputation = toReputation(answer.data)
      cache.put(address, reputation, checkedAtMs)
      found.set(address, { checkedAtMs, reputation, source: 'lookup' })
      if (answer.rateLimit.limit !== null) quota.limit = answer.rateLimit.limit
      if (answer.rateLimit.remaining !== null) {
        quota.remaining =
          quota.remaining === null ? answer.rateLimit.remaining : Math.min(quota.remaining, answer.rateLimit.remaining)
      }
    } catch (error) {
      if (error instanceof AddressRefusedError) limits.refused += 1
      else if (failure === null) failure = error
    } finally {
      inFlight -= 1
    }
  }
  const worker = async (): Promise<void> => {
    while (mayStart()) await lookUp(queue[next++] as string)
  }
  try {
    // The first answer tells the quota; then a few at a time within it.
    if (mayStart()) await lookUp(queue[next++] as string)
    const workers = quota.remaining === null ? CONCURRENCY : Math.min(CONCURRENCY, quota.remaining)
    await Promise.all(Array.from({ length: Math.max(0, Math.min(workers, queue.length - next)) }, worker))
  } finally {
    // Whatever was learnt stays learnt, also when the run fails or its time budget ran out.
    await cache.save()
  }
  if (failure !== null) throw toScannerError(failure)
  limits.quotaLeft = Math.max(0, queue.length - next)
  return { found, lookups, cacheHits, limits, quota }
}
