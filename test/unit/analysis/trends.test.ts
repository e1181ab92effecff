/**
 * Trend numbers over a seeded history, against values worked out by hand: the previous report, the average of the
 * four weeks before this one (older reports, other sites, demo and incomplete reports left out), the top categories.
 */
import { describe, expect, it } from 'vitest'
import { siteTrends } from '../../../src/core/analysis/changes/trends.js'
import { siteTrendPoints, trendPointOf } from '../../../src/core/pipeline/trends.js'
import type { HistoryEntry } from '../../../src/core/report/files/history.js'

const NOW = Date.UTC(2026, 11, 4, 6, 0)
const DAY = 86_400_000

function entry(
  daysAgo: number,
  counts: {
    severe: number
    medium: number
    low: number
    threats: number
    blocked: number
    scans: number
    score: number | null
  },
  over: Partial<HistoryEntry> = {},
): HistoryEntry {
  const at = new Date(NOW - daysAgo * DAY).toISOString().replace('Z', '+00:00')
  return {
    id: `e-${daysAgo}`,
    generatedAt: at,
    period: { since: at, until: at },
    ok: true,
    demo: false,
    findings: { severe: counts.severe, medium: counts.medium, low: counts.low },
    threats: counts.threats,
    unhealthyDevices: 0,
    unifi: { ok: true, site: 'default', error: null },
    integrations: [],
    files: { html: null, text: null },
    pruned: true,
    trend: {
      blocked: counts.blocked,
      detected: counts.threats - counts.blocked,
      categories: [{ name: 'Network scan', count: counts.scans }],
    },
    ...(counts.score === null ? {} : { posture: { site: 'default', score: counts.score, grade: 'B', checks: [] } }),
    ...over,
  }
}

// Newest first, as the index keeps them.
const history: HistoryEntry[] = [
  entry(1, { severe: 2, medium: 4, low: 10, threats: 30, blocked: 20, scans: 12, score: 80 }),
  entry(3, { severe: 9, medium: 9, low: 9, threats: 99, blocked: 0, scans: 99, score: 10 }, { ok: false }),
  entry(7, { severe: 0, medium: 6, low: 20, threats: 10, blocked: 10, scans: 4, score: 70 }),
  entry(8, { severe: 5, medium: 5, low: 5, threats: 5, blocked: 5, scans: 5, score: 50 }, { demo: true }),
  entry(20, { severe: 4, medium: 2, low: 0, threats: 20, blocked: 15, scans: 8, score: null }),
  entry(
    27,
    { severe: 7, medium: 7, low: 7, threats: 7, blocked: 7, scans: 7, score: 7 },
    {
      unifi: { ok: true, site: 'branch', error: null },
      posture: { site: 'branch', score: 7, grade: 'F', checks: [] },
    },
  ),
  entry(35, { severe: 50, medium: 50, low: 50, threats: 500, blocked: 500, scans: 500, score: 0 }),
]

describe('trends over a seeded history', () => {
  const points = siteTrendPoints(history, 'default', false)

  it('keeps only the complete real reports of the site, oldest first', () => {
    expect(points.map((point) => Math.round((NOW - point.atMs) / DAY))).toEqual([35, 20, 7, 1])
    expect(trendPointOf({ ...history[0]!, recovered: true })).toBeNull()
  })

  it('compares this report with the previous one and the four-week average, by hand', () => {
    const current = {
      ...points.at(-1)!,
      at: 'now',
      atMs: NOW,
      severe: 1,
      medium: 3,
      low: 12,
      threats: 40,
      blocked: 25,
      detected: 15,
      score: 85,
      categories: [
        { name: 'Network scan', count: 18 },
        { name: 'Malware', count: 2 },
      ],
    }
    const trends = siteTrends(current, points)
    // The four weeks before now: the reports of 1, 7 and 20 days ago (35 days is too old).
    expect(trends.windowReports).toBe(3)
    expect(trends.metrics.severe).toEqual({ current: 1, previous: 2, average: 2 }) // (2 + 0 + 4) / 3
    expect(trends.metrics.medium).toEqual({ current: 3, previous: 4, average: 4 }) // (4 + 6 + 2) / 3
    expect(trends.metrics.low).toEqual({ current: 12, previous: 10, average: 10 }) // (10 + 20 + 0) / 3
    expect(trends.metrics.total).toEqual({ current: 16, previous: 16, average: 16 }) // (16 + 26 + 6) / 3
    expect(trends.metrics.threats).toEqual({ current: 40, previous: 30, average: 20 }) // (30 + 10 + 20) / 3
    expect(trends.metrics.blocked).toEqual({ current: 25, previous: 20, average: 15 }) // (20 + 10 + 15) / 3
    expect(trends.metrics.detected).toEqual({ current: 15, previous: 10, average: 5 }) // (10 + 0 + 5) / 3
    // The report of 20 days ago had no score: the average is over the two that did, (80 + 70) / 2.
    expect(trends.metrics.score).toEqual({ current: 85, previous: 80, average: 75 })
    expect(trends.categories).toEqual([
      { name: 'Network scan', current: 18, previous: 12, average: 8 }, // (12 + 4 + 8) / 3
      { name: 'Malware', current: 2, previous: 0, average: 0 },
    ])
  })

  it('rounds the average to one decimal and has no previous on the first report', () => {
    const two = [points[2]!, points[3]!]
    const current = { ...points[3]!, atMs: NOW, severe: 0 }
    expect(siteTrends(current, [two[0]!]).metrics.medium).toEqual({ current: 4, previous: 6, average: 6 })
    const lone = siteTrends(current, [])
    expect(lone.metrics.severe).toEqual({ current: 0, previous: null, average: null })
    expect(lone.categories[0]?.previous).toBeNull()
    const third = siteTrends({ ...current, atMs: NOW }, [points[1]!, points[2]!, { ...points[3]!, low: 11 }])
    expect(third.metrics.low.average).toBe(10.3) // (0 + 20 + 11) / 3 = 10.33…
  })
})
