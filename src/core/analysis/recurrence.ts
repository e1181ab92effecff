/**
 * De-duplication and recurrence. Occurrences of the same rule on the same
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
  const ordered = chronological(occurrences)
  // Nested maps (rule → device → title) instead of a concatenated key: no string per occurrence.
  const open = new Map<Rule, Map<string, Map<string, OpenGroup>>>()
  const findings: Finding[] = []
  for (const occurrence of ordered) {
    const { entry } = occurrence
    const byTitle = titlesOf(open, occurrence.rule, entry.deviceMac ?? entry.deviceName ?? '')
    const group = byTitle.get(occurrence.title)
    if (group && entry.timestampMs - group.lastSeenMs <= windowMs) {
      group.count++
      group.lastSeenMs = entry.timestampMs
      continue
    }
    if (group) findings.push(toFinding(group))
    byTitle.set(occurrence.title, {
      first: occurrence,
      count: 1,
      firstSeenMs: entry.timestampMs,
      lastSeenMs: entry.timestampMs,
    })
  }
  for (const byDevice of open.values()) {
    for (const byTitle of byDevice.values()) for (const group of byTitle.values()) findings.push(toFinding(group))
  }
  return findings
}

function titlesOf(
  open: Map<Rule, Map<string, Map<string, OpenGroup>>>,
  rule: Rule,
  device: string,
): Map<string, OpenGroup> {
  let byDevice = open.get(rule)
  if (!byDevice) open.set(rule, (byDevice = new Map<string, Map<string, OpenGroup>>()))
  let byTitle = byDevice.get(device)
  if (!byTitle) byDevice.set(device, (byTitle = new Map<string, OpenGroup>()))
  return byTitle
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

/**
 * Oldest first. Controllers return events newest first (`_sort: -time`), so an already ordered input is
 * detected in one pass and reversed instead of sorted.
 */
function chronological(occurrences: readonly Occurrence[]): Occurrence[] {
  let ascending = true
  let descending = true
  for (let i = 1; i < occurrences.length && (ascending || descending); i++) {
    const difference = (occurrences[i]?.entry.timestampMs ?? 0) - (occurrences[i - 1]?.entry.timestampMs ?? 0)
    if (difference < 0) ascending = false
    if (difference > 0) descending = false
  }
  if (ascending) return [...occurrences]
  if (descending) return [...occurrences].reverse()
  return [...occurrences].sort((a, b) => a.entry.timestampMs - b.entry.timestampMs)
}
