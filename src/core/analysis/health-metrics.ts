/**
 * Threshold checks of device health metrics: strict "greater than", the
 * critical level checked first so a device never gets both findings for one metric. Thresholds come from
 * `settings.thresholds`.
 */
import type { HealthThresholds } from '../../shared/settings.js'
import type { CollectedDevice } from '../unifi/model.js'
import type { Severity } from './model.js'

export interface MetricLevel {
  warning: number
  critical: number
}

/** `critical` above the critical threshold, `warning` above the warning one, else null. */
export function thresholdLevel(value: number, thresholds: MetricLevel): 'critical' | 'warning' | null {
  if (value > thresholds.critical) return 'critical'
  if (value > thresholds.warning) return 'warning'
  return null
}

export interface MetricDefinition {
  rule: string
  /** The `stat/device` field the value comes from, named in the description. */
  source: string
  titles: { critical: string; warning: string }
  /** "CPU usage is 96.0 %" — the reading in words. */
  reading: (value: number) => string
  threshold: (value: number) => string
  remediation: { critical: readonly string[]; warning: readonly string[] }
  value: (device: CollectedDevice) => number | null
  thresholds: (all: HealthThresholds) => MetricLevel
}

const oneDecimal = (value: number): string => value.toFixed(1)
const DAY_SECONDS = 86_400

/** PoE budget use in percent: sum of port power vs the switch budget; null when the device has no budget. */
export function poeUsePercent(device: CollectedDevice): number | null {
  if (device.poeBudgetW === null || device.poeBudgetW <= 0) return null
  const drawn = device.poePorts.reduce((sum, port) => sum + (Number.isFinite(port.powerW) ? port.powerW : 0), 0)
  return (drawn / device.poeBudgetW) * 100
}

export const HEALTH_METRICS: readonly MetricDefinition[] = [
  {
    rule: 'health_temperature',
    source: 'general_temperature / temperatures',
    titles: { critical: 'Critical Temperature Alert', warning: 'High Temperature Warning' },
    reading: (value) => `Temperature is ${oneDecimal(value)} °C`,
    threshold: (value) => `${value} °C`,
    value: (device) => device.temperatureC,
    thresholds: (all) => all.temperatureC,
    remediation: {
      critical: [
        'URGENT: improve cooling now — open the cabinet or move the device out of enclosed space.',
        'Check that its fans spin and its vents are not blocked; clean out dust.',
        'Reduce load on it (PoE, features) until the temperature drops.',
        'Relocate it to a cooler, ventilated place or add cabinet cooling.',
        'Replace it if it stays this hot in normal conditions: heat shortens hardware life.',
      ],
      warning: [
        'Check the ventilation around the device and keep space around its vents.',
        'Make sure the room or cabinet is not getting warmer (summer, new equipment).',
        'Consider relocating it or adding airflow before it reaches the critical level.',
      ],
    },
  },
  {
    rule: 'health_cpu',
    source: 'system-stats.cpu',
    titles: { critical: 'Critical CPU Usage', warning: 'High CPU Usage' },
    reading: (value) => `CPU usage is ${oneDecimal(value)} %`,
    threshold: (value) => `${value} %`,
    value: (device) => device.cpuPercent,
    thresholds: (all) => all.cpuPercent,
    remediation: {
      critical: [
        'Check for a traffic flood or denial-of-service attack against the device (threat section, Insights).',
        'Look for runaway features: IPS/IDS, DPI and heavy logging use the most CPU.',
        'Restart the device in the next quiet period if the load does not drop.',
        'Upgrade to the latest stable firmware.',
        'If it is constantly this busy, replace it with a more capable model.',
      ],
      warning: [
        'Watch whether the load stays high or is a short peak.',
        'Turn off features you do not use (DPI, unused VPNs, extra logging).',
        'Restart it in a maintenance window if a process seems stuck.',
      ],
    },
  },
  {
    rule: 'health_memory',
    source: 'system-stats.mem',
    titles: { critical: 'Critical Memory Usage', warning: 'High Memory Usage' },
    reading: (value) => `Memory usage is ${oneDecimal(value)} %`,
    threshold: (value) => `${value} %`,
    value: (device) => device.memPercent,
    thresholds: (all) => all.memoryPercent,
    remediation: {
      critical: [
        'Restart the device as soon as possible to free memory before it becomes unstable.',
        'Upgrade to the latest stable firmware; memory leaks are a common fix.',
        'Turn off features you do not need.',
        'If memory fills up again within days, replace the device.',
      ],
      warning: [
        'Plan a restart in a maintenance window.',
        'Check for a firmware update that fixes memory leaks.',
        'Watch the trend in the next reports.',
      ],
    },
  },
  {
    rule: 'health_uptime',
    source: 'uptime',
    titles: { critical: 'Extended Uptime - Restart Required', warning: 'Extended Uptime - Consider Restart' },
    reading: (value) => `The device has been running for ${Math.floor(value)} days without a restart`,
    threshold: (value) => `${value} days`,
    value: (device) => (device.uptimeSec === null ? null : device.uptimeSec / DAY_SECONDS),
    thresholds: (all) => all.uptimeDays,
    remediation: {
      critical: [
        'Plan a restart immediately, in the next maintenance window.',
        'Check for pending firmware updates: a device this long without a restart usually has missed several.',
        'Apply the update, which restarts the device anyway.',
      ],
      warning: [
        'Schedule a restart in a maintenance window.',
        'Check whether a firmware update is pending and apply it at the same time.',
      ],
    },
  },
  {
    rule: 'health_poe_budget',
    source: 'port_table[].poe_power vs total_max_power',
    titles: { critical: 'PoE Budget Nearly Exhausted', warning: 'High PoE Budget Use' },
    reading: (value) => `PoE budget use is ${oneDecimal(value)} %`,
    threshold: (value) => `${value} %`,
    value: poeUsePercent,
    thresholds: (all) => all.poeBudgetPercent,
    remediation: {
      critical: [
        'Do not connect more PoE devices to this switch: it is about to cut power to some ports.',
        'Check per-port power for a device drawing more than expected.',
        'Move some PoE devices to another switch or power them with injectors.',
        'Set port priorities so access points and cameras keep power first.',
        'Plan a switch with a larger PoE budget.',
      ],
      warning: [
        'Keep an eye on PoE use before adding more cameras, phones or access points.',
        'Move non-critical PoE devices to another switch if you plan to expand.',
      ],
    },
  },
]

export function severityOfLevel(level: 'critical' | 'warning'): Severity {
  return level === 'critical' ? 'severe' : 'medium'
}
