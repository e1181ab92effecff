/** What the threat-intelligence integration learns in one run (plain JSON: it travels in the outcome). */

/** One AbuseIPDB `check` answer, reduced to what the report shows. */
export interface Reputation {
  /** 0–100: how sure AbuseIPDB's community is that the address is abusive. */
  score: number
  totalReports: number
  distinctReporters: number
  /** ISO 8601 as AbuseIPDB sent it; null when never reported. */
  lastReportedAt: string | null
  isTor: boolean
  /** e.g. `Data Center/Web Hosting/Transit`; null when not reported. */
  usageType: string | null
  isp: string | null
  domain: string | null
  countryCode: string | null
  whitelisted: boolean
}

export interface AddressIntel {
  address: string
  /** Threat events and security findings that named it in this window. */
  events: number
  blocked: number
  allowed: number
  /** From the offline database. */
  country: string | null
  asn: number | null
  organisation: string | null
  /** Present when looked up (now or from the cache). */
  reputation: Reputation | null
  /** Where the reputation came from this run. */
  reputationSource: 'lookup' | 'cache' | null
  /** Epoch ms of the look-up behind `reputation`. */
  checkedAtMs: number | null
}

/** Why some addresses were not looked up this run. */
export interface LookupLimits {
  /** Public addresses beyond the per-run cap. */
  overCap: number
  /** Addresses left when the account's quota (X-RateLimit-Remaining) ran out. */
  quotaLeft: number
  /** Addresses AbuseIPDB refused to check (HTTP 422), e.g. not a valid public address in its view. */
  refused: number
}

export interface ThreatIntelData {
  /** Whether an API key was set: without one the report shows the offline data only and says nothing about reputation. */
  reputationEnabled: boolean
  /** Every external address of the window, most events first (bounded). */
  addresses: AddressIntel[]
  /** External addresses seen in total (may exceed `addresses.length`). */
  externalTotal: number
  /** Addresses not sent because they are private, reserved or the site's own (counted, never listed). */
  notSent: number
  lookups: number
  cacheHits: number
  limits: LookupLimits
  /** Last X-RateLimit-Remaining / X-RateLimit-Limit seen. */
  quota: { remaining: number | null; limit: number | null }
  /** Score at and above which an address counts as known-abusive. */
  highScore: number
  /** Blocked and allowed events in the window, for the share from known-abusive addresses. */
  totals: { events: number; blocked: number; allowed: number }
  /** Set when the offline database could not be read (the rest still works). */
  offlineNote: string | null
  /** Attribution for the offline data, shown under the section. */
  attribution: string[]
  /** Base URL of the public per-address pages. */
  checkPageBase: string
}
