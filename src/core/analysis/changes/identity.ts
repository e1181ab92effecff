/**
 * A finding's stable identity across runs: the rule plus its subject (the device MAC, the address the finding
 * names, or for threats the category and signature), so the next report of the site can say what is new, what
 * was resolved and what keeps coming back. Titles and counts change from run to run; the identity does not.
 */
import type { AnalysisResult, Finding, Severity, ThreatGroup } from '../model.js'

/** Which part of the collection a finding comes from: a part that was not read cannot resolve anything. */
export type FindingSource = 'events' | 'devices' | 'threats'

export interface TrackedFinding {
  key: string
  source: FindingSource
  severity: Severity
  /** What the reader sees, e.g. "[Security] Failed admin login from 203.0.113.9". */
  title: string
}

const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/
const IPV6 = /\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{1,4}\b/i
const RANK: Record<Severity, number> = { severe: 0, medium: 1, low: 2 }

const normalise = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim()

function subjectOf(finding: Finding): string {
  const mac = finding.deviceMac?.trim().toLowerCase() || null
  const address = IPV4.exec(finding.title)?.[0] ?? IPV6.exec(finding.title)?.[0]?.toLowerCase() ?? null
  const parts = [mac, address].filter((part): part is string => part !== null)
  // Without a device or an address the title is all that tells two findings of one rule apart.
  return parts.length > 0 ? parts.join('/') : normalise(finding.title).replace(/\d+/g, '#')
}

export function findingKey(finding: Finding): string {
  return `${finding.rule}:${subjectOf(finding)}`
}

export function threatKey(group: ThreatGroup): string {
  const category = normalise(group.categoryRaw ?? group.categoryName)
  return `threat:${category}:${group.signatureId ?? normalise(group.signature)}`
}

/** A fully blocked threat group counts as low, as in the executive summary. */
const threatSeverity = (group: ThreatGroup): Severity => (group.detected > 0 ? group.severity : 'low')

/**
 * Every finding of a run with its identity, most severe first; two findings with one identity (one rule, one
 * subject, two wordings) are one tracked finding at the higher severity.
 */
export function trackedFindings(
  analysis: AnalysisResult,
  read: Readonly<Record<FindingSource, boolean>>,
): TrackedFinding[] {
  const byKey = new Map<string, TrackedFinding>()
  const add = (candidate: TrackedFinding) => {
    const existing = byKey.get(candidate.key)
    if (existing === undefined || RANK[candidate.severity] < RANK[existing.severity])
      byKey.set(candidate.key, candidate)
  }
  if (read.events)
    for (const finding of analysis.findings)
      add({ key: findingKey(finding), source: 'events', severity: finding.severity, title: finding.title })
  if (read.devices)
    for (const finding of analysis.health.findings)
      add({ key: findingKey(finding), source: 'devices', severity: finding.severity, title: finding.title })
  if (read.threats)
    for (const group of analysis.threats.groups)
      add({
        key: threatKey(group),
        source: 'threats',
        severity: threatSeverity(group),
        title: `${group.categoryName}: ${group.signature}`,
      })
  return [...byKey.values()].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.title.localeCompare(b.title))
}
