import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync, existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src/core/logger.js'
import type { HistoryEntry } from '../../../src/core/report/files/history.js'
import { ReportHistoryService } from '../../../src/main/reports/report-history.js'
import { reportPathInside } from '../../../src/main/reports/report-paths.js'
import { REPORT_VIEW_MAX_CHARS } from '../../../src/shared/ipc/payloads.js'

let root = ''
let reports = ''
let outside = ''
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-history-'))
  reports = path.join(root, 'reports')
  outside = path.join(root, 'elsewhere')
  mkdirSync(reports)
  mkdirSync(outside)
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

function entry(id: string, html: string | null, text: string | null): HistoryEntry {
  return {
    id,
    generatedAt: '2026-11-28T10:00:00.000Z',
    period: { since: '2026-11-27T10:00:00.000Z', until: '2026-11-28T10:00:00.000Z' },
    ok: true,
    demo: false,
    findings: { severe: 3, medium: 1, low: 0 },
    threats: 4,
    unhealthyDevices: 0,
    unifi: { ok: true, site: 'default', error: null },
    integrations: [{ id: 'cloudflare', status: 'ok', message: null }],
    files: { html, text },
  }
}

function service(entries: HistoryEntry[]) {
  writeFileSync(path.join(root, 'history.json'), JSON.stringify({ schemaVersion: 1, entries }))
  const opened: string[] = []
  const revealed: string[] = []
  const history = new ReportHistoryService({
    dataDir: root,
    reportsDir: () => reports,
    opener: {
      openPath: (file) => {
        opened.push(file)
        return Promise.resolve('')
      },
      showItemInFolder: (file) => revealed.push(file),
    },
    logger: createMemoryLogger(),
    now: () => 0,
  })
  return { history, opened, revealed }
}

describe('report path validation', () => {
  it('accepts a file inside the reports folder and refuses one outside, via .. or a symlink', async () => {
    const inside = path.join(reports, 'a.html')
    writeFileSync(inside, 'x')
    writeFileSync(path.join(outside, 'evil.html'), 'x')
    symlinkSync(path.join(outside, 'evil.html'), path.join(reports, 'link.html'))
    await expect(reportPathInside(reports, inside)).resolves.toBe(inside)
    await expect(reportPathInside(reports, path.join(outside, 'evil.html'))).rejects.toMatchObject({
      code: 'REPORT_OUTSIDE_FOLDER',
    })
    await expect(reportPathInside(reports, path.join(reports, '..', 'elsewhere', 'evil.html'))).rejects.toMatchObject({
      code: 'REPORT_OUTSIDE_FOLDER',
    })
    await expect(reportPathInside(reports, path.join(reports, 'link.html'))).rejects.toMatchObject({
      code: 'REPORT_OUTSIDE_FOLDER',
    })
    await expect(reportPathInside(reports, reports)).rejects.toMatchObject({ code: 'REPORT_OUTSIDE_FOLDER' })
    await expect(reportPathInside(reports, path.join(reports, 'gone.html'))).rejects.toMatchObject({
      code: 'REPORT_MISSING',
    })
  })
})

describe('report history service', () => {
  it('lists entries with the formats still on disk and no paths', async () => {
    writeFileSync(path.join(reports, 'r1.html'), 'x')
    const { history } = service([entry('r1', path.join(reports, 'r1.html'), path.join(reports, 'r1.txt'))])
    const list = await history.list()
    expect(list.entries).toHaveLength(1)
    expect(list.entries[0]).toMatchObject({ id: 'r1', formats: ['html'], findings: { severe: 3 } })
    expect(JSON.stringify(list)).not.toContain(reports)
  })

  it('opens and reveals only validated paths; a tampered entry is refused', async () => {
    writeFileSync(path.join(reports, 'r1.html'), 'x')
    writeFileSync(path.join(outside, 'evil.html'), 'x')
    const { history, opened, revealed } = service([
      entry('r1', path.join(reports, 'r1.html'), null),
      entry('evil', path.join(outside, 'evil.html'), null),
    ])
    await history.open('r1')
    await history.reveal('r1')
    expect(opened).toEqual([path.join(reports, 'r1.html')])
    expect(revealed).toEqual([path.join(reports, 'r1.html')])
    await expect(history.open('evil')).rejects.toMatchObject({ code: 'REPORT_OUTSIDE_FOLDER' })
    await expect(history.open('unknown')).rejects.toMatchObject({ code: 'REPORT_UNKNOWN' })
    expect(opened).toHaveLength(1)
  })

  it('deletes the files and the entry, but never a file outside the folder', async () => {
    writeFileSync(path.join(reports, 'r1.html'), 'x')
    writeFileSync(path.join(reports, 'r1.txt'), 'x')
    writeFileSync(path.join(outside, 'evil.html'), 'x')
    const { history } = service([
      entry('r1', path.join(reports, 'r1.html'), path.join(reports, 'r1.txt')),
      entry('evil', path.join(outside, 'evil.html'), null),
    ])
    const after = await history.remove('r1')
    expect(after.entries.map((e) => e.id)).toEqual(['evil'])
    expect(existsSync(path.join(reports, 'r1.html'))).toBe(false)
    expect(existsSync(path.join(reports, 'r1.txt'))).toBe(false)
    await expect(history.remove('evil')).rejects.toMatchObject({ code: 'REPORT_OUTSIDE_FOLDER' })
    expect(existsSync(path.join(outside, 'evil.html'))).toBe(true)
  })

  it('gives the viewer the HTML file, the text when the HTML is gone, and refuses what it must not show', async () => {
    writeFileSync(path.join(reports, 'r1.html'), '<h1>Report ünï</h1>')
    writeFileSync(path.join(reports, 'r1.txt'), 'text one')
    writeFileSync(path.join(reports, 'r2.txt'), 'text only')
    writeFileSync(path.join(outside, 'evil.html'), '<h1>elsewhere</h1>')
    writeFileSync(path.join(reports, 'big.html'), '')
    truncateSync(path.join(reports, 'big.html'), REPORT_VIEW_MAX_CHARS + 1)
    const { history, opened } = service([
      entry('r1', path.join(reports, 'r1.html'), path.join(reports, 'r1.txt')),
      entry('r2', path.join(reports, 'r2.html'), path.join(reports, 'r2.txt')),
      entry('evil', path.join(outside, 'evil.html'), null),
      entry('big', path.join(reports, 'big.html'), null),
      entry('none', null, null),
    ])
    await expect(history.view('r1')).resolves.toEqual({
      id: 'r1',
      format: 'html',
      content: '<h1>Report ünï</h1>',
      generatedAt: '2026-11-28T10:00:00.000Z',
      demo: false,
    })
    await expect(history.view('r2')).resolves.toMatchObject({ format: 'text', content: 'text only' })
    await expect(history.view('evil')).rejects.toMatchObject({ code: 'REPORT_OUTSIDE_FOLDER' })
    await expect(history.view('big')).rejects.toMatchObject({
      code: 'REPORT_TOO_LARGE',
      message: expect.stringContaining('Open in browser') as string,
    })
    await expect(history.view('none')).rejects.toMatchObject({ code: 'REPORT_MISSING' })
    await expect(history.view('unknown')).rejects.toMatchObject({ code: 'REPORT_UNKNOWN' })
    // Viewing never hands the file to the system.
    expect(opened).toEqual([])
  })
})
