/**
 * Executive summary. The counts cover every
 * section — rule findings, device health, threats and integrations — with a per-section breakdown.
 * Threat groups count at their severity when something got through; fully blocked groups were stopped
 * and count as low (informational).
 */
import type { AnalysisResult, Finding, Severity, ThreatGroup } from '../../analysis/model.js'
import type { ExecutiveSummary, SummaryBreakdownRow, UrgentAction } from '../model.js'
import type { ReportSection, SectionFindingCounts } from '../section.js'
import { COVERAGE_SOURCES, type Coverage, type CoverageSource } from '../../unifi/coverage.js'
import { plural } from './cap.js'
import { deviceLabel } from './findings.js'

const RANK: Record<Severity, number> = { severe: 0, medium: 1, low: 2 }

function countFindings(findings: readonly Finding[]): SectionFindingCounts {
  const counts = { severe: 0, medium: 0, low: 0 }
  for (const finding of findings) counts[finding.severity] += 1
  return counts
}

function countThreats(groups: readonly ThreatGroup[]): SectionFindingCounts {
  const counts = { severe: 0, medium: 0, low: 0 }
  for (const group of groups) counts[group.detected > 0 ? group.severity : 'low'] += 1
  return counts
}

/** Remediation steps may arrive numbered ("1. Check …"); the summary shows the bare sentence. */
function firstStep(steps: readonly string[]): string | null {
  const step = steps.find((candidate) => candidate.trim() !== '')
  return step ? step.trim().replace(/^\d+[.)]\s*/, '') : null
}

interface Candidate extends UrgentAction {
  source: 'events' | 'health' | 'threats'
  recurring: boolean
  occurrences: number
  lastSeenMs: number
}

function findingCandidates(findings: readonly Finding[], source: Candidate['source']): Candidate[] {
  const candidates: Candidate[] = []
  for (const finding of findings) {
    if (finding.severity === 'low') continue
    const action = firstStep(finding.remediation)
    if (!action) continue
    const device = deviceLabel(finding.deviceName, finding.deviceMac)
    const title = finding.title.includes(device) ? finding.title : `${finding.title} (${device})`
    candidates.push({
      source,
      severity: finding.severity,
      title,
      action,
      recurring: finding.recurring,
      occurrences: finding.occurrences,
      lastSeenMs: finding.lastSeenMs,
    })
  }
  return candidates
}

function threatCandidates(groups: readonly ThreatGroup[]): Candidate[] {
  const candidates: Candidate[] = []
  for (const group of groups) {
    const action = firstStep(group.remediation)
    if (group.detected === 0 || group.severity === 'low' || !action) continue
    candidates.push({
      source: 'threats',
      severity: group.severity,
      title: `${group.categoryName}: ${plural(group.detected, 'threat event')} not blocked`,
      action,
      recurring: false,
      occurrences: group.detected,
      lastSeenMs: group.lastSeenMs,
    })
  }
  return candidates
}

export function urgentActions(analysis: AnalysisResult, limit = 3): UrgentAction[] {
  const candidates = [
    ...findingCandidates(analysis.findings, 'events'),
    ...findingCandidates(analysis.health.findings, 'health'),
    ...threatCandidates(analysis.threats.groups),
  ]
  candidates.sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      Number(b.recurring) - Number(a.recurring) ||
      b.occurrences - a.occurrences ||
      b.lastSeenMs - a.lastSeenMs,
  )
  // At most two from one section, so one noisy section cannot hide the others' most urgent problem.
  const perSource = new Map<Candidate['source'], number>()
  const chosen: UrgentAction[] = []
  for (const candidate of candidates) {
    if (chosen.length === limit) break
    const used = perSource.get(candidate.source) ?? 0
    if (used >= 2) continue
    perSource.set(candidate.source, used + 1)
    chosen.push({ severity: candidate.severity, title: candidate.title, action: candidate.action })
  }
  return chosen
}

export interface SummaryInput {
  analysis: AnalysisResult | null
  threatsAvailable: boolean
  healthAvailable: boolean
  integrationSections: readonly ReportSection[]
  notices: ExecutiveSummary['notices']
  coverage: Coverage
}

export function buildSummary(input: SummaryInput): ExecutiveSummary {
  const breakdown: SummaryBreakdownRow[] = []
  const { analysis } = input
  if (analysis) {
    breakdown.push({ label: 'Events and alarms', counts: countFindings(analysis.findings) })
    if (input.healthAvailable)
      breakdown.push({ label: 'Device health', counts: countFindings(analysis.health.findings) })
    if (input.threatsAvailable)
      breakdown.push({ label: 'Security threats', counts: countThreats(analysis.threats.groups) })
  }
  for (const section of input.integrationSections) {
    if (section.findings) breakdown.push({ label: section.title, counts: { ...section.findings } })
  }
  const counts = { severe: 0, medium: 0, low: 0, total: 0 }
  for (const row of breakdown) {
    counts.severe += row.counts.severe
    counts.medium += row.counts.medium
    counts.low += row.counts.low
  }
  counts.total = counts.severe + counts.medium + counts.low
  const threatEvents = analysis && input.threatsAvailable ? analysis.threats.total : null
  const unhealthyDevices =
    analysis && input.healthAvailable ? analysis.health.totals.devices - analysis.health.totals.healthy : null
  const actionRequired =
    counts.severe > 0
      ? `Action required: ${plural(counts.severe, 'severe finding')} ${counts.severe === 1 ? 'needs' : 'need'} immediate attention.`
      : null
  // "Nothing happened" is only said of what was read: a blind or half-read source is no all-clear.
  const read = (source: CoverageSource) => input.coverage[source].state === 'read'
  const quiet =
    analysis !== null && counts.total === 0 && (threatEvents ?? 0) === 0 && read('events') && read('threats')
  // The posture is scored, not counted: a partly read configuration does not make the counts lower bounds.
  const countsAtLeast = COVERAGE_SOURCES.some(
    (source) => source !== 'posture' && input.coverage[source].state === 'partial',
  )
  return {
    counts,
    breakdown,
    threatEvents,
    unhealthyDevices,
    actionRequired,
    urgentActions: analysis ? urgentActions(analysis) : [],
    quietNote: quiet ? 'No new security events since the last report.' : null,
    countsAtLeast,
    notices: input.notices,
  }
}
