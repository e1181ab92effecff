/**
 * The report model: one typed view-model for the whole report, with every value already formatted for
 * the reader (dates in the configured timezone, units, "and N more" caps). Both renderers draw exactly
 * this, so the HTML and text reports always carry the same sections.
 * Plain JSON: no functions, no Dates.
 */
import type { Severity } from '../analysis/model.js'
import type { AddressNoteView } from './address-notes.js'
import type { ReportSection, SectionFindingCounts, Tone } from './section.js'

export type { Severity }

export interface ReportModel {
  title: string
  /** Data came from the simulated controller: renderers show a "DEMO DATA" banner. */
  demo: boolean
  /** False when a core source (events, threats, devices) could not be checked, or UniFi was not read at all. */
  complete: boolean
  header: ReportHeader
  /** The panel that opens the report: what was read of each UniFi source. */
  coverage: ReportSection
  summary: ExecutiveSummary
  findings: FindingsView
  threats: ThreatsView
  health: HealthView
  /** A note explaining a failed UniFi collection; null when collection succeeded. */
  unifiFailure: ReportSection | null
  /** One per configured integration, in registry order (not-configured ones are absent). */
  integrations: ReportSection[]
  /** The configuration posture section; absent or null when the posture was not assessed. */
  posture?: ReportSection | null
  /** What changed since the previous complete report of the site; absent or null when UniFi was not read. */
  changes?: ChangesView | null
  /** New devices on the network (and the baseline on a first report); absent or null when clients were not read. */
  clients?: ReportSection | null
  /** This report's numbers against the previous report and the four weeks before; absent when UniFi was not read. */
  trends?: TrendsView | null
  dataSources: ReportSection
  footer: { appVersion: string; text: string }
}

export interface ReportHeader {
  /** "Default (default)" or "Unknown site" when the controller could not be read. */
  site: string
  /** "UniFi OS console · Network 10.3.58 · https://192.168.1.1" or "Not reached". */
  controller: string
  period: { start: string; end: string }
  /** With the IANA zone when its short name does not say it already. */
  generatedAt: string
  timezone: string
  /** ISO 8601 with offset, for machine readers. */
  generatedAtIso: string
}

export interface SummaryBreakdownRow {
  /** "Events and alarms", "Device health", "Security threats", or an integration's title. */
  label: string
  counts: SectionFindingCounts
}

export interface UrgentAction {
  severity: Severity
  title: string
  /** The first step to take, in plain English. */
  action: string
}

export interface ExecutiveSummary {
  counts: SectionFindingCounts & { total: number }
  breakdown: SummaryBreakdownRow[]
  /** Threat events in the window (blocked + detected); null when threat data was unavailable. */
  threatEvents: number | null
  /** Devices with at least one health issue; null when device data was unavailable. */
  unhealthyDevices: number | null
  /** "Action required: 2 severe findings need immediate attention." or null. */
  actionRequired: string | null
  /** Up to three, most urgent first. */
  urgentActions: UrgentAction[]
  /** "No new security events since the last report" when nothing was found and events and threats were read. */
  quietNote: string | null
  /** A source was only partly read: the counts are lower bounds ("at least"). */
  countsAtLeast: boolean
  /** Sections that need attention (failed integrations, UniFi failure, unavailable data). */
  notices: { title: string; tone: Tone; text: string }[]
  /** "Configuration posture: 71/100 (C-), 4 gaps, …" and the drift sentence; absent when not assessed. */
  posture?: string | null
  /** "Since the report of Dec 3, 2026 at 9:00 AM EST: 3 new, 2 resolved." or the baseline sentence. */
  changes?: string | null
}

export interface ChangedFindingView {
  severity: Severity
  title: string
}

export interface RecurringFindingView extends ChangedFindingView {
  /** When the first report carrying it was generated, "Dec 1, 2026 at 9:00 AM EST". */
  firstSeen: string
  /** Reports in a row that carried it, this one included. */
  streak: number
}

