/**
 * The Trends screen over a seeded history: the bridge double answers through main's own `readTrends` over a real
 * data folder (history index and archive on disk), so what the screen shows is what the app would show for that
 * history. Every expected number below is worked out by hand from the seed, not read back from the code.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/core/logger.js'
import { HISTORY_ARCHIVE_FILE } from '../../../src/core/report/files/history-archive.js'
import { HISTORY_FILE, historyFileSchema, type HistoryEntry } from '../../../src/core/report/files/history.js'
import { readTrends, type InsightShelf } from '../../../src/main/reports/insights.js'
import { TrendsScreen } from '../../../src/renderer/src/features/trends/trends-screen.js'
import { formatDateTime } from '../../../src/renderer/src/lib/format.js'
import type { Trends } from '../../../src/shared/ipc/insights.js'
import { fail, ok, type Result } from '../../../src/shared/result.js'
import { createMockBridge } from './mock-bridge.js'

const NOW = Date.UTC(2026, 11, 4, 12, 0)
const DAY = 86_400_000
const at = (daysAgo: number) => new Date(NOW - daysAgo * DAY).toISOString().replace('Z', '+00:00')

interface Numbers {
  severe: number
  medium: number
  low: number
  blocked: number | null
  detected: number | null
  score: number | null
}

function entry(daysAgo: number, n: Numbers, over: Partial<HistoryEntry> = {}, site = 'default'): HistoryEntry {
  const threats = n.blocked === null || n.detected === null ? null : n.blocked + n.detected
  return {
    id: `${site}-${daysAgo}`,
    generatedAt: at(daysAgo),
    period: { since: at(daysAgo + 1), until: at(daysAgo) },
    ok: true,
    demo: false,
    findings: { severe: n.severe, medium: n.medium, low: n.low },
    threats,
    unhealthyDevices: 0,
    unifi: { ok: true, site, error: null },
    integrations: [],
    files: { html: null, text: null },
    pruned: true,
    ...(n.blocked === null || n.detected === null
      ? {}
      : { trend: { blocked: n.blocked, detected: n.detected, categories: [] } }),
    ...(n.score === null ? {} : { posture: { site, score: n.score, grade: 'B', checks: [] } }),
    ...over,
  }
}

// The index, newest first. Left out everywhere: the failed run, the demo report and the relisted one.
const INDEX: HistoryEntry[] = [
  entry(2, { severe: 1, medium: 3, low: 5, blocked: 9, detected: 3, score: 82 }),
  entry(3, { severe: 6, medium: 0, low: 2, blocked: 1, detected: 1, score: 40 }, {}, 'branch'),
  entry(5, { severe: 2, medium: 1, low: 4, blocked: 7, detected: 0, score: 75 }),
  entry(6, { severe: 9, medium: 9, low: 9, blocked: 99, detected: 99, score: 1 }, { ok: false }),
  entry(8, { severe: 8, medium: 8, low: 8, blocked: 8, detected: 8, score: 8 }, { recovered: true }),
  // Threats could not be read and the posture was not scored: both unknown, not zero.
  entry(12, { severe: 0, medium: 2, low: 8, blocked: null, detected: null, score: null }),
  entry(25, { severe: 5, medium: 5, low: 5, blocked: 5, detected: 5, score: 50 }, { demo: true }),
]
// The archive (reports whose files retention removed): one inside 90 days, one older than any range.
const ARCHIVE = [
  ['default', false, at(45), 4, 0, 1, 3, 3, 0, 60, []],
  ['default', false, at(120), 7, 7, 7, 7, 7, 0, 7, []],
]

let dir: string
let shelves: InsightShelf[]

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trends-screen-'))
  shelves = [{ dataDir: dir, reportsDir: join(dir, 'reports'), demo: false }]
  // Parsed first, so a seed the schema would refuse fails here instead of silently reading as an empty history.
  const index = historyFileSchema.parse({ schemaVersion: 1, entries: INDEX })
  await writeFile(join(dir, HISTORY_FILE), JSON.stringify(index))
  await writeFile(join(dir, HISTORY_ARCHIVE_FILE), JSON.stringify({ schemaVersion: 1, rows: ARCHIVE }))
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** The bridge double answering `getTrends` through main's real reader over the seeded folder. */
function seededBridge() {
  const { api } = createMockBridge()
  api.getTrends.mockImplementation(async ({ days }) => ok(await readTrends(shelves, days, silentLogger, NOW)))
  return api
}

/** The table of one site as cell texts, row by row (newest first, as the screen lists them). */
function tableRows(site: HTMLElement): string[][] {
  const rows = within(site).getAllByRole('row').slice(1)
  return rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''))
}

