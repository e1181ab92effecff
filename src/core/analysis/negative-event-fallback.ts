/**
 * Legacy events the controller itself marks negative (`is_negative: true`) that no rule knows still become
 * findings, titled with the controller's own message: the legacy key list grows with every Network release
 * (`EVT_AD_ScheduleUpgradeFailedNotFound`, `EVT_AP_UpgradeFailed` arrived years apart), and an event the
 * controller calls a problem must not vanish into "Other events".
 */
import type { FindingCategory, LogEntry } from './model.js'
import { defineRule, type Rule } from './rules/rule.js'

const BY_SUBSYSTEM: Readonly<Record<string, { category: FindingCategory; label: string }>> = {
  wlan: { category: 'wireless', label: 'Wireless' },
  lan: { category: 'connectivity', label: 'Connectivity' },
  wan: { category: 'connectivity', label: 'Connectivity' },
  www: { category: 'connectivity', label: 'Connectivity' },
}
const FALLBACK = { category: 'system', label: 'System' } as const

const STEPS = [
  'Open the UniFi console (Events or Alarm Manager) and read the full entry: {message}',
  'Check the device or client it names ({device_name}) and whether the condition is still present.',
  'Search the event key ({event_type}) in the UniFi help centre for what it means on your firmware, then confirm it does not repeat in the next report.',
]

const cache = new Map<string, Rule>()

/** True when the record carries the controller's negative flag (a boolean; some exports stringify it). */
export function isNegative(entry: LogEntry): boolean {
  const flag = entry.raw['is_negative']
  return flag === true || flag === 'true'
}

/** A generic medium rule for an unmatched negative legacy event; null for any other entry. */
export function negativeEventRule(entry: LogEntry): Rule | null {
  if (!isNegative(entry)) return null
  const mapping = BY_SUBSYSTEM[(entry.subsystem ?? '').toLowerCase()] ?? FALLBACK
  let rule = cache.get(mapping.category)
  if (!rule) {
    rule = defineRule({
      name: 'negative_event',
      category: mapping.category,
      label: mapping.label,
      severity: 'medium',
      triggers: [],
      title: '{named_message}',
      description: 'The controller flagged this event as a problem: {message} ({event_type}).',
      remediation: STEPS,
    })
    cache.set(mapping.category, rule)
  }
  return rule
}
