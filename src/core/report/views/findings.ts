/**
 * Finding cards: the occurrence wording ("Occurred N times (first: …, last: …)") and the device shown as its name,
 * else its MAC, else "Unknown device".
 */
import type { AnalysisResult, Finding, Severity } from '../../analysis/model.js'
import type { FindingView, FindingsView } from '../model.js'
import type { ReportCaps } from '../input.js'
import { formatDateTime, formatShortDateTime } from '../../time.js'
import { capList } from './cap.js'
import { notesInText, type AddressNoteIndex } from '../address-notes.js'
import type { ChangeMarker } from './changes.js'

export function deviceLabel(name: string | null, mac: string | null): string {
  const trimmed = name?.trim()
  if (trimmed) return trimmed
  if (mac?.trim()) return mac.trim()
  return 'Unknown device'
}

export function occurrenceText(finding: Finding, timeZone: string): string {
  const text =
    finding.occurrences <= 1
      ? `Occurred 1 time at ${formatShortDateTime(finding.firstSeenMs, timeZone)}`
      : `Occurred ${finding.occurrences.toLocaleString('en-US')} times (first: ${formatShortDateTime(
          finding.firstSeenMs,
          timeZone,
        )}, last: ${formatShortDateTime(finding.lastSeenMs, timeZone)})`
  return finding.recurring ? `[Recurring Issue] ${text}` : text
}

export function toFindingView(
  finding: Finding,
  timeZone: string,
  notes: AddressNoteIndex = new Map(),
  mark?: ChangeMarker,
): FindingView {
  const known = notesInText(notes, `${finding.title} ${finding.description}`)
  const change = mark?.(finding)
  return {
    ...(known.length > 0 ? { notes: known } : {}),
    ...(change ? { change } : {}),
    id: finding.id,
    severity: finding.severity,
    title: finding.title,
    recurring: finding.recurring,
    device: deviceLabel(finding.deviceName, finding.deviceMac),
    occurrence: occurrenceText(finding, timeZone),
    firstSeen: formatDateTime(finding.firstSeenMs, timeZone),
    lastSeen: formatDateTime(finding.lastSeenMs, timeZone),
    description: finding.description,
    // LOW findings are informational: the reference shows them without remediation.
    remediation: finding.severity === 'low' ? [] : finding.remediation,
  }
}

export function bySeverity(findings: readonly Finding[]): Record<Severity, Finding[]> {
  const groups: Record<Severity, Finding[]> = { severe: [], medium: [], low: [] }
  for (const finding of findings) groups[finding.severity].push(finding)
  return groups
}

export function buildFindingsView(
  analysis: AnalysisResult,
  timeZone: string,
  caps: ReportCaps,
  coverageNote: string | null = null,
  notes: AddressNoteIndex = new Map(),
  mark?: ChangeMarker,
): FindingsView {
  const groups = bySeverity(analysis.findings)
  const toView = (finding: Finding) => toFindingView(finding, timeZone, notes, mark)
  const otherEvents = [...analysis.otherEvents].sort((a, b) => b.count - a.count)
  return {
    available: true,
    unavailableReason: null,
    severe: capList(groups.severe, caps.findingsPerSeverity, toView),
    medium: capList(groups.medium, caps.findingsPerSeverity, toView),
    low: capList(groups.low, caps.lowFindings, toView),
    logEntryCount: analysis.logEntryCount,
    coverageNote,
    otherEvents: capList(otherEvents, caps.otherEvents, (entry) => entry),
  }
}

export function unavailableFindings(reason: string): FindingsView {
  const empty = { items: [], more: 0, total: 0 }
  return {
    available: false,
    unavailableReason: reason,
    severe: empty,
    medium: empty,
    low: empty,
    logEntryCount: 0,
    coverageNote: null,
    otherEvents: empty,
  }
}
