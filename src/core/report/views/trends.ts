/**
 * The trends panel: this report's numbers beside the previous report's and the average of the four weeks before
 * it (findings by severity, threats blocked and detected, the posture score, the top threat categories), and the
 * series the HTML report draws as small charts. Every chart has its numbers in the table beside it.
 */
import type { SiteTrends, TrendMetric, TrendPoint } from '../../analysis/changes/trends.js'
import { metricOf } from '../../analysis/changes/trends.js'
import { formatShortDateTime } from '../../time.js'
import type { TrendsView } from '../model.js'

const LABEL: Record<TrendMetric, string> = {
  severe: 'Severe findings',
  medium: 'Medium findings',
  low: 'Low findings',
  total: 'All findings',
  threats: 'Threat events',
  blocked: 'Threats blocked',
  detected: 'Threats detected (not blocked)',
  score: 'Posture score',
}

const ROWS: readonly TrendMetric[] = ['severe', 'medium', 'low', 'threats', 'blocked', 'detected', 'score']

const number = (value: number | null): string => (value === null ? '–' : value.toLocaleString('en-US'))

function change(current: number | null, previous: number | null): string {
  if (current === null || previous === null) return '–'
  const delta = Math.round((current - previous) * 10) / 10
  return delta === 0
    ? 'same'
    : delta > 0
      ? `+${delta.toLocaleString('en-US')}`
      : `−${Math.abs(delta).toLocaleString('en-US')}`
}

export function buildTrendsView(trends: SiteTrends, points: readonly TrendPoint[], timeZone: string): TrendsView {
  const rows = ROWS.filter(
    (metric) => trends.metrics[metric].current !== null || trends.metrics[metric].previous !== null,
  ).map((metric) => {
    const { current, previous, average } = trends.metrics[metric]
    return {
      label: LABEL[metric],
      current: number(current),
      previous: number(previous),
      average: number(average),
      change: change(current, previous),
    }
  })
  const earlier = points.length - 1
  const series = (metrics: readonly TrendMetric[]) =>
    points.map((point) => ({
      label: formatShortDateTime(point.atMs, timeZone),
      values: metrics.map((metric) => metricOf(point, metric)),
    }))
  return {
    note:
      trends.metrics.total.previous === null
        ? 'No earlier complete report of this site to compare with yet: the trends start with this report.'
        : `Compared with the previous report and with the average of ${trends.windowReports} report${trends.windowReports === 1 ? '' : 's'} in the four weeks before this one.`,
    rows,
    categories: trends.categories.map((category) => ({
      name: category.name,
      current: number(category.current),
      previous: number(category.previous),
      average: number(category.average),
    })),
    charts: [
      {
        id: 'trend-findings',
        title: 'Findings by severity',
        legend: ['Severe', 'Medium', 'Low'],
        stacked: true,
        points: series(['severe', 'medium', 'low']),
      },
      {
        id: 'trend-threats',
        title: 'Threats blocked and detected',
        legend: ['Blocked', 'Detected'],
        stacked: true,
        points: series(['blocked', 'detected']),
      },
      { id: 'trend-score', title: 'Posture score', legend: ['Score'], stacked: false, points: series(['score']) },
    ].filter((chart) => chart.points.some((point) => point.values.some((value) => value !== null))),
    reports: earlier + 1,
  }
}
