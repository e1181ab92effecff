/**
 * De-duplication and recurrence (reference-behaviour.md §6.2). Occurrences of the same rule on the same
 * device with the same rendered title merge when each follows the previous one within the window (1 h);
 * a gap longer than the window starts a new finding. Merged findings carry the occurrence count and
 * first/last seen; 5 or more occurrences mark a finding recurring (informational, never a severity bump).
 * The title is part of the key so a merged finding never shows one failed-login IP for another's events.
 */
import type { Finding, LogEntry } from './model.js'
import type { Rule } from './rules/rule.js'

export const MERGE_WINDOW_MS = 60 * 60 * 1000
export const RECURRING_THRESHOLD = 5

export interface Occurrence {
  rule: Rule
  entry: LogEntry
  title: string
}

interface OpenGroup {
  first: Occurrence
  count: number
  firstSeenMs: number
  lastSeenMs: number
}

export function mergeOccurrences(occurrences: readonly Occurrence[], windowMs = MERGE_WINDOW_MS): Finding[] {
  const ordered = [...occurrences].sort((a, b) => a.entry.timestampMs - b.entry.timestampMs)
  const open = new Map<string, OpenGroup>()
  const findings: Finding[] = []
  for (const occurrence of ordered) {
    const { entry } = occurrence
    const key = `${occurrence.rule.name}\u0000${entry.deviceMac ?? entry.deviceName ?? ''}\u0000${occurrence.title}`
    const group = open.get(key)
    if (group && entry.timestampMs - group.lastSeenMs <= windowMs) {
      group.count++
      group.lastSeenMs = entry.timestampMs
      continue
    }
    if (group) findings.push(toFinding(group))
    open.set(key, { first: occurrence, count: 1, firstSeenMs: entry.timestampMs, lastSeenMs: entry.timestampMs })
  }
  for (const group of open.values()) findings.push(toFinding(group))
  return findings
}

function toFinding(group: OpenGroup): Finding {
  const { rule, entry, title } = group.first
  return {
    id: `${rule.name}:${entry.id}`,
    severity: rule.severity,
    category: rule.category,
    rule: rule.name,
    title,
    description: rule.renderDescription(entry),
    remediation: rule.renderRemediation(entry),
    occurrences: group.count,
    recurring: group.count >= RECURRING_THRESHOLD,
    firstSeenMs: group.firstSeenMs,
    lastSeenMs: group.lastSeenMs,
    deviceMac: entry.deviceMac,
    deviceName: entry.deviceName,
    eventType: entry.eventType,
  }
}
