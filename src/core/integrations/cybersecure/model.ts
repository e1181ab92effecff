/** What the CyberSecure integration learns in one window (plain JSON). */
import type { Ruleset } from '../../analysis/model.js'

/** CyberSecure as the evidence shows it: never "not subscribed" from an absence of evidence. */
export type SubscriptionStatus = 'active' | 'not-detected' | 'unknown'

export interface RulesetCounts {
  total: number
  blocked: number
  detected: number
}

export interface EtProSignature {
  signature: string
  signatureId: number | null
  categoryName: string
  count: number
  blocked: number
  detected: number
}

export interface CyberSecureData {
  status: SubscriptionStatus
  /** Why the status is what it is, in one or two plain sentences. */
  evidence: string
  /** `ips` (prevention), `ids` (detection only), `disabled`, a raw value, or null when the console did not say. */
  ipsMode: string | null
  enabledCategories: string[]
  adBlocking: boolean | null
  contentFiltering: boolean | null
  /** Set when the settings could not be read (e.g. a firmware without that endpoint). */
  settingsNote: string | null
  totals: RulesetCounts
  byRuleset: Record<Ruleset, RulesetCounts>
  /** Threats without a signature id (system-log only): counted, never attributed. */
  unattributed: number
  topEtPro: EtProSignature[]
  recommendations: string[]
  /** Endpoints the threats came from. */
  threatSources: string[]
}
