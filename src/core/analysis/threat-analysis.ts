/**
 * Threat analysis: blocked vs detected, grouping by exact signature text,
 * ruleset attribution by SID, source-IP summaries (≥ 10 events) split internal/external, and the
 * detection-only-mode note, confirmed from the IPS settings when the console exposes them.
 */
import type { IpsSettings, CollectedThreat } from '../unifi/model.js'
import type { Ruleset, Severity, SourceIpSummary, ThreatAnalysis, ThreatGroup } from './model.js'
import { isInternalIp } from './ip-ranges.js'
import { isCyberSecureThreat, rulesetOf } from './sid-classification.js'
import { threatCategoryKey, threatCategoryName } from './threat-categories.js'
import { threatRemediation } from './threat-remediation.js'
import { compareText, SEVERITY_RANK } from './order.js'

/** A source with at least this many events gets its own summary row (exactly 10 counts). */
export const SOURCE_IP_THRESHOLD = 10
const BLOCKED_ACTIONS = new Set(['block', 'blocked', 'drop', 'dropped', 'reject', 'rejected', 'deny', 'denied'])
export const UNIDENTIFIED_SIGNATURE = 'Unidentified threat (no signature available)'

export const DETECTION_ONLY_NOTE =
  'IPS is in detection-only mode (IDS): threats are logged but not blocked. To block them, set Intrusion Prevention to "Notify and Block" in Settings > Security.'
export const INFERRED_DETECTION_NOTE =
  'No threat was blocked in this period, so IPS appears to be in detection-only mode: threats are logged but not blocked. Check that Intrusion Prevention is set to "Notify and Block" in Settings > Security.'
export const IPS_DISABLED_NOTE =
  'Threat management (IPS/IDS) is turned off on this console, so no threats can be detected. Turn it on in Settings > Security.'

/** block / drop / reject (any case and tense) stopped the traffic; allowed, alert, pass … only detected it. */
export function isBlockedAction(action: string): boolean {
  return BLOCKED_ACTIONS.has(action.trim().toLowerCase())
}

/** Suricata priority: 1 → severe, 2 → medium, anything else (3, 4, unknown) → low. */
export function threatSeverity(priority: number | null): Severity {
  if (priority === 1) return 'severe'
  if (priority === 2) return 'medium'
  return 'low'
}

interface GroupAccumulator {
  group: ThreatGroup
  categoryKey: string
  sources: Set<string>
  destinations: Set<string>
  firstDestination: string | null
}

interface SourceAccumulator {
  summary: SourceIpSummary
  categories: Map<string, number>
  countries: Map<string, number>
}

export function analyseThreats(threats: readonly CollectedThreat[], ipsSettings: IpsSettings | null): ThreatAnalysis {
  const groups = new Map<string, GroupAccumulator>()
  const sources = new Map<string, SourceAccumulator>()
  const byRuleset: Record<Ruleset, { total: number; blocked: number; detected: number }> = {
    'et-pro': { total: 0, blocked: 0, detected: 0 },
    'et-open': { total: 0, blocked: 0, detected: 0 },
    other: { total: 0, blocked: 0, detected: 0 },
  }
  let blocked = 0

  for (const threat of threats) {
    const isBlocked = isBlockedAction(threat.action)
    if (isBlocked) blocked++
    const bucket = byRuleset[rulesetOf(threat)]
    bucket.total++
    if (isBlocked) bucket.blocked++
    else bucket.detected++
    const accumulator = addToGroup(groups, threat, isBlocked)
    if (threat.srcIp) addToSource(sources, threat, isBlocked, accumulator.group.categoryName)
  }

  const groupList = [...groups.values()].map(finishGroup)
  groupList.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      b.count - a.count ||
      compareText(a.signature, b.signature),
  )
  const topSources = [...sources.values()]
    .filter((source) => source.summary.count >= SOURCE_IP_THRESHOLD)
    .map(finishSource)
    .sort((a, b) => Number(a.internal) - Number(b.internal) || b.count - a.count || compareText(a.ip, b.ip))

  return {
    total: threats.length,
    blocked,
    detected: threats.length - blocked,
    groups: groupList,
    topSources,
    byRuleset,
    notes: modeNotes(ipsSettings, threats.length, blocked),
  }
}

