/**
 * The analysis result: what the report shows. Produced by `analyse()` from a UnifiCollection, consumed by
 * the report model and renderers. Plain JSON (timestamps epoch ms) so it can be stored and sent over IPC.
 */

export type Severity = 'severe' | 'medium' | 'low'
export type FindingCategory = 'security' | 'connectivity' | 'performance' | 'system' | 'wireless' | 'device-health'

/** A normalised log entry from any event source. */
export interface LogEntry {
  id: string
  timestampMs: number
  /** True when the source timestamp could not be parsed (the entry is kept and flagged, never stamped "now"). */
  timestampUncertain: boolean
  origin: string
  eventType: string
  message: string
  deviceMac: string | null
  deviceName: string | null
  subsystem: string | null
  raw: Record<string, unknown>
}

export interface Finding {
  id: string
  severity: Severity
  category: FindingCategory
  /** Rule or check name, e.g. `ap_lost_contact`, `health_temperature`. */
  rule: string
  /** With category prefix, e.g. `[Security] Failed admin login from 203.0.113.9`. */
  title: string
  /** Plain English; names the UniFi key in parentheses where there is one. */
  description: string
  /** Numbered steps for severe and medium findings; empty for low. */
  remediation: string[]
  occurrences: number
  /** ≥ 5 occurrences merged by the recurrence rule. */
  recurring: boolean
  firstSeenMs: number
  lastSeenMs: number
  deviceMac: string | null
  deviceName: string | null
  eventType: string | null
}

export interface ThreatGroup {
  signature: string
  signatureId: number | null
  categoryRaw: string | null
  /** Friendly category name (e.g. "Malware / Trojan activity"). */
  categoryName: string
  severity: Severity
  count: number
  blocked: number
  detected: number
  cyberSecure: boolean
  firstSeenMs: number
  lastSeenMs: number
  sourceIps: string[]
  destinationIps: string[]
  remediation: string[]
}

export interface SourceIpSummary {
  ip: string
  internal: boolean
  count: number
  blocked: number
  detected: number
  categories: string[]
  country: string | null
}

export type Ruleset = 'et-pro' | 'et-open' | 'other'

export interface ThreatAnalysis {
  total: number
  blocked: number
  detected: number
  groups: ThreatGroup[]
  /** Sources with ≥ 10 events, split by internal/external. */
  topSources: SourceIpSummary[]
  byRuleset: Record<Ruleset, { total: number; blocked: number; detected: number }>
  /** "IPS is in detection-only mode …" when applicable. */
  notes: string[]
}

export interface DeviceHealthRow {
  mac: string
  name: string
  model: string | null
  type: string
  state: string
  temperatureC: number | null
  cpuPercent: number | null
  memPercent: number | null
  uptime: string
  poeUsePercent: number | null
  healthy: boolean
  severeCount: number
  mediumCount: number
}

export interface HealthAnalysis {
  findings: Finding[]
  rows: DeviceHealthRow[]
  totals: { devices: number; healthy: number; withWarnings: number; withCritical: number }
}

export interface AnalysisResult {
  /** Rule findings (events, alarms, flapping), after recurrence merging, most severe first. */
  findings: Finding[]
  threats: ThreatAnalysis
  health: HealthAnalysis
  logEntryCount: number
  /** Event types no rule matched, with counts ("Other events"). */
  otherEvents: { eventType: string; count: number }[]
}
