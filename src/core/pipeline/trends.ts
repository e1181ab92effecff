/**
 * Trend points from the history's summary numbers (the index, and the archive of reports retention pruned), and the run's own
 * point, so the report can compare with the previous report and the four weeks before it.
 */
import { siteTrends, type SiteTrends, type TrendPoint } from '../analysis/changes/trends.js'
import type { ArchivedPoint } from '../report/files/history-archive.js'
import type { HistoryEntry } from '../report/files/history.js'
import type { UnifiResult } from '../report/input.js'
import type { ReportModel } from '../report/model.js'
import { parseZonedIso, toZonedIso } from '../time.js'
import { threatTrend } from './history-entry.js'
import type { RunPosture } from './posture.js'
import { siteOf } from './site-history.js'

/** A complete report's numbers; null for an incomplete, failed or relisted one (its counts say nothing). */
export function trendPointOf(entry: HistoryEntry): TrendPoint | null {
  if (!entry.ok || entry.recovered) return null
  const atMs = parseZonedIso(entry.generatedAt) ?? Date.parse(entry.generatedAt)
  if (!Number.isFinite(atMs)) return null
  return {
    at: entry.generatedAt,
    atMs,
    severe: entry.findings.severe,
    medium: entry.findings.medium,
    low: entry.findings.low,
    threats: entry.threats,
    blocked: entry.trend?.blocked ?? null,
    detected: entry.trend?.detected ?? null,
    score: entry.posture?.score ?? null,
    categories: entry.trend?.categories ?? [],
  }
}

/** The complete reports of one site (real and demo apart), oldest first, optionally from `sinceMs` on. */
export function siteTrendPoints(
  entries: readonly HistoryEntry[],
  site: string,
  demo: boolean,
  sinceMs = Number.NEGATIVE_INFINITY,
  archived: readonly ArchivedPoint[] = [],
): TrendPoint[] {
  const points: TrendPoint[] = []
  for (const entry of entries) {
    if (entry.demo !== demo || siteOf(entry) !== site) continue
    const point = trendPointOf(entry)
    if (point !== null && point.atMs >= sinceMs) points.push(point)
  }
  for (const point of archived) {
    if (point.demo !== demo || point.site !== site || point.atMs < sinceMs) continue
    const { site: _site, demo: _demo, ...rest } = point
    points.push(rest)
  }
  return points.sort((a, b) => a.atMs - b.atMs)
}

export interface RunTrends {
  trends: SiteTrends
  /** The site's earlier points and this run's, oldest first, for the charts (the last `MAX_CHART_POINTS`). */
  points: TrendPoint[]
}

export const MAX_CHART_POINTS = 12

export function runTrends(
  current: TrendPoint,
  history: { entries: readonly HistoryEntry[]; archived: readonly ArchivedPoint[]; site: string; demo: boolean },
): RunTrends {
  const earlier = siteTrendPoints(
    history.entries,
    history.site,
    history.demo,
    Number.NEGATIVE_INFINITY,
    history.archived,
  ).filter((p) => p.atMs <= current.atMs)
  return { trends: siteTrends(current, earlier), points: [...earlier, current].slice(-MAX_CHART_POINTS) }
}

/** This run's point: the summary's counts, the threats by outcome and category, the posture score. */
export function currentTrendPoint(
  model: ReportModel,
  unifi: Extract<UnifiResult, { ok: true }>,
  posture: RunPosture | null,
  generatedAtMs: number,
  timezone: string,
): TrendPoint {
  const threats = model.threats.available ? threatTrend(unifi.analysis.threats) : null
  return {
    at: toZonedIso(generatedAtMs, timezone),
    atMs: generatedAtMs,
    severe: model.summary.counts.severe,
    medium: model.summary.counts.medium,
    low: model.summary.counts.low,
    threats: model.summary.threatEvents,
    blocked: threats?.blocked ?? null,
    detected: threats?.detected ?? null,
    score: posture?.assessment.score.score ?? null,
    categories: threats?.categories ?? [],
  }
}
