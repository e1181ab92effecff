/**
 * The analysis entry point: one UniFi collection in, one AnalysisResult out. Pure (no I/O, no clock
 * unless injected) and linear in the input size, so a large window analyses well under a second.
 */
import type { HealthThresholds } from '../../shared/settings.js'
import type { UnifiCollection } from '../unifi/model.js'
import type { AnalysisResult, Finding } from './model.js'
import { analyseEvents } from './event-analysis.js'
import { analyseHealth } from './health-analysis.js'
import { analyseHealthSubsystems } from './health-subsystems.js'
import { analyseThreats } from './threat-analysis.js'
import { compareText, SEVERITY_RANK } from './order.js'

export interface AnalyseOptions {
  thresholds: HealthThresholds
  /** Time stamped on device-health findings; defaults to the end of the report window (keeps output reproducible). */
  now?: () => number
}

export function analyse(collection: UnifiCollection, options: AnalyseOptions): AnalysisResult {
  const events = analyseEvents(
    collection.events,
    collection.alarms,
    collection.threats,
    collection.window,
    collection.devices,
  )
  const threats = analyseThreats(collection.threats, collection.ipsSettings)
  if (events.coveredIpsAlerts > 0) {
    threats.notes.push(
      `${events.coveredIpsAlerts} IPS alert ${events.coveredIpsAlerts === 1 ? 'event is' : 'events are'} included in this threat summary rather than listed as separate findings.`,
    )
  }
  const checkedAt = options.now?.() ?? collection.window.until
  const health = analyseHealth(collection.devices, options.thresholds, checkedAt)
  const findings = sortFindings([...events.findings, ...analyseHealthSubsystems(collection.health, checkedAt)])
  ensureUniqueIds([...findings, ...health.findings])
  return {
    findings,
    threats,
    health,
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
      compareText(a.title, b.title) ||
      compareText(a.id, b.id),
  )
}

/**
 * Finding ids derive from event ids and device MACs, which real payloads sometimes repeat (copied `_id`s,
 * two devices reporting one MAC); the report and UI key on ids, so later duplicates get a `#n` suffix.
 */
function ensureUniqueIds(findings: Finding[]): void {
  const seen = new Map<string, number>()
  for (const finding of findings) {
    const count = (seen.get(finding.id) ?? 0) + 1
    seen.set(finding.id, count)
    if (count > 1) finding.id = `${finding.id}#${count}`
  }
}