const desc = (site: HTMLElement, chart: string) => site.querySelector(`[data-testid$="-${chart}"] desc`)?.textContent

describe('Trends screen', () => {
  it('shows the last 30 days by default: the complete reports of each site with their numbers', async () => {
    const api = seededBridge()
    render(<TrendsScreen api={api} />)
    const site = await screen.findByTestId('trends-real-default')
    expect(api.getTrends).toHaveBeenCalledTimes(1)
    expect(api.getTrends).toHaveBeenCalledWith({ days: 30 })
    expect(screen.getByRole('radio', { name: '30 days' })).toBeChecked()

    // 2, 5 and 12 days ago; the failed (6), relisted (8) and demo (25) reports are not trend points.
    expect(within(site).getByRole('heading', { level: 3 })).toHaveTextContent('Site default · 3 reports')
    expect(tableRows(site)).toEqual([
      [formatDateTime(at(2)), '1', '3', '5', '9', '3', '82'],
      [formatDateTime(at(5)), '2', '1', '4', '7', '0', '75'],
      [formatDateTime(at(12)), '0', '2', '8', '–', '–', '–'],
    ])
    const branch = screen.getByTestId('trends-real-branch')
    expect(within(branch).getByRole('heading', { level: 3 })).toHaveTextContent('Site branch · 1 report')
    expect(tableRows(branch)).toEqual([[formatDateTime(at(3)), '6', '0', '2', '1', '1', '40']])
  })

  it('gives every chart a text alternative with the same numbers as the table, oldest first', async () => {
    render(<TrendsScreen api={seededBridge()} />)
    const site = await screen.findByTestId('trends-real-default')
    const [d12, d5, d2] = [formatDateTime(at(12)), formatDateTime(at(5)), formatDateTime(at(2))]

    const findings = within(site).getByRole('img', { name: /^Findings by severity/ })
    expect(findings).toHaveAccessibleName(
      `Findings by severity ${d12}: 0 severe, 2 medium, 8 low; ${d5}: 2 severe, 1 medium, 4 low; ${d2}: 1 severe, 3 medium, 5 low`,
    )
    expect(desc(site, 'threats')).toBe(
      `${d12}: not known blocked, not known detected; ${d5}: 7 blocked, 0 detected; ${d2}: 9 blocked, 3 detected`,
    )
    expect(desc(site, 'score')).toBe(`${d12}: not known score; ${d5}: 75 score; ${d2}: 82 score`)

    // One bar group per report, and a bar only for a part above zero: 2 + 3 + 3 findings, 0 + 1 + 2 threats.
    const bars = (chart: string) => site.querySelectorAll(`[data-testid$="-${chart}"] svg rect`).length
    expect(site.querySelectorAll('[data-testid$="-findings"] svg g')).toHaveLength(3)
    expect(bars('findings')).toBe(8)
    expect(bars('threats')).toBe(3)
    expect(bars('score')).toBe(2)
  })

  it('scales the stacked bars to the busiest report, and the score to 100', async () => {
    render(<TrendsScreen api={seededBridge()} />)
    const site = await screen.findByTestId('trends-real-default')
    const heights = (chart: string) =>
      [...site.querySelectorAll(`[data-testid$="-${chart}"] svg g`)].map((group) => {
        const total = [...group.querySelectorAll('rect')].reduce((sum, r) => sum + Number(r.getAttribute('height')), 0)
        return Math.round(total * 100) / 100
      })
    // The chart is 96 high with 4 spare: the busiest report (12 days ago: 10 findings) fills 92, 7 of 10 fill 64.4.
    expect(heights('findings')).toEqual([92, 64.4, 82.8])
    // 7 of 12 threats: 53.67; the report without threat data draws nothing.
    expect(heights('threats')).toEqual([0, 53.67, 92])
    // Out of 100, not of the best score: 75 → 69, 82 → 75.44.
    expect(heights('score')).toEqual([0, 69, 75.44])
  })

  it('switching the range asks the bridge for that range and shows what it holds', async () => {
    const api = seededBridge()
    render(<TrendsScreen api={api} />)
    await screen.findByTestId('trends-real-default')

    fireEvent.click(screen.getByRole('radio', { name: '7 days' }))
    expect(api.getTrends).toHaveBeenLastCalledWith({ days: 7 })
    await waitFor(() =>
      expect(within(screen.getByTestId('trends-real-default')).getByRole('heading', { level: 3 })).toHaveTextContent(
        '2 reports',
      ),
    )
    expect(screen.getByRole('radio', { name: '7 days' })).toBeChecked()
    expect(tableRows(screen.getByTestId('trends-real-default')).map((row) => row[0])).toEqual([
      formatDateTime(at(2)),
      formatDateTime(at(5)),
    ])
    expect(screen.getByTestId('trends-real-branch')).toBeInTheDocument()

    // 90 days reaches the archived report of 45 days ago, but not the one of 120 days ago.
    fireEvent.click(screen.getByRole('radio', { name: '90 days' }))
    expect(api.getTrends).toHaveBeenLastCalledWith({ days: 90 })
    await waitFor(() =>
      expect(within(screen.getByTestId('trends-real-default')).getByRole('heading', { level: 3 })).toHaveTextContent(
        '4 reports',
      ),
    )
    const site = screen.getByTestId('trends-real-default')
    expect(tableRows(site).at(-1)).toEqual([formatDateTime(at(45)), '4', '0', '1', '3', '0', '60'])
    expect(desc(site, 'score')).toBe(
      `${formatDateTime(at(45))}: 60 score; ${formatDateTime(at(12))}: not known score; ` +
        `${formatDateTime(at(5))}: 75 score; ${formatDateTime(at(2))}: 82 score`,
    )
    expect(api.getTrends.mock.calls.map(([request]) => request.days)).toEqual([30, 7, 90])
  })

  it('keeps the range last chosen when an earlier answer arrives late', async () => {
    const api = seededBridge()
    let releaseSeven: () => void = () => undefined
    api.getTrends.mockImplementation(async ({ days }) => {
      const answer = ok(await readTrends(shelves, days, silentLogger, NOW))
      if (days !== 7) return answer
      return new Promise<Result<Trends>>((resolve) => {
        releaseSeven = () => resolve(answer)
      })
    })
    render(<TrendsScreen api={api} />)
    await screen.findByTestId('trends-real-default')
    fireEvent.click(screen.getByRole('radio', { name: '7 days' }))
    fireEvent.click(screen.getByRole('radio', { name: '90 days' }))
    await waitFor(() => expect(screen.getByTestId('trends-real-default')).toHaveTextContent('4 reports'))
    await act(() => {
      releaseSeven()
      // One turn for the late answer to reach the screen's handler.
      return new Promise<void>((resolve) => setTimeout(resolve, 0))
    })
    expect(screen.getByTestId('trends-real-default')).toHaveTextContent('4 reports')
    expect(screen.getByRole('radio', { name: '90 days' })).toBeChecked()
  })

  it('says so when a range holds no complete report', async () => {
    const api = seededBridge()
    api.getTrends.mockImplementation(async ({ days }) =>
      ok(await readTrends(shelves, days, silentLogger, NOW + 30 * DAY)),
    )
    render(<TrendsScreen api={api} />)
    // A month later, the last 30 days hold nothing; 90 days still reach back to the seeded reports.
    expect(await screen.findByTestId('trends-empty')).toHaveTextContent('No complete report in the last 30 days.')
    fireEvent.click(screen.getByRole('radio', { name: '90 days' }))
    expect(await screen.findByTestId('trends-real-default')).toHaveTextContent('4 reports')
    expect(screen.queryByTestId('trends-empty')).toBeNull()
  })

  it("shows the bridge's error, and clears it once a range loads", async () => {
    const api = seededBridge()
    const message = 'The history index could not be read (EACCES).'
    api.getTrends.mockImplementationOnce(() => Promise.resolve(fail({ code: 'INTERNAL', kind: 'internal', message })))
    render(<TrendsScreen api={api} />)
    expect(await screen.findByRole('alert')).toHaveTextContent(message)
    expect(screen.queryByText('Loading trends…')).toBeNull()
    expect(screen.queryByTestId('trends-real-default')).toBeNull()

    fireEvent.click(screen.getByRole('radio', { name: '7 days' }))
    expect(await screen.findByTestId('trends-real-default')).toHaveTextContent('2 reports')
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('never leaves the numbers of another range under the one chosen when that range fails', async () => {
    const api = seededBridge()
    render(<TrendsScreen api={api} />)
    expect(await screen.findByTestId('trends-real-default')).toHaveTextContent('3 reports')
    const message = 'The history archive could not be read (EIO).'
    api.getTrends.mockImplementationOnce(() => Promise.resolve(fail({ code: 'INTERNAL', kind: 'internal', message })))
    fireEvent.click(screen.getByRole('radio', { name: '90 days' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(message)
    expect(screen.getByRole('radio', { name: '90 days' })).toBeChecked()
    // The 30-day charts would read as 90 days now: they go with the error.
    expect(screen.queryByTestId('trends-real-default')).toBeNull()
  })
})
