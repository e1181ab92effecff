/**
 * Events and alarms → findings: normalise every entry, match it against the rule table (v2 system-log
 * entries through their mapped keys), merge recurrences, add flapping, and count what no rule knows as
 * "Other events". IPS alerts already covered by the threat section are counted, not repeated.
 */
import type { CollectedEvent, CollectedThreat, ReportWindow } from '../unifi/model.js'
import type { Finding, LogEntry } from './model.js'
import { createRuleEngine } from './engine.js'
import { detectFlapping } from './flapping.js'
import { createThreatCoverage } from './ips-alert-coverage.js'
import { toLogEntry } from './log-entry.js'
import { mergeOccurrences, type Occurrence } from './recurrence.js'
import { ALL_RULES } from './rules/index.js'
import { systemLogFallbackRule } from './system-log-fallback.js'
import { candidateKeys } from './system-log-mapping.js'

const engine = createRuleEngine(ALL_RULES)

export interface EventAnalysis {
  findings: Finding[]
  otherEvents: { eventType: string; count: number }[]
  logEntryCount: number
  /** IPS alert events left to the threat section (see ips-alert-coverage.ts). */
  coveredIpsAlerts: number
}

export function analyseEvents(
  events: readonly CollectedEvent[],
  alarms: readonly CollectedEvent[],
  threats: readonly CollectedThreat[],
  window: ReportWindow,
): EventAnalysis {
  const coverage = createThreatCoverage(threats)
  const seenIds = new Set<string>()
  const occurrences: Occurrence[] = []
  const roams: LogEntry[] = []
  const other = new Map<string, number>()
  let logEntryCount = 0
  let coveredIpsAlerts = 0
  let index = 0

  for (const event of [...events, ...alarms]) {
    const entry = toLogEntry(event, index++, window.since)
    // An alarm is often the same record as an event: count it once.
    if (event.id !== null) {
      if (seenIds.has(event.id)) continue
      seenIds.add(event.id)
    }
    logEntryCount++
    const rule = engine.match(entry, candidateKeys(event)) ?? systemLogFallbackRule(event)
    if (!rule) {
      other.set(entry.eventType, (other.get(entry.eventType) ?? 0) + 1)
      continue
    }
    if (rule.name === 'ips_alert' && coverage.covers(entry)) {
      coveredIpsAlerts++
      continue
    }
    occurrences.push({ rule, entry, title: rule.renderTitle(entry) })
    if (rule.name === 'client_roaming') roams.push(entry)
  }

  return {
    findings: [...mergeOccurrences(occurrences), ...detectFlapping(roams)],
    otherEvents: [...other]
      .map(([eventType, count]) => ({ eventType, count }))
      .sort((a, b) => b.count - a.count || a.eventType.localeCompare(b.eventType)),
    logEntryCount,
    coveredIpsAlerts,
  }
}
