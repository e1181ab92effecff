/**
 * The analysis entry point: one UniFi collection in, one AnalysisResult out. Pure (no I/O, no clock
 * unless injected) and linear in the input size, so a large window analyses well under a second.
 */
import type { HealthThresholds } from '../../shared/settings.js'
import type { UnifiCollection } from '../unifi/model.js'
import type { AnalysisResult, Finding, Severity } from './model.js'
import { analyseEvents } from './event-analysis.js'
import { analyseHealth } from './health-analysis.js'
import { analyseThreats } from './threat-analysis.js'

export interface AnalyseOptions {
  thresholds: HealthThresholds
  /** Time stamped on device-health findings; defaults to the end of the report window (keeps output reproducible). */
  now?: () => number
}

const SEVERITY_RANK: Record<Severity, number> = { severe: 0, medium: 1, low: 2 }

export function analyse(collection: UnifiCollection, options: AnalyseOptions): AnalysisResult {
  const events = analyseEvents(collection.events, collection.alarms, collection.threats, collection.window)
  const threats = analyseThreats(collection.threats, collection.ipsSettings)
  if (events.coveredIpsAlerts > 0) {
    threats.notes.push(
      `${events.coveredIpsAlerts} IPS alert ${events.coveredIpsAlerts === 1 ? 'event is' : 'events are'} included in this threat summary rather than listed as separate findings.`,
    )
  }
  const checkedAt = options.now?.() ?? collection.window.until
  return {
    findings: sortFindings(events.findings),
    threats,
    health: analyseHealth(collection.devices, options.thresholds, checkedAt),
    logEntryCount: events.logEntryCount,
    otherEvents: events.otherEvents,
  }
}

/** Most severe first, then most recent, then by title so equal inputs always give the same order. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      b.lastSeenMs - a.lastSeenMs ||
      a.title.localeCompare(b.title) ||
      a.id.localeCompare(b.id),
  )
}
