/** Device health summary: counters, issue cards, device table. */
import type { DeviceHealthRow, HealthAnalysis } from '../../analysis/model.js'
import type { DeviceRowView, HealthView } from '../model.js'
import type { ReportCaps } from '../input.js'
import { capList } from './cap.js'
import type { ChangeMarker } from './changes.js'
import { deviceLabel, toFindingView } from './findings.js'

const NOT_REPORTED = 'not reported'

function status(row: DeviceHealthRow): DeviceRowView['status'] {
  if (row.severeCount > 0) return 'CRITICAL'
  if (row.mediumCount > 0 || !row.healthy) return 'WARNING'
  return 'OK'
}

function issues(row: DeviceHealthRow): string {
  const parts: string[] = []
  if (row.severeCount > 0) parts.push(`${row.severeCount} critical`)
  if (row.mediumCount > 0) parts.push(`${row.mediumCount} warning${row.mediumCount === 1 ? '' : 's'}`)
  return parts.length > 0 ? parts.join(', ') : '-'
}

const percent = (value: number | null) => (value === null ? NOT_REPORTED : `${value.toFixed(1)} %`)

function toRowView(row: DeviceHealthRow): DeviceRowView {
  return {
    name: deviceLabel(row.name, row.mac),
    type: row.type.toUpperCase(),
    model: row.model ?? 'unknown',
    status: status(row),
    issues: issues(row),
    temperature: row.temperatureC === null ? NOT_REPORTED : `${row.temperatureC.toFixed(1)} °C`,
    cpu: percent(row.cpuPercent),
    memory: percent(row.memPercent),
    poe: row.poeUsePercent === null ? '-' : `${row.poeUsePercent.toFixed(1)} %`,
    uptime: row.uptime || '0m',
  }
}

const STATUS_RANK: Record<DeviceRowView['status'], number> = { CRITICAL: 0, WARNING: 1, OK: 2 }

export function buildHealthView(
  health: HealthAnalysis,
  timeZone: string,
  caps: ReportCaps,
  coverageNote: string | null = null,
  mark?: ChangeMarker,
): HealthView {
  const rows = health.rows.map(toRowView)
  // Stable sort: problems first, controller order otherwise, so a capped table still lists every problem first.
  const ordered = rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => STATUS_RANK[a.row.status] - STATUS_RANK[b.row.status] || a.index - b.index)
    .map((entry) => entry.row)
  const toView = (finding: HealthAnalysis['findings'][number]) => toFindingView(finding, timeZone, undefined, mark)
  return {
    available: true,
    totals: health.totals,
    coverageNote,
    critical: capList(
      health.findings.filter((finding) => finding.severity === 'severe'),
      caps.findingsPerSeverity,
      toView,
    ),
    warnings: capList(
      health.findings.filter((finding) => finding.severity !== 'severe'),
      caps.findingsPerSeverity,
      toView,
    ),
    rows: capList(ordered, caps.deviceRows, (row) => row),
  }
}
