/**
 * The report's Trends panel over a seeded history (index entries and an archived row read back from disk), from
 * the run's own path (`runTrends` → `buildTrendsView`) to the HTML section and the text lines. Every number below
 * is worked out by hand from the seed: the previous report, the change, the four-week average, the top categories,
 * and the words each chart's `<desc>` reads.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { render, within } from '@testing-library/react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TrendPoint } from '../../../src/core/analysis/changes/trends.js'
import { silentLogger } from '../../../src/core/logger.js'
import { runTrends } from '../../../src/core/pipeline/trends.js'
import { TrendsSection } from '../../../src/core/report/html/trends.js'
import type { TrendsView } from '../../../src/core/report/model.js'
import { HISTORY_ARCHIVE_FILE, readHistoryArchive } from '../../../src/core/report/files/history-archive.js'
import type { HistoryEntry } from '../../../src/core/report/files/history.js'
import { trendsLines } from '../../../src/core/report/text/sections.js'
import { buildTrendsView } from '../../../src/core/report/views/trends.js'
import { formatShortDateTime } from '../../../src/core/time.js'

const NOW = Date.UTC(2026, 11, 4, 12, 0)
const DAY = 86_400_000
const at = (daysAgo: number) => new Date(NOW - daysAgo * DAY).toISOString().replace('Z', '+00:00')
const label = (daysAgo: number) => formatShortDateTime(NOW - daysAgo * DAY, 'UTC')

function entry(
  daysAgo: number,
  n: { severe: number; medium: number; low: number; blocked: number; detected: number; score: number | null },
  categories: { name: string; count: number }[],
  over: Partial<HistoryEntry> = {},
): HistoryEntry {
  return {
    id: `e-${daysAgo}`,
    generatedAt: at(daysAgo),
    period: { since: at(daysAgo + 1), until: at(daysAgo) },
    ok: true,
    demo: false,
    findings: { severe: n.severe, medium: n.medium, low: n.low },
    threats: n.blocked + n.detected,
    unhealthyDevices: 0,
    unifi: { ok: true, site: 'default', error: null },
    integrations: [],
    files: { html: null, text: null },
    trend: { blocked: n.blocked, detected: n.detected, categories },
    ...(n.score === null ? {} : { posture: { site: 'default', score: n.score, grade: 'B', checks: [] } }),
    ...over,
  }
}

// Newest first, as the index keeps them. 29 days ago is just outside the four weeks but still drawn; the failed, demo and
// other site's reports count nowhere.
const INDEX: HistoryEntry[] = [
  entry(1, { severe: 2, medium: 4, low: 10, blocked: 20, detected: 11, score: 80 }, [
    { name: 'Network scan', count: 12 },
    { name: 'Malware', count: 2 },
  ]),
  entry(2, { severe: 50, medium: 50, low: 50, blocked: 50, detected: 50, score: 1 }, [], { demo: true }),
  entry(3, { severe: 40, medium: 40, low: 40, blocked: 40, detected: 40, score: 2 }, [], { ok: false }),
  entry(5, { severe: 30, medium: 30, low: 30, blocked: 30, detected: 30, score: 3 }, [], {
    unifi: { ok: true, site: 'branch', error: null },
    posture: { site: 'branch', score: 3, grade: 'F', checks: [] },
  }),
  entry(7, { severe: 0, medium: 6, low: 20, blocked: 10, detected: 0, score: 70 }, [
    { name: 'Network scan', count: 4 },
  ]),
  entry(29, { severe: 9, medium: 9, low: 9, blocked: 80, detected: 10, score: 10 }, [
    { name: 'Network scan', count: 50 },
  ]),
]
// Retention removed this report's files: only its numbers are left, in the archive; it had no posture score.
const ARCHIVED_ROW = [
  'default',
  false,
  at(27),
  4,
  2,
  0,
  20,
  15,
  5,
  null,
  [
    ['Network scan', 8],
    ['Malware', 4],
  ],
]

const CURRENT: TrendPoint = {
  at: at(0),
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

let dir: string
let view: TrendsView

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trends-panel-'))
  await writeFile(join(dir, HISTORY_ARCHIVE_FILE), JSON.stringify({ schemaVersion: 1, rows: [ARCHIVED_ROW] }))
  const archive = await readHistoryArchive(dir, silentLogger, NOW)
  expect(archive.points).toHaveLength(1)
  const run = runTrends(CURRENT, { entries: INDEX, archived: archive.points, site: 'default', demo: false })
  view = buildTrendsView(run.trends, run.points, 'UTC')
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const cells = (row: HTMLElement) => [...row.querySelectorAll('td, th')].map((cell) => cell.textContent ?? '')

describe("the report's Trends panel", () => {
  it('compares with the previous report and the average of the four weeks before, by hand', () => {
    render(<TrendsSection trends={view} />)
    // The four weeks before now hold the reports of 1, 7 and 27 (archived) days ago.
    expect(document.body).toHaveTextContent(
      'Compared with the previous report and with the average of 3 reports in the four weeks before this one.',
    )
    const table = document.querySelector('table')!
    expect([...table.querySelectorAll('tbody tr')].map((row) => cells(row as HTMLElement))).toEqual([
      ['Severe findings', '1', '2', '−1', '2'], // (2 + 0 + 4) / 3
      ['Medium findings', '3', '4', '−1', '4'], // (4 + 6 + 2) / 3
      ['Low findings', '12', '10', '+2', '10'], // (10 + 20 + 0) / 3
      ['Threat events', '40', '31', '+9', '20.3'], // (31 + 10 + 20) / 3 = 20.33…
      ['Threats blocked', '25', '20', '+5', '15'], // (20 + 10 + 15) / 3
      ['Threats detected (not blocked)', '15', '11', '+4', '5.3'], // (11 + 0 + 5) / 3 = 5.33…
      ['Posture score', '85', '80', '+5', '75'], // the archived report had no score: (80 + 70) / 2
    ])
    const categories = within(document.body).getByRole('table', { name: 'Top threat categories (events)' })
    expect([...categories.querySelectorAll('tbody tr')].map((row) => cells(row as HTMLElement))).toEqual([
      ['Network scan', '18', '12', '8'], // (12 + 4 + 8) / 3
      ['Malware', '2', '2', '2'], // (2 + 0 + 4) / 3: a report that read threats without malware counts 0
    ])
  })

  it('draws the last reports as inline SVG whose description reads the same numbers, without a script', () => {
    const html = renderToStaticMarkup(<TrendsSection trends={view} />)
    expect(html).not.toMatch(/<script|\son\w+=/i)
    render(<TrendsSection trends={view} />)
    const [d29, d27, d7, d1, now] = [label(29), label(27), label(7), label(1), label(0)]
    expect(view.reports).toBe(5)
    expect(within(document.body).getByRole('img', { name: /^Findings by severity/ })).toHaveAccessibleName(
      `Findings by severity ${d29}: 9 severe, 9 medium, 9 low; ${d27}: 4 severe, 2 medium, 0 low; ` +
        `${d7}: 0 severe, 6 medium, 20 low; ${d1}: 2 severe, 4 medium, 10 low; ${now}: 1 severe, 3 medium, 12 low`,
    )
    expect(document.getElementById('trend-threats-desc')).toHaveTextContent(
      `${d29}: 80 blocked, 10 detected; ${d27}: 15 blocked, 5 detected; ${d7}: 10 blocked, 0 detected; ` +
        `${d1}: 20 blocked, 11 detected; ${now}: 25 blocked, 15 detected`,
    )
    expect(document.getElementById('trend-score-desc')).toHaveTextContent(
      `${d29}: 10 score; ${d27}: not known score; ${d7}: 70 score; ${d1}: 80 score; ${now}: 85 score`,
    )
    // Every report a group of bars; a bar for each part above zero (the 27-day report drew no score bar).
    const svgs = document.querySelectorAll('svg[role="img"]')
    expect([...svgs].map((svg) => svg.querySelectorAll('g').length)).toEqual([5, 5, 5])
    expect([...svgs].map((svg) => svg.querySelectorAll('rect').length)).toEqual([13, 9, 4])
  })

  it('gives the text report the same numbers as the HTML table', () => {
    const text = trendsLines(view).join('\n')
    expect(text).toMatch(/Threat events +40 +31 +\+9 +20\.3/)
    expect(text).toMatch(/Threats detected \(not blocked\) +15 +11 +\+4 +5\.3/)
    expect(text).toMatch(/Posture score +85 +80 +\+5 +75/)
    expect(text).toMatch(/Network scan +18 +12 +8/)
    expect(text).toMatch(/Malware +2 +2 +2/)
  })
})
