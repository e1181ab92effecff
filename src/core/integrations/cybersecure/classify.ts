/**
 * Turns the window's threats and the console's threat-management settings into the CyberSecure picture:
 * subscription tri-state with its evidence, threats by ruleset, top ET PRO signatures and recommendations.
 * Pure: the integration does the I/O.
 */
import { isBlockedAction } from '../../analysis/threat-analysis.js'
import { rulesetOf } from '../../analysis/sid-classification.js'
import { threatCategoryKey, threatCategoryName } from '../../analysis/threat-categories.js'
import type { Ruleset } from '../../analysis/model.js'
import type { CollectedThreat, IpsSettings } from '../../unifi/model.js'
import type { CyberSecureData, EtProSignature, RulesetCounts, SubscriptionStatus } from './model.js'

const TOP_SIGNATURES = 10

export interface ClassifyInput {
  threats: readonly CollectedThreat[]
  settings: IpsSettings | null
  settingsNote: string | null
  threatSources: string[]
}

export function classifyCyberSecure(input: ClassifyInput): CyberSecureData {
  const byRuleset: Record<Ruleset, RulesetCounts> = {
    'et-pro': emptyCounts(),
    'et-open': emptyCounts(),
    other: emptyCounts(),
  }
  const totals = emptyCounts()
  const etPro = new Map<string, EtProSignature>()
  let unattributed = 0

  for (const threat of input.threats) {
    const blocked = isBlockedAction(threat.action)
    const ruleset = rulesetOf(threat)
    count(totals, blocked)
    count(byRuleset[ruleset], blocked)
    if (threat.signatureId === null && !/^\s*ET(PRO)?\s/i.test(threat.signature)) unattributed += 1
    if (ruleset === 'et-pro') addEtPro(etPro, threat, blocked)
  }

  const ipsMode = normaliseMode(input.settings?.mode ?? null)
  const { status, evidence } = decideStatus(ipsMode, totals.total, byRuleset, unattributed)
  const topEtPro = [...etPro.values()].sort((a, b) => b.count - a.count || a.signature.localeCompare(b.signature))
  return {
    status,
    evidence,
    ipsMode,
    enabledCategories: input.settings?.enabledCategories ?? [],
    adBlocking: input.settings?.adBlocking ?? null,
    contentFiltering: input.settings?.contentFiltering ?? null,
    settingsNote: input.settingsNote,
    totals,
    byRuleset,
    unattributed,
    topEtPro: topEtPro.slice(0, TOP_SIGNATURES),
    recommendations: recommend(ipsMode, input.settings, byRuleset),
    threatSources: input.threatSources,
  }
}

function emptyCounts(): RulesetCounts {
  return { total: 0, blocked: 0, detected: 0 }
}

function count(counts: RulesetCounts, blocked: boolean): void {
  counts.total += 1
  if (blocked) counts.blocked += 1
  else counts.detected += 1
}

function addEtPro(signatures: Map<string, EtProSignature>, threat: CollectedThreat, blocked: boolean): void {
  const key = `${threat.signatureId ?? ''}|${threat.signature}`
  let entry = signatures.get(key)
  if (!entry) {
    const categoryKey = threatCategoryKey(threat.signature, threat.category)
    entry = {
      signature: threat.signature,
      signatureId: threat.signatureId,
      categoryName: threatCategoryName(categoryKey, threat.category),
      count: 0,
      blocked: 0,
      detected: 0,
    }
    signatures.set(key, entry)
  }
  entry.count += 1
  if (blocked) entry.blocked += 1
  else entry.detected += 1
}

/** Maps the console's spellings onto `ips` / `ids` / `disabled`, keeping anything unknown as it came. */
export function normaliseMode(mode: string | null): string | null {
  if (mode === null) return null
  const lower = mode.trim().toLowerCase()
  if (lower === 'ips' || lower === 'ipsinline' || lower === 'ips_inline') return 'ips'
  if (lower === 'ids') return 'ids'
  if (lower === 'disabled' || lower === 'off' || lower === 'none' || lower === '') return 'disabled'
  return lower
}

function decideStatus(
  ipsMode: string | null,
  total: number,
  byRuleset: Record<Ruleset, RulesetCounts>,
  unattributed: number,
): { status: SubscriptionStatus; evidence: string } {
  const proCount = byRuleset['et-pro'].total
  if (proCount > 0) {
    return {
      status: 'active',
      evidence:
        `CyberSecure (Proofpoint ET PRO) signatures are active: ${proCount} of ${total} ` +
        `threat${total === 1 ? '' : 's'} in this period matched ET PRO rules (SIDs 2800000–2899999).`,
    }
  }
  if (ipsMode === 'disabled') {
    return {
      status: 'unknown',
      evidence:
        "Cannot tell whether CyberSecure is active: the gateway's intrusion prevention (IPS/IDS) is turned off.",
    }
  }
  if (total === 0) {
    return {
      status: 'unknown',
      evidence: 'Cannot tell whether CyberSecure is active: the gateway reported no IPS events in this period.',
    }
  }
  if (total === unattributed) {
    return {
      status: 'unknown',
      evidence:
        'Cannot tell whether CyberSecure is active: the threats in this period carried no signature ids ' +
        '(this firmware reports them only in the system log).',
    }
  }
  return {
    status: 'not-detected',
    evidence:
      `No CyberSecure-specific detections in this period: all ${total - unattributed} attributable ` +
      'threats matched ET Open or other rules. This does not prove the subscription is inactive.',
  }
}

function recommend(
  ipsMode: string | null,
  settings: IpsSettings | null,
  byRuleset: Record<Ruleset, RulesetCounts>,
): string[] {
  const advice: string[] = []
  if (ipsMode === 'disabled') {
    advice.push(
      'Turn on Intrusion Prevention (Settings → CyberSecure / Security → Intrusion Prevention) so the gateway inspects traffic.',
    )
  }
  if (ipsMode === 'ids') {
    const missed = byRuleset['et-pro'].detected + byRuleset['et-open'].detected + byRuleset.other.detected
    advice.push(
      `The IPS runs in detection-only mode (IDS): ${missed} threat${missed === 1 ? ' was' : 's were'} logged but not ` +
        'stopped. Switch to prevention mode (IPS) once you are confident no legitimate traffic is flagged.',
    )
  }
  if (settings && ipsMode !== 'disabled' && settings.enabledCategories.length === 0) {
    advice.push('No threat categories are enabled: enable at least malware, botnet and exploit categories.')
  }
  if (byRuleset['et-pro'].detected > 0 && ipsMode !== 'ids') {
    advice.push(
      `${byRuleset['et-pro'].detected} ET PRO detection${byRuleset['et-pro'].detected === 1 ? ' was' : 's were'} ` +
        'allowed through: check whether their categories are set to block.',
    )
  }
  if (settings?.adBlocking === false) advice.push('Ad blocking is off; CyberSecure can block ad and tracking domains.')
  if (settings?.contentFiltering === false) {
    advice.push('Content filtering is off; consider blocking malicious and phishing domains network-wide.')
  }
  return advice
}
