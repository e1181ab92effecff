/**
 * Device health: metric thresholds, PoE budget use, WAN links down, the
 * overheating flag and devices not connected. One row per device with its finding counts, and totals.
 */
import type { HealthThresholds } from '../../shared/settings.js'
import type { CollectedDevice } from '../unifi/model.js'
import type { DeviceHealthRow, Finding, HealthAnalysis, Severity } from './model.js'
import { deviceState, STATE_REMEDIATION } from './device-state.js'
import { HEALTH_METRICS, poeUsePercent, severityOfLevel, thresholdLevel } from './health-metrics.js'
import { formatUptime } from './uptime.js'
import { SEVERITY_RANK } from './order.js'

export function deviceDisplayName(device: Pick<CollectedDevice, 'name' | 'mac'>): string {
  return device.name.trim() || device.mac.trim() || 'Unknown device'
}

export function analyseHealth(
  devices: readonly CollectedDevice[],
  thresholds: HealthThresholds,
  checkedAtMs: number,
): HealthAnalysis {
  const findings: Finding[] = []
  const rows: DeviceHealthRow[] = []
  for (const device of devices) {
    const deviceFindings = checkDevice(device, thresholds, checkedAtMs)
    findings.push(...deviceFindings)
    rows.push(toRow(device, deviceFindings))
  }
  findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
  return {
    findings,
    rows,
    totals: {
      devices: rows.length,
      healthy: rows.filter((row) => row.healthy).length,
      withWarnings: rows.filter((row) => row.severeCount === 0 && row.mediumCount > 0).length,
      withCritical: rows.filter((row) => row.severeCount > 0).length,
    },
  }
}

export function checkDevice(device: CollectedDevice, thresholds: HealthThresholds, checkedAtMs: number): Finding[] {
  const name = deviceDisplayName(device)
  const make = (rule: string, severity: Severity, title: string, description: string, steps: readonly string[]) =>
    healthFinding(
      device,
      { rule, severity, title: `[Device Health] ${title} on ${name}`, description, steps },
      checkedAtMs,
    )
  const findings: Finding[] = []
  const state = deviceState(device.state)
  if (state.severity !== null) {
    findings.push(
      make(
        'health_device_state',
        state.severity,
        device.state === 0 ? 'Device offline' : `Device ${state.label}`,
        `${name} is ${state.label} (state ${device.state}).`,
        STATE_REMEDIATION[state.severity],
      ),
    )
  }
  if (state.stale) return findings

  for (const metric of HEALTH_METRICS) {
    const value = metric.value(device)
    if (value === null || !Number.isFinite(value)) continue
    const limits = metric.thresholds(thresholds)
    const level = thresholdLevel(value, limits)
    if (level === null) continue
    const limit = level === 'critical' ? limits.critical : limits.warning
    findings.push(
      make(
        metric.rule,
        severityOfLevel(level),
        metric.titles[level],
        `${metric.reading(value)} on ${name}, above the ${level} threshold of ${metric.threshold(limit)} (${metric.source}).`,
        metric.remediation[level],
      ),
    )
  }
  if (device.overheating) {
    findings.push(
      make(
        'health_overheating',
        'severe',
        'Device Overheating',
        `${name} reports that it is overheating (overheating). It may throttle, cut PoE or shut down.`,
        HEALTH_METRICS[0]?.remediation.critical ?? [],
      ),
    )
  }
  findings.push(...wanFindings(device, name, make))
  return findings
}

type MakeFinding = (
  rule: string,
  severity: Severity,
  title: string,
  description: string,
  steps: readonly string[],
) => Finding

const WAN_STEPS = [
  'Check the modem or fibre ONT on that WAN port: power and its "online" light.',
  'Reseat the cable between the modem and the gateway WAN port.',
  "Check your internet provider's status page or call them.",
  'Check the WAN settings (DHCP, static IP, PPPoE credentials) under Settings > Internet.',
] as const

function wanFindings(device: CollectedDevice, name: string, make: MakeFinding): Finding[] {
  const down = device.wan.filter((link) => !link.up)
  if (down.length === 0) return []
  const names = down.map((link) => link.name).join(', ')
  if (down.length === device.wan.length) {
    return [
      make(
        'health_wan_down',
        'severe',
        'Internet (WAN) Down',
        `Every WAN link of ${name} is down (${names}; wan up = false): there is no internet access.`,
        WAN_STEPS,
      ),
    ]
  }
  return [
    make(
      'health_wan_down',
      'medium',
      `WAN Link Down (${names})`,
      `${names} on ${name} is down (wan up = false). Internet still works over the other link, but without a backup.`,
      WAN_STEPS,
    ),
  ]
}

function healthFinding(
  device: CollectedDevice,
  spec: { rule: string; severity: Severity; title: string; description: string; steps: readonly string[] },
  checkedAtMs: number,
): Finding {
  return {
    id: `${spec.rule}:${device.mac}`,
    severity: spec.severity,
    category: 'device-health',
    rule: spec.rule,
    title: spec.title,
    description: spec.description,
    remediation: spec.severity === 'low' ? [] : [...spec.steps],
    occurrences: 1,
    recurring: false,
    firstSeenMs: checkedAtMs,
    lastSeenMs: checkedAtMs,
    deviceMac: device.mac || null,
    deviceName: deviceDisplayName(device),
    eventType: null,
  }
}

function toRow(device: CollectedDevice, findings: readonly Finding[]): DeviceHealthRow {
  const poe = poeUsePercent(device)
  const severeCount = findings.filter((finding) => finding.severity === 'severe').length
  const mediumCount = findings.filter((finding) => finding.severity === 'medium').length
  return {
    mac: device.mac,
    name: deviceDisplayName(device),
    model: device.model,
    type: device.type,
    state: deviceState(device.state).label,
    temperatureC: device.temperatureC,
    cpuPercent: device.cpuPercent,
    memPercent: device.memPercent,
    uptime: formatUptime(device.uptimeSec),
    poeUsePercent: poe === null ? null : Math.round(poe * 10) / 10,
    healthy: severeCount === 0 && mediumCount === 0,
    severeCount,
    mediumCount,
  }
}
