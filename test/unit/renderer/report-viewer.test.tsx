import { fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ReportsScreen } from '../../../src/renderer/src/features/reports/reports-screen.js'
import type { ReportHistoryEntry } from '../../../src/shared/ipc/payloads.js'
import { fail, ok } from '../../../src/shared/result.js'
import { createMockBridge } from './mock-bridge.js'

function entry(id: string, formats: Array<'html' | 'text'> = ['html', 'text']): ReportHistoryEntry {
  return {
    id,
    generatedAt: '2026-12-01T07:00:00.000Z',
    period: { since: '2026-11-30T07:00:00.000Z', until: '2026-12-01T07:00:00.000Z' },
    ok: true,
    demo: false,
    findings: { severe: 1, medium: 2, low: 0 },
    threats: 3,
    unhealthyDevices: 0,
    unifi: { ok: true, site: 'default', error: null },
    integrations: [],
    formats,
  }
}

function screenWith(entries: ReportHistoryEntry[]) {
  const { api } = createMockBridge()
  api.listReports.mockResolvedValue(ok({ entries, warning: null }))
  render(<ReportsScreen api={api} status={null} />)
  return api
}

describe('the in-app report viewer', () => {
  it('shows the HTML of the report asked for in a frame with no sandbox allowances, beside "Open in browser"', async () => {
    const api = screenWith([entry('r1'), entry('r2')])
    api.viewReport.mockResolvedValue(
      ok({ id: 'r2', format: 'html', content: '<h1>Second</h1>', generatedAt: '2026-12-01T07:00:00.000Z', demo: true }),
    )
    const row = await screen.findByTestId('report-r2')
    fireEvent.click(within(row).getByRole('button', { name: 'View' }))
    const viewer = await screen.findByTestId('report-viewer')
    expect(api.viewReport).toHaveBeenCalledWith({ id: 'r2' })
    const frame = viewer.querySelector('iframe')
    expect(frame?.getAttribute('sandbox')).toBe('')
    expect(frame?.getAttribute('srcdoc')).toBe('<h1>Second</h1>')
    expect(within(viewer).getByRole('heading', { level: 2 })).toHaveTextContent('(demo data)')

    fireEvent.click(within(viewer).getByRole('button', { name: 'Open in browser' }))
    expect(api.openReport).toHaveBeenCalledWith({ id: 'r2' })
    fireEvent.click(within(viewer).getByRole('button', { name: 'Close' }))
    expect(screen.queryByTestId('report-viewer')).toBeNull()
  })

  it('shows a text report as text, never as markup', async () => {
    const api = screenWith([entry('t1', ['text'])])
    api.viewReport.mockResolvedValue(
      ok({
        id: 't1',
        format: 'text',
        content: '<b>not bold</b>',
        generatedAt: '2026-12-01T07:00:00.000Z',
        demo: false,
      }),
    )
    fireEvent.click(within(await screen.findByTestId('report-t1')).getByRole('button', { name: 'View' }))
    const viewer = await screen.findByTestId('report-viewer')
    expect(viewer.querySelector('iframe')).toBeNull()
    expect(viewer.querySelector('pre')?.textContent).toBe('<b>not bold</b>')
    expect(viewer.querySelector('b')).toBeNull()
    fireEvent.keyDown(viewer, { key: 'Escape' })
    expect(screen.queryByTestId('report-viewer')).toBeNull()
  })

  it('says why a report cannot be shown, and offers nothing to view without files', async () => {
    const api = screenWith([entry('big'), entry('gone', [])])
    api.viewReport.mockResolvedValue(
      fail({
        code: 'REPORT_TOO_LARGE',
        kind: 'config',
        message: 'That report is larger than 16 MB, too large for the app\'s viewer; use "Open in browser".',
      }),
    )
    expect(within(await screen.findByTestId('report-gone')).getByRole('button', { name: 'View' })).toBeDisabled()
    fireEvent.click(within(screen.getByTestId('report-big')).getByRole('button', { name: 'View' }))
    expect(await screen.findByTestId('reports-error')).toHaveTextContent('too large for the app')
    expect(screen.queryByTestId('report-viewer')).toBeNull()
  })
})
