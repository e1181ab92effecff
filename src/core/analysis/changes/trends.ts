/**
 * Trends of a site over its complete reports: findings by severity, threats (blocked and detected), the top threat
 * categories and the posture score, each compared with the previous report and with the average of the reports of
 * the four weeks before this one. Pure: the points come from the history's summary numbers, which retention keeps.
 */

export interface TrendPoint {
  /** ISO 8601 with offset, and the same moment in epoch ms. */
  at: string
  atMs: number
  severe: number
  medium: number
  low: number
  /** Null when the report could not read threats (or did not record them). */
  threats: number | null
  blocked: number | null
  detected: number | null
  /** Null when the posture was not assessed or not scored. */
  score: number | null
  categories: { name: string; count: number }[]
}

export type TrendMetric = 'severe' | 'medium' | 'low' | 'total' | 'threats' | 'blocked' | 'detected' | 'score'

export const TREND_METRICS: readonly TrendMetric[] = [
  'severe',
  'medium',
  'low',
  'total',
  'threats',
  'blocked',
  'detected',
  'score',
]

export interface MetricTrend {
  current: number | null
  previous: number | null
  /** Mean over the reports of the 28 days before this one (one decimal); null when there were none. */
  average: number | null
}

export interface CategoryTrend {
  name: string
  current: number
  /** Null when there is no previous report; 0 when it had none of this category. */
  previous: number | null
  average: number | null
}

export interface SiteTrends {
  /** How many earlier reports the four-week average is taken over. */
  windowReports: number
  metrics: Record<TrendMetric, MetricTrend>
  categories: CategoryTrend[]
}

export const FOUR_WEEKS_MS = 28 * 86_400_000

export function metricOf(point: TrendPoint, metric: TrendMetric): number | null {
  if (metric === 'total') return point.severe + point.medium + point.low
  return point[metric]
}

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10

/** `earlier` is the site's earlier complete reports, in any order; only those not after `current` count. */
export function siteTrends(current: TrendPoint, earlier: readonly TrendPoint[]): SiteTrends {
  const before = earlier.filter((point) => point.atMs <= current.atMs).sort((a, b) => b.atMs - a.atMs)
  const previous = before[0] ?? null
  const window = before.filter((point) => point.atMs >= current.atMs - FOUR_WEEKS_MS)
  const metrics = {} as Record<TrendMetric, MetricTrend>
  for (const metric of TREND_METRICS) {
    const values = window.map((point) => metricOf(point, metric)).filter((value): value is number => value !== null)
    metrics[metric] = {
      current: metricOf(current, metric),
      previous: previous === null ? null : metricOf(previous, metric),
      average: mean(values),
    }
  }
  const countIn = (point: TrendPoint, name: string): number =>
    point.categories.find((category) => category.name === name)?.count ?? 0
  const withThreats = window.filter((point) => point.threats !== null)
  const categories = current.categories.map((category) => ({
    name: category.name,
    current: category.count,
    previous: previous === null ? null : countIn(previous, category.name),
    // A report that recorded no count for a category it did read had none of it.
    average: mean(withThreats.map((point) => countIn(point, category.name))),
  }))
  return { windowReports: window.length, metrics, categories }
}
