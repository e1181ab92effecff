/**
 * The Reports list marks what changed per report: the bridge double answers `listReports` through main's own
 * `ReportHistoryService` over a seeded `history.json` (with the report files on disk), so each line comes from the
 * history entry's `changes` as main maps it, and a "reports:changed" push redraws the marks.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { render, screen, within } from '@testing-library/react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/core/logger.js'
import { HISTORY_FILE, historyFileSchema, type HistoryEntry } from '../../../src/core/report/files/history.js'
import { ReportHistoryService } from '../../../src/main/reports/report-history.js'
import { ReportsScreen } from '../../../src/renderer/src/features/reports/reports-screen.js'
import { ok } from '../../../src/shared/result.js'
import { createMockBridge, makeStatus } from './mock-bridge.js'

const NOW = Date.UTC(2026, 11, 4, 12, 0)
const HOUR = 3_600_000

let dir: string
let service: ReportHistoryService

function entry(id: string, hoursAgo: number, changes: HistoryEntry['changes']): HistoryEntry {
  const at = new Date(NOW - hoursAgo * HOUR).toISOString().replace('Z', '+00:00')
  return {
    id,
    generatedAt: at,
    period: { since: at, until: at },
    ok: true,
    demo: false,
    findings: { severe: 1, medium: 2, low: 3 },
    threats: 4,
    unhealthyDevices: 0,
    unifi: { ok: true, site: 'default', error: null },
    integrations: [],
    files: { html: join(dir, `unifi-report-${id}.html`), text: null },
    ...(changes ? { changes } : {}),
  }
}

const changes = (over: Partial<NonNullable<HistoryEntry['changes']>>) => ({
  baseline: false,
  previous: '2026-12-01T00:00:00+00:00',
  new: 0,
  resolved: 0,
  recurring: 0,
  newClients: 0,
  findings: [],
  ...over,
})

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'history-marks-'))
  const entries = [
    entry('four', 1, changes({ new: 0, resolved: 0, recurring: 5, newClients: 2 })),
    entry('three', 7, changes({ new: 3, resolved: 2, recurring: 4, newClients: 1 })),
    entry('two', 13, changes({ baseline: true, previous: null })),
    // Written before the comparison existed: nothing to say about it.
    entry('one', 19, undefined),
  ]
  for (const item of entries) await writeFile(item.files.html!, '<html></html>')
  await writeFile(join(dir, HISTORY_FILE), JSON.stringify(historyFileSchema.parse({ schemaVersion: 1, entries })))
  service = new ReportHistoryService({
    dataDir: dir,
    reportsDir: () => dir,
    opener: { openPath: () => Promise.resolve(''), showItemInFolder: () => undefined },
    logger: silentLogger,
    now: () => NOW,
  })
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('Reports list: what changed per report', () => {
  it('marks each report with its new and resolved findings and new clients, or as the baseline', async () => {
    const { api, push } = createMockBridge()
    api.listReports.mockImplementation(async () => ok(await service.list()))
    render(<ReportsScreen api={api} status={makeStatus({ state: 'idle', headline: 'Ready' })} />)

    expect(await screen.findByTestId('report-changes-four')).toHaveTextContent(
      /^0 new, 0 resolved since the previous report · 2 new clients$/,
    )
    expect(screen.getByTestId('report-changes-three')).toHaveTextContent(
      /^3 new, 2 resolved since the previous report · 1 new client$/,
    )
    expect(screen.getByTestId('report-changes-two')).toHaveTextContent(/^Baseline: the first report of this site$/)
    expect(within(screen.getByTestId('report-one')).queryByTestId('report-changes-one')).toBeNull()
    // Newest first, as the history keeps them.
    const rows = screen.getByTestId('report-list').querySelectorAll(':scope > li')
    expect([...rows].map((item) => item.getAttribute('data-testid'))).toEqual([
      'report-four',
      'report-three',
      'report-two',
      'report-one',
    ])

    // A new report arrives: its marks come with the pushed list.
    const [newest] = (await service.list()).entries
    push('reports:changed', {
      entries: [
        { ...newest!, id: 'five', changes: { baseline: false, new: 1, resolved: 4, newClients: 0 } },
        ...(await service.list()).entries,
      ],
      warning: null,
    })
    expect(await screen.findByTestId('report-changes-five')).toHaveTextContent(
      /^1 new, 4 resolved since the previous report$/,
    )
  })
})