function addToGroup(
  groups: Map<string, GroupAccumulator>,
  threat: CollectedThreat,
  isBlocked: boolean,
): GroupAccumulator {
  const signature = threat.signature.trim() === '' ? UNIDENTIFIED_SIGNATURE : threat.signature.trim()
  let accumulator = groups.get(signature)
  if (!accumulator) {
    const classtype = threat.classtype ?? null
    const categoryKey = threatCategoryKey(signature, threat.category, classtype)
    accumulator = {
      categoryKey,
      sources: new Set(),
      destinations: new Set(),
      firstDestination: threat.dstIp,
      group: {
        signature,
        signatureId: threat.signatureId,
        categoryRaw: threat.category ?? classtype,
        categoryName: threatCategoryName(categoryKey, classtype ?? threat.category),
        severity: 'low',
        count: 0,
        blocked: 0,
        detected: 0,
        cyberSecure: false,
        firstSeenMs: threat.timestampMs,
        lastSeenMs: threat.timestampMs,
        sourceIps: [],
        destinationIps: [],
        remediation: [],
      },
    }
    accumulator.group.severity = threatSeverity(threat.severity)
    groups.set(signature, accumulator)
  }
  const group = accumulator.group
  group.count++
  if (isBlocked) group.blocked++
  else group.detected++
  const severity = threatSeverity(threat.severity)
  if (SEVERITY_RANK[severity] < SEVERITY_RANK[group.severity]) group.severity = severity
  if (isCyberSecureThreat(threat)) group.cyberSecure = true
  group.signatureId ??= threat.signatureId
  group.categoryRaw ??= threat.category ?? threat.classtype ?? null
  group.firstSeenMs = Math.min(group.firstSeenMs, threat.timestampMs)
  group.lastSeenMs = Math.max(group.lastSeenMs, threat.timestampMs)
  if (threat.srcIp) accumulator.sources.add(threat.srcIp)
  if (threat.dstIp) accumulator.destinations.add(threat.dstIp)
  return accumulator
}

function finishGroup(accumulator: GroupAccumulator): ThreatGroup {
  const group = accumulator.group
  group.sourceIps = [...accumulator.sources]
  group.destinationIps = [...accumulator.destinations]
  group.remediation = threatRemediation(
    accumulator.categoryKey,
    group.severity,
    { srcIp: group.sourceIps[0] ?? null, destIp: accumulator.firstDestination, signature: group.signature },
    group.detected === 0,
  )
  return group
}

function addToSource(
  sources: Map<string, SourceAccumulator>,
  threat: CollectedThreat,
  isBlocked: boolean,
  categoryName: string,
): void {
  const ip = threat.srcIp ?? ''
  let source = sources.get(ip)
  if (!source) {
    source = {
      summary: { ip, internal: isInternalIp(ip), count: 0, blocked: 0, detected: 0, categories: [], country: null },
      categories: new Map(),
      countries: new Map(),
    }
    sources.set(ip, source)
  }
  source.summary.count++
  if (isBlocked) source.summary.blocked++
  else source.summary.detected++
  source.categories.set(categoryName, (source.categories.get(categoryName) ?? 0) + 1)
  if (threat.srcCountry) source.countries.set(threat.srcCountry, (source.countries.get(threat.srcCountry) ?? 0) + 1)
}

/** Categories as "Name (n)", most frequent first; the country seen most often. */
function finishSource(source: SourceAccumulator): SourceIpSummary {
  const byCount = (a: [string, number], b: [string, number]): number => b[1] - a[1] || compareText(a[0], b[0])
  return {
    ...source.summary,
    categories: [...source.categories].sort(byCount).map(([name, count]) => `${name} (${count})`),
    country: [...source.countries].sort(byCount)[0]?.[0] ?? null,
  }
}

function modeNotes(settings: IpsSettings | null, total: number, blocked: number): string[] {
  const mode = settings?.mode.trim().toLowerCase() ?? null
  if (mode === 'ids') return [DETECTION_ONLY_NOTE]
  if (mode === 'disabled') return [IPS_DISABLED_NOTE]
  if (mode === null && total > 0 && blocked === 0) return [INFERRED_DETECTION_NOTE]
  return []
}
