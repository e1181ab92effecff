/**
 * Security threat summary: detected and blocked
 * groups with the CyberSecure badge, top sources split external/internal, and the CyberSecure tri-state.
 */
import type { Severity, SourceIpSummary, ThreatAnalysis, ThreatGroup } from '../../analysis/model.js'
import type { ThreatGroupView, ThreatSourceView, ThreatsView } from '../model.js'
import type { ReportCaps } from '../input.js'
import type { AddressNoteIndex } from '../address-notes.js'
import { formatDateTime } from '../../time.js'
import { capList, joinWithMore, plural } from './cap.js'

const SEVERITY_RANK: Record<Severity, number> = { severe: 0, medium: 1, low: 2 }

function signatureText(group: ThreatGroup): string {
  const signature = group.signature.trim() || 'signature not reported'
  return group.signatureId === null ? `(${signature})` : `(${signature}, SID ${group.signatureId})`
}

function describe(group: ThreatGroup): string {
  const sources = plural(group.sourceIps.length, 'source address', 'source addresses')
  const category = group.categoryRaw && group.categoryRaw !== group.categoryName ? ` (${group.categoryRaw})` : ''
  return `${group.categoryName}${category}: ${plural(group.count, 'event')} from ${sources}.`
}

function toGroupView(group: ThreatGroup, blockedList: boolean, timeZone: string, caps: ReportCaps): ThreatGroupView {
  let countText: string
  if (blockedList) countText = `${group.blocked.toLocaleString('en-US')} blocked`
  else if (group.blocked > 0) countText = `${plural(group.detected, 'event')} detected, ${group.blocked} blocked`
  else countText = plural(group.detected, 'event')
  return {
    severity: group.severity,
    name: group.categoryName,
    cyberSecure: group.cyberSecure,
    signature: signatureText(group),
    countText,
    description: describe(group),
    sources: joinWithMore(group.sourceIps, caps.sourcesPerGroup),
    // Blocked threats were stopped: the reference gives them no remediation.
    remediation: blockedList ? [] : group.remediation,
    firstSeen: formatDateTime(group.firstSeenMs, timeZone),
    lastSeen: formatDateTime(group.lastSeenMs, timeZone),
  }
}

function toSourceView(source: SourceIpSummary, notes: AddressNoteIndex): ThreatSourceView {
  const parts = [`${plural(source.count, 'event')} (${source.blocked} blocked, ${source.detected} detected)`]
  if (source.categories.length > 0) parts.push(source.categories.slice(0, 4).join(', '))
  if (source.country) parts.push(source.country)
  const known = notes.get(source.ip.trim().toLowerCase())
  return known && known.length > 0
    ? { ip: source.ip, text: parts.join(' · '), notes: [...known] }
    : { ip: source.ip, text: parts.join(' · ') }
}

export function cyberSecureLine(threats: ThreatAnalysis): string {
  const etPro = threats.byRuleset['et-pro'].total
  if (etPro > 0) {
    return `CyberSecure (Proofpoint ET PRO) signatures are active — ${etPro.toLocaleString('en-US')} of ${threats.total.toLocaleString('en-US')} threat events were caught by them.`
  }
  const withSignatureIds = threats.groups.some((group) => group.signatureId !== null)
  if (threats.total > 0 && withSignatureIds) return 'No CyberSecure-specific detections in this period.'
  return 'Cannot tell whether CyberSecure is active from the available data.'
}

/** Detected = at least one event was let through; blocked = every event was stopped. */
export function splitGroups(groups: readonly ThreatGroup[]): { detected: ThreatGroup[]; blocked: ThreatGroup[] } {
  // Fully ordered (ties broken by signature) so the report does not depend on the order sources answered in.
  const ordered = [...groups].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      b.count - a.count ||
      a.signature.localeCompare(b.signature) ||
      (a.signatureId ?? 0) - (b.signatureId ?? 0),
  )
  return {
    detected: ordered.filter((group) => group.detected > 0),
    blocked: ordered.filter((group) => group.detected === 0),
  }
}

export function buildThreatsView(
  threats: ThreatAnalysis,
  timeZone: string,
  caps: ReportCaps,
  coverageNote: string | null = null,
  notes: AddressNoteIndex = new Map(),
): ThreatsView {
  const { detected, blocked } = splitGroups(threats.groups)
  const sources = [...threats.topSources].sort((a, b) => b.count - a.count || a.ip.localeCompare(b.ip))
  return {
    available: true,
    total: threats.total,
    blocked: threats.blocked,
    detected: threats.detected,
    cyberSecure: cyberSecureLine(threats),
    notes: threats.notes,
    coverageNote,
    detectedGroups: capList(detected, caps.threatGroups, (group) => toGroupView(group, false, timeZone, caps)),
    blockedGroups: capList(blocked, caps.threatGroups, (group) => toGroupView(group, true, timeZone, caps)),
    external: capList(
      sources.filter((source) => !source.internal),
      caps.topSources,
      (source) => toSourceView(source, notes),
    ),
    internal: capList(
      sources.filter((source) => source.internal),
      caps.topSources,
      (source) => toSourceView(source, notes),
    ),
  }
}
