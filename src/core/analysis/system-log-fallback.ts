/**
 * v2 system-log entries that no rule knows but that the console itself rates HIGH or above still become
 * findings, titled with the console's own wording: the system log grows new event names with every
 * Network release, and a high-severity one must not vanish into "Other events".
 */
import type { FindingCategory, Severity } from './model.js'
import type { CollectedEvent } from '../unifi/model.js'
import { asRecord } from './normalise-values.js'
import { defineRule, type Rule } from './rules/rule.js'

const CATEGORY_MAP: Readonly<Record<string, { category: FindingCategory; label: string }>> = {
  SECURITY: { category: 'security', label: 'Security' },
  INTERNET_AND_WAN: { category: 'connectivity', label: 'Connectivity' },
  VPN: { category: 'connectivity', label: 'Connectivity' },
  CLIENT_DEVICES: { category: 'wireless', label: 'Wireless' },
  UNIFI_DEVICES: { category: 'system', label: 'System' },
  SOFTWARE_UPDATES: { category: 'system', label: 'System' },
  AUDIT: { category: 'system', label: 'System' },
  POWER: { category: 'device-health', label: 'Device Health' },
  UNIFI_ETHERNET_PORTS: { category: 'device-health', label: 'Device Health' },
}
const FALLBACK_CATEGORY = { category: 'system', label: 'System' } as const

const SEVERITY_MAP: Readonly<Record<string, Severity>> = { HIGH: 'medium', VERY_HIGH: 'severe', CRITICAL: 'severe' }

const STEPS = [
  'Open the UniFi console system log (or Alarm Manager) and read the full entry: {message}',
  'Check the device or client it names ({device_name}) and whether the condition is still present.',
  'Follow the guidance the console shows for this alert, then confirm it does not repeat in the next report.',
]

const cache = new Map<string, Rule>()

/** A generic rule for an unmatched v2 entry rated HIGH or above; null for anything else. */
export function systemLogFallbackRule(event: CollectedEvent): Rule | null {
  if (event.origin !== 'system-log' && event.origin !== 'system-log/critical') return null
  const severity = SEVERITY_MAP[(event.severity ?? '').toUpperCase()]
  if (!severity) return null
  const mapping = CATEGORY_MAP[(event.category ?? '').toUpperCase()] ?? FALLBACK_CATEGORY
  // "… on Unknown device" reads badly: name the device only when the entry has one.
  const hasDevice = event.deviceMac !== null || event.deviceName !== null || hasDeviceRole(event.raw)
  const cacheKey = `${mapping.category}|${severity}|${hasDevice}`
  let rule = cache.get(cacheKey)
  if (!rule) {
    rule = defineRule({
      name: 'system_log_alert',
      category: mapping.category,
      label: mapping.label,
      severity,
      triggers: [],
      title: hasDevice ? '{title} on {device_name}' : '{title}',
      description: 'The console logged: {message} ({event_type}).',
      remediation: STEPS,
    })
    cache.set(cacheKey, rule)
  }
  return rule
}

function hasDeviceRole(raw: Record<string, unknown>): boolean {
  const parameters = asRecord(raw['parameters'])
  return (
    parameters !== null && ['DEVICE', 'AP', 'SWITCH', 'GATEWAY'].some((role) => asRecord(parameters[role]) !== null)
  )
}
