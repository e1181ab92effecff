/**
 * The posture score: 100 minus every deduction, each listed. A deduction depends on status and severity; the
 * deductions of one area are capped, so a site with twenty SSIDs cannot lose everything to Wi-Fi alone. With
 * fewer than half of the checks evaluated, or without the site settings (a controller that refused them to an
 * API key: SSH, UPnP, IPS, syslog and update settings all unread), there is no score: a number made of unknowns
 * would look like a measurement, and the caps would turn a whole unread area into a few points.
 */
import {
  POSTURE_AREAS,
  type AreaDeduction,
  type CompoundRisk,
  type Deduction,
  type PostureArea,
  type PostureCheckResult,
  type PostureScore,
  type PostureSeverity,
  type PostureStatus,
} from './model.js'

export const POINTS: Readonly<Record<PostureStatus, Readonly<Record<PostureSeverity, number>>>> = {
  gap: { critical: 20, high: 10, medium: 5, low: 2, info: 0 },
  recommendation: { critical: 10, high: 5, medium: 2, low: 1, info: 0 },
  unknown: { critical: 5, high: 3, medium: 1, low: 0, info: 0 },
  ok: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
}

/** The most one area can take off the score. */
export const AREA_CAP: Readonly<Record<PostureArea, number>> = {
  management: 25,
  firmware: 25,
  backup: 15,
  logging: 10,
  protection: 15,
  exposure: 25,
  wifi: 20,
  segmentation: 20,
  compound: 20,
}

const GRADES: readonly [number, string][] = [
  [97, 'A+'],
  [93, 'A'],
  [90, 'A-'],
  [87, 'B+'],
  [83, 'B'],
  [80, 'B-'],
  [77, 'C+'],
  [73, 'C'],
  [70, 'C-'],
  [67, 'D+'],
  [63, 'D'],
  [60, 'D-'],
]

export function gradeOf(score: number): string {
  return GRADES.find(([floor]) => score >= floor)?.[1] ?? 'F'
}

/**
 * `unreadSettings`: why the site settings could not be read (null when they were); without them there is no
 * score, however many of the other checks were evaluated.
 */
export function scorePosture(
  checks: readonly PostureCheckResult[],
  compound: readonly CompoundRisk[],
  unreadSettings: string | null = null,
): PostureScore {
  const deductions: Deduction[] = []
  for (const check of checks) {
    const points = POINTS[check.status][check.severity]
    if (points > 0)
      deductions.push({ id: check.id, area: check.area, status: check.status, severity: check.severity, points })
  }
  for (const risk of compound) {
    const points = POINTS.gap[risk.severity]
    if (points > 0) deductions.push({ id: risk.id, area: 'compound', status: 'gap', severity: risk.severity, points })
  }
  const areas: AreaDeduction[] = POSTURE_AREAS.map((area) => {
    const raw = deductions.filter((d) => d.area === area).reduce((sum, d) => sum + d.points, 0)
    return { area, raw, applied: Math.min(raw, AREA_CAP[area]), cap: AREA_CAP[area] }
  })
  const checked = checks.filter((c) => c.status !== 'unknown').length
  const total = checks.length
  const noScore =
    unreadSettings !== null
      ? `the site settings could not be read (${unreadSettings})`
      : total === 0 || checked * 2 < total
        ? `only ${checked} of ${total} checks could be evaluated`
        : null
  if (noScore !== null) return { score: null, grade: null, deductions, areas, checked, total, noScore }
  const score = Math.max(0, Math.min(100, Math.round(100 - areas.reduce((sum, a) => sum + a.applied, 0))))
  return { score, grade: gradeOf(score), deductions, areas, checked, total, noScore: null }
}