export interface ChangesView {
  /** The first complete report of the site: nothing to compare with, this one is the baseline. */
  baseline: boolean
  /** When the report compared with was generated; null on a baseline. */
  previousAt: string | null
  /** "New since Dec 3, 2026 at 9:00 AM EST" or "First report of this site". */
  heading: string
  /** One sentence: "3 new, 2 resolved, 4 still open." or what the baseline means. */
  text: string
  new: CappedList<ChangedFindingView>
  resolved: CappedList<ChangedFindingView>
  recurring: CappedList<RecurringFindingView>
}

export interface FindingView {
  id: string
  severity: Severity
  title: string
  recurring: boolean
  device: string
  /** "Occurred 1 time at Jan 24 at 3:15 PM" / "Occurred 7 times (first: …, last: …)". */
  occurrence: string
  firstSeen: string
  lastSeen: string
  description: string
  remediation: string[]
  /** What integrations know about the addresses the finding names (country, network owner, reputation). */
  notes?: AddressNoteView[]
  /** "New since the last report" or "Seen in 4 reports in a row since Dec 1, 2026 …"; absent on a baseline. */
  change?: { kind: 'new' | 'recurring'; text: string }
}

export interface CappedList<T> {
  items: T[]
  /** How many more exist than are listed. */
  more: number
  total: number
}

export interface FindingsView {
  /** False when the UniFi collection failed: there are no rule findings to show. */
  available: boolean
  unavailableReason: string | null
  severe: CappedList<FindingView>
  medium: CappedList<FindingView>
  low: CappedList<FindingView>
  logEntryCount: number
  /** Events or alarms partly read or not checked; null when both were read. */
  coverageNote: string | null
  /** "Other events" no rule matched: top types with counts. */
  otherEvents: CappedList<{ eventType: string; count: number }>
}

export interface ThreatGroupView {
  severity: Severity
  name: string
  cyberSecure: boolean
  /** "(ET SCAN Nmap Scripting Engine User-Agent, SID 2009358)". */
  signature: string
  /** "12 events" / "12 blocked". */
  countText: string
  description: string
  /** "203.0.113.5, 198.51.100.7 and 3 more" */
  sources: string
  remediation: string[]
  firstSeen: string
  lastSeen: string
}

export interface ThreatSourceView {
  ip: string
  /** "14 events (blocked 10, detected 4) · Exploit Attempt, Network Scan" */
  text: string
  /** What integrations know about the address (country, network owner, reputation). */
  notes?: AddressNoteView[]
}

export type ThreatsView =
  | { available: false; reason: string }
  | {
      available: true
      total: number
      blocked: number
      detected: number
      /** CyberSecure tri-state line: active, not detected, or unknown. */
      cyberSecure: string
      notes: string[]
      /** Threat data partly read: "no threats" must not be claimed; null when read. */
      coverageNote: string | null
      detectedGroups: CappedList<ThreatGroupView>
      blockedGroups: CappedList<ThreatGroupView>
      external: CappedList<ThreatSourceView>
      internal: CappedList<ThreatSourceView>
    }

export interface DeviceRowView {
  name: string
  type: string
  model: string
  status: 'OK' | 'WARNING' | 'CRITICAL'
  issues: string
  temperature: string
  cpu: string
  memory: string
  poe: string
  uptime: string
}

export type HealthView =
  | { available: false; reason: string }
  | {
      available: true
      totals: { devices: number; healthy: number; withWarnings: number; withCritical: number }
      /** Device data partly read; null when read. */
      coverageNote: string | null
      critical: CappedList<FindingView>
      warnings: CappedList<FindingView>
      rows: CappedList<DeviceRowView>
    }

export interface TrendRowView {
  label: string
  current: string
  previous: string
  /** Average over the reports of the four weeks before this one. */
  average: string
  /** "+3", "−2", "same" or "–". */
  change: string
}

export interface TrendChartView {
  id: string
  title: string
  /** One name per value of a point (a stacked bar's parts, or the one series). */
  legend: string[]
  stacked: boolean
  /** Oldest first, this report last. */
  points: { label: string; values: (number | null)[] }[]
}

export interface TrendsView {
  note: string
  rows: TrendRowView[]
  categories: { name: string; current: string; previous: string; average: string }[]
  charts: TrendChartView[]
  /** Reports drawn in the charts, this one included. */
  reports: number
}
