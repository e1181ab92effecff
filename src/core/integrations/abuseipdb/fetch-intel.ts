/**
 * One run of the threat-intelligence integration, without the contract around it: the window's external
 * addresses (threats and security events, the site's own WAN addresses excluded), country and network owner
 * from the offline database for each, and — with an API key — their AbuseIPDB reputation within the run's
 * limits and the cache.
 */
import type { Dispatcher } from 'undici'
import type { Logger } from '../../logger.js'
import type { CollectedEvent, CollectedThreat } from '../../unifi/model.js'
import { collectCandidates } from './candidates.js'
import { createReputationClient } from './client.js'
import type { IpNetworkDb } from './ip-network-db.js'
import { lookUpReputations, type LookupResult } from './lookups.js'
import type { AddressIntel, ThreatIntelData } from './model.js'
import { openReputationCache, type ReputationCache } from './reputation-cache.js'

/** Addresses kept in the data (and so in the outcome and history): the report shows far fewer. */
export const MAX_ADDRESSES = 500
export const CHECK_PAGE_BASE = 'https://www.abuseipdb.com/check/'

export const OFFLINE_ATTRIBUTION = [
  'Network owners: IP to ASN data by RouteViews, the five Regional Internet Registries (NRO) and DB-IP (https://db-ip.com), CC BY 4.0, via ip-location-db.',
  'Countries: Regional Internet Registry delegations (NRO), CC0, via ip-location-db.',
]
export const REPUTATION_ATTRIBUTION = 'Reputation data by AbuseIPDB (https://www.abuseipdb.com).'

export interface IntelSettings {
  apiKey: string | null
  apiUrl: string | undefined
  maxLookupsPerRun: number
  cacheTtlHours: number
  maxAgeInDays: number
  highScore: number
}

export interface FetchIntelInput {
  threats: readonly CollectedThreat[]
  events: readonly CollectedEvent[]
  ownAddresses: readonly string[]
  settings: IntelSettings
  /** The integration's own cache folder; null runs without a cache (every run asks again). */
  cacheDir: string | null
  dispatcher: Dispatcher
  signal: AbortSignal
  logger: Logger
  now: () => number
  loadDb: () => Promise<IpNetworkDb>
}

export async function fetchThreatIntel(input: FetchIntelInput): Promise<ThreatIntelData> {
  const { settings, logger } = input
  const candidates = collectCandidates(input.threats, input.events, input.ownAddresses)
  const addresses = candidates.list.slice(0, MAX_ADDRESSES)

  let db: IpNetworkDb | null = null
  let offlineNote: string | null = null
  try {
    db = await input.loadDb()
  } catch (error) {
    offlineNote = `Country and network owner are unavailable: ${error instanceof Error ? error.message : String(error)}`
    logger.warn('ip_network_db_unavailable', { message: offlineNote })
  }

  let looked: LookupResult | null = null
  if (settings.apiKey !== null && addresses.length > 0) {
    const client = createReputationClient({
      apiKey: settings.apiKey,
      apiUrl: settings.apiUrl,
      dispatcher: input.dispatcher,
      signal: input.signal,
      maxAgeInDays: settings.maxAgeInDays,
      now: input.now,
    })
    const cache = await openCache(input, client.apiUrl)
    looked = await lookUpReputations({
      addresses: addresses.map((candidate) => candidate.address),
      client,
      cache,
      maxLookups: settings.maxLookupsPerRun,
      now: input.now,
    })
    logger.info('reputation_lookups_done', {
      lookups: looked.lookups,
      cacheHits: looked.cacheHits,
      overCap: looked.limits.overCap,
      quotaRemaining: looked.quota.remaining,
    })
  }

  const intel: AddressIntel[] = addresses.map((candidate) => {
    const network = db?.lookup(candidate.address) ?? { country: null, asn: null, organisation: null }
    const reputation = looked?.found.get(candidate.address) ?? null
    return {
      ...candidate,
      ...network,
      reputation: reputation?.reputation ?? null,
      reputationSource: reputation?.source ?? null,
      checkedAtMs: reputation?.checkedAtMs ?? null,
    }
  })
  return {
    reputationEnabled: settings.apiKey !== null,
    addresses: intel,
    externalTotal: candidates.list.length,
    notSent: candidates.notSent,
    lookups: looked?.lookups ?? 0,
    cacheHits: looked?.cacheHits ?? 0,
    limits: looked?.limits ?? { overCap: 0, quotaLeft: 0, refused: 0 },
    quota: looked?.quota ?? { remaining: null, limit: null },
    highScore: settings.highScore,
    totals: candidates.totals,
    offlineNote,
    attribution: settings.apiKey !== null ? [REPUTATION_ATTRIBUTION, ...OFFLINE_ATTRIBUTION] : [...OFFLINE_ATTRIBUTION],
    checkPageBase: CHECK_PAGE_BASE,
  }
}

async function openCache(input: FetchIntelInput, apiUrl: string): Promise<ReputationCache> {
  const ttlMs = input.settings.cacheTtlHours * 3_600_000
  if (input.cacheDir === null) return memoryCache()
  return openReputationCache({ dir: input.cacheDir, apiUrl, ttlMs, nowMs: input.now(), logger: input.logger })
}

/** No cache folder (a caller without one): answers live for this run only. */
function memoryCache(): ReputationCache {
  const entries = new Map<string, { checkedAtMs: number; reputation: AddressIntel['reputation'] & object }>()
  return {
    warning: null,
    fresh: (address) => entries.get(address) ?? null,
    put: (address, reputation, checkedAtMs) => void entries.set(address, { checkedAtMs, reputation }),
    save: () => Promise.resolve(),
  }
}
