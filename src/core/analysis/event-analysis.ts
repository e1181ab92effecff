/**
 * Events and alarms → findings: normalise every entry, match it against the rule table (v2 system-log
 * entries through their mapped keys), merge recurrences, add flapping, and count what no rule knows as
 * "Other events" — except entries the console rates HIGH or flags negative, which become findings in its words. IPS alerts already covered by the threat section are counted, not repeated.
 */
import type { CollectedDevice, CollectedEvent, CollectedThreat, ReportWindow } from '../unifi/model.js'
import type { Finding, LogEntry } from './model.js'
import { createRuleEngine } from './engine.js'
import { detectFlapping } from './flapping.js'
import { createThreatCoverage } from './ips-alert-coverage.js'
import { toLogEntry } from './log-entry.js'
import { createWanFailover } from './wan-failover.js'
import { mergeOccurrences, type Occurrence } from './recurrence.js'
import { ALL_RULES } from './rules/index.js'
import { negativeEventRule } from './negative-event-fallback.js'
import { systemLogFallbackRule } from './system-log-fallback.js'
import { candidateKeys } from './system-log-mapping.js'
import { compareText } from './order.js'

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
  devices: readonly CollectedDevice[] = [],
): EventAnalysis {
  const coverage = createThreatCoverage(threats)
  const names = deviceNames(devices)
  const failover = createWanFailover(events)
  const duplicates = alarmsRepeatingEvents(events, alarms)
  const occurrences: Occurrence[] = []
  const roams: LogEntry[] = []
  const other = new Map<string, number>()
  let logEntryCount = 0
  let coveredIpsAlerts = 0
  let index = 0

  const consider = (event: CollectedEvent): void => {
    const entry = toLogEntry(event, index++, window.since)
    // An event that names its device only by MAC gets the name the device list gives it.
    if (entry.deviceName === null && entry.deviceMac !== null) entry.deviceName = names.get(entry.deviceMac) ?? null
    logEntryCount++
    const matched =
      engine.match(entry, candidateKeys(event)) ?? systemLogFallbackRule(event) ?? negativeEventRule(entry)
    const rule = matched && failover.refine(matched, entry)
    if (!rule) {
      other.set(entry.eventType, (other.get(entry.eventType) ?? 0) + 1)
      return
    }
    if (rule.name === 'ips_alert' && coverage.covers(entry)) {
      coveredIpsAlerts++
      return
    }
    occurrences.push({ rule, entry, title: rule.renderTitle(entry) })
    if (rule.name === 'client_roaming') roams.push(entry)
  }
  for (const event of events) consider(event)
  for (const alarm of alarms) if (!duplicates.has(alarm)) consider(alarm)

  return {
    findings: [...mergeOccurrences(occurrences), ...detectFlapping(roams)],
    otherEvents: [...other]
      .map(([eventType, count]) => ({ eventType, count }))
      .sort((a, b) => b.count - a.count || compareText(a.eventType, b.eventType)),
    logEntryCount,
    coveredIpsAlerts,
  }
}

/** MAC → name of every device the controller listed with a name of its own (a nameless device is listed by MAC). */
function deviceNames(devices: readonly CollectedDevice[]): Map<string, string> {
  const names = new Map<string, string>()
  for (const device of devices) if (device.name !== '' && device.name !== device.mac) names.set(device.mac, device.name)
  return names
}

/**
 * Alarms that repeat an event (same id, key and time) are counted once. Key and time are part of the
 * identity because recorded payloads reuse `_id` values across different events. Indexed by alarm id so
 * the common case (few alarms, many events) allocates nothing per event.
 */
function alarmsRepeatingEvents(
  events: readonly CollectedEvent[],
  alarms: readonly CollectedEvent[],
): Set<CollectedEvent> {
  const duplicates = new Set<CollectedEvent>()
  if (alarms.length === 0) return duplicates
  const byId = new Map<string, CollectedEvent[]>()
  for (const alarm of alarms) {
    if (alarm.id === null) continue
    const list = byId.get(alarm.id) ?? []
    list.push(alarm)
    byId.set(alarm.id, list)
  }
  for (const event of events) {
    const candidates = event.id === null ? undefined : byId.get(event.id)
    for (const alarm of candidates ?? []) {
      if (alarm.key === event.key && alarm.timestampMs === event.timestampMs) duplicates.add(alarm)
    }
  }
  return duplicates
}
