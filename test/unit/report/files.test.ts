import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src/core/logger.js'
import { AbortedError } from '../../../src/core/errors.js'
import { readHistoryArchive } from '../../../src/core/report/files/history-archive.js'
import { appendHistory, readHistory, type HistoryEntry } from '../../../src/core/report/files/history.js'
import { writeReportFiles } from '../../../src/core/report/files/report-files.js'
import { applyRetention } from '../../../src/core/report/files/retention.js'
import { readRunState, writeRunState } from '../../../src/core/report/files/run-state.js'

const T = Date.UTC(2026, 0, 24, 14, 30, 5)
let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'report-files-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('report files', () => {
  it('names files by the time in the report timezone and never overwrites an existing report', async () => {
    const write = () =>
      writeReportFiles({
        dir,
        generatedAtMs: T,
        timezone: 'America/New_York',
        content: { html: '<p>h</p>', text: 't' },
      })
    const first = await write()
    expect(first).toEqual({
      html: join(dir, 'unifi-report-2026-01-24-093005.html'),
      text: join(dir, 'unifi-report-2026-01-24-093005.txt'),
    })
    const second = await write()
    expect(second.html).toBe(join(dir, 'unifi-report-2026-01-24-093005-2.html'))
    expect(second.text).toBe(join(dir, 'unifi-report-2026-01-24-093005-2.txt'))
    // A name taken in only one format still moves both formats on, so a run's pair shares one name.
    await writeFile(join(dir, 'unifi-report-2026-01-24-093005-3.txt'), 'someone else')
    const third = await write()
    expect(third.html).toBe(join(dir, 'unifi-report-2026-01-24-093005-4.html'))
    expect(await readFile(join(dir, 'unifi-report-2026-01-24-093005-3.txt'), 'utf8')).toBe('someone else')
    expect(await readFile(first.html!, 'utf8')).toBe('<p>h</p>')
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('writes only the chosen format', async () => {
    const written = await writeReportFiles({
      dir,
      generatedAtMs: T,
      timezone: 'UTC',
      content: { html: null, text: 'only text' },
    })
    expect(written.html).toBeNull()
    expect(await readdir(dir)).toEqual(['unifi-report-2026-01-24-143005.txt'])
  })

  it('leaves no file at all when cancelled before the files are committed', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(
      writeReportFiles({
        dir,
        generatedAtMs: T,
        timezone: 'UTC',
        content: { html: 'h', text: 't' },
        signal: controller.signal,
      }),
    ).rejects.toBeInstanceOf(AbortedError)
    expect(await readdir(dir)).toEqual([])
  })
})

describe('retention', () => {
  it('deletes only our own reports older than the retention period, judged by the name', async () => {
    const names = [
      'unifi-report-2025-12-01-080000.html', // old, ours
      'unifi-report-2025-12-01-080000-2.txt', // old, ours
      'unifi-report-2026-01-20-080000.html', // recent, ours
      'unifi-report-2025-01-01-000000.html.bak', // not our exact name
      'unifi-report-notes.txt',
      'my-unifi-report-2025-01-01-000000.html',
      'holiday.jpg',
    ]
    for (const name of names) await writeFile(join(dir, name), 'x')
    const logger = createMemoryLogger()
    const deleted = await applyRetention({ dir, retentionDays: 30, nowMs: T, timezone: 'UTC', logger })
    expect(deleted.sort()).toEqual([join(dir, names[0]!), join(dir, names[1]!)].sort())
    expect((await readdir(dir)).sort()).toEqual(names.slice(2).sort())
  })

  it('keeps everything when retention is 0', async () => {
    await writeFile(join(dir, 'unifi-report-2000-01-01-000000.html'), 'x')
    expect(
      await applyRetention({ dir, retentionDays: 0, nowMs: T, timezone: 'UTC', logger: createMemoryLogger() }),
    ).toEqual([])
    expect(await readdir(dir)).toHaveLength(1)
  })

  it('removes temp files a crashed run left behind once they are a day old', async () => {
    const stale = '.unifi-report-2026-01-22-080000.html.4242.0a1b2c3d.tmp'
    const fresh = '.unifi-report-2026-01-24-140000.txt.4242.0a1b2c3d.tmp'
    const foreign = '.unifi-report-2026-01-01-080000.html.swp'
    for (const name of [stale, fresh, foreign]) await writeFile(join(dir, name), 'x')
    const deleted = await applyRetention({
      dir,
      retentionDays: 0,
      nowMs: T,
      timezone: 'UTC',
      logger: createMemoryLogger(),
    })
    expect(deleted).toEqual([join(dir, stale)])
    expect((await readdir(dir)).sort()).toEqual([foreign, fresh].sort())
  })
})

describe('run state', () => {
  it('round-trips the last successful run with its timezone offset', async () => {
    await writeRunState(dir, { lastSuccessMs: T, timezone: 'America/New_York', reportCount: 3 })
    const raw = JSON.parse(await readFile(join(dir, 'state.json'), 'utf8')) as Record<string, unknown>
    expect(raw.lastSuccessfulRun).toBe('2026-01-24T09:30:05-05:00')
    expect(await readRunState(dir, createMemoryLogger(), T)).toEqual({
      lastSuccessMs: T,
      warning: null,
      lastIncomplete: null,
    })
  })

  it('keeps the checkpoint and records an incomplete run, which reads back for the next run', async () => {
    await writeRunState(dir, {
      lastSuccessMs: null,
      timezone: 'UTC',
      reportCount: 0,
      lastIncomplete: { atMs: T, sources: ['security threats'] },
    })
    const raw = JSON.parse(await readFile(join(dir, 'state.json'), 'utf8')) as Record<string, unknown>
    expect(raw.lastSuccessfulRun).toBeUndefined()
    expect(await readRunState(dir, createMemoryLogger(), T)).toEqual({
      lastSuccessMs: null,
      warning: null,
      lastIncomplete: { atMs: T, sources: ['security threats'] },
    })
  })

  it('treats a missing file as a first run without a warning', async () => {
    expect(await readRunState(dir, createMemoryLogger(), T)).toEqual({
      lastSuccessMs: null,
      warning: null,
      lastIncomplete: null,
    })
  })

  it.each([
    ['a naive timestamp', JSON.stringify({ schemaVersion: 1, lastSuccessfulRun: '2026-01-24T14:30:00' })],
    ['broken JSON', '{"schemaVersion": 1, "lastSucc'],
    ['a wrong shape', '[1,2,3]'],
  ])('backs up %s and treats the run as a first run with a warning', async (_label, content) => {
    await writeFile(join(dir, 'state.json'), content)
    const logger = createMemoryLogger()
    const state = await readRunState(dir, logger, T)
    expect(state.lastSuccessMs).toBeNull()
    expect(state.warning).toMatch(/run state .* was unreadable .* treated as a first run/)
    expect(await readFile(join(dir, `state.json.corrupt-${T}`), 'utf8')).toBe(content)
    expect(logger.records.some((record) => record.level === 'warn' && record.message === 'run_state_corrupt')).toBe(
      true,
    )
  })
})

function entry(id: string, files: HistoryEntry['files']): HistoryEntry {
  return {
    id,
    generatedAt: '2026-01-24T09:30:05-05:00',
    period: { since: '2026-01-23T09:30:05-05:00', until: '2026-01-24T09:30:05-05:00' },
    ok: true,
    demo: false,
    findings: { severe: 1, medium: 2, low: 3 },
    threats: 4,
    unhealthyDevices: 1,
    unifi: { ok: true, site: 'default', error: null },
    integrations: [{ id: 'cloudflare', status: 'ok', message: null }],
    files,
  }
}

describe('history index', () => {
  it('lists reports newest first and moves an entry whose files are gone to the archive, numbers kept', async () => {
    const logger = createMemoryLogger()
    const kept = join(dir, 'a.html')
    await writeFile(kept, 'x')
    await appendHistory(dir, entry('one', { html: kept, text: null }), logger, T)
    await appendHistory(dir, entry('gone', { html: join(dir, 'deleted.html'), text: null }), logger, T)
    const history = await appendHistory(dir, entry('three', { html: kept, text: null }), logger, T)
    expect(history.entries.map((item) => item.id)).toEqual(['three', 'one'])
    expect((await readHistory(dir, logger, T)).entries.map((item) => item.id)).toEqual(['three', 'one'])
    const archive = await readHistoryArchive(dir, logger, T)
    expect(archive.points).toEqual([
      expect.objectContaining({
        site: 'default',
        demo: false,
        at: entry('gone', { html: null, text: null }).generatedAt,
        severe: 1,
        medium: 2,
        low: 3,
        threats: 4,
      }),
    ])
  })

  it('keeps a pruned entry in the index while it is what the next comparison reads, without its file paths', async () => {
    const logger = createMemoryLogger()
    const changes = (key: string) => ({
      baseline: false,
      previous: null,
      new: 1,
      resolved: 0,
      recurring: 0,
      newClients: 0,
      findings: [{ key, source: 'devices' as const, severity: 'low' as const, title: key, firstSeen: 'x', streak: 1 }],
    })
    const withChanges = (id: string, key: string) => ({
      ...entry(id, { html: join(dir, `${id}.html`), text: null }),
      changes: changes(key),
    })
    await appendHistory(dir, withChanges('old', 'a'), logger, T)
    await appendHistory(dir, withChanges('newest', 'b'), logger, T)
    // Both files are missing: the newest keeps what the next comparison needs, the older one goes to the archive.
    const history = await appendHistory(dir, entry('other', { html: null, text: null }), logger, T)
    expect(history.entries.map((item) => item.id)).toEqual(['other', 'newest'])
    expect(history.entries[1]).toMatchObject({ pruned: true, files: { html: null, text: null } })
    expect(history.entries[1]?.changes?.findings.map((f) => f.key)).toEqual(['b'])
    expect((await readHistoryArchive(dir, logger, T)).points).toHaveLength(1)
  })

  it('backs up a corrupt index, warns, and starts a fresh one when nothing in it can be read', async () => {
    await writeFile(join(dir, 'history.json'), 'not json at all')
    const logger = createMemoryLogger()
    const history = await appendHistory(dir, entry('new', { html: null, text: join(dir, 'x.txt') }), logger, T)
    expect(history.warning).toMatch(/history index .* was damaged/)
    expect(history.entries.map((item) => item.id)).toEqual(['new'])
    expect(await readFile(join(dir, `history.json.corrupt-${T}`), 'utf8')).toBe('not json at all')
    expect((await readHistory(dir, logger, T)).warning).toBeNull()
  })

  it('keeps every readable entry of a cut-off or partly invalid index and relists the reports folder', async () => {
    const logger = createMemoryLogger()
    const reports = join(dir, 'reports')
    await mkdir(reports, { recursive: true })
    const files = ['unifi-report-2026-01-20-101500.txt', 'unifi-report-2026-01-21-101500.txt']
    for (const name of files) await writeFile(join(reports, name), 'report')
    const orphan = 'unifi-report-2026-01-22-101500.html'
    await writeFile(join(reports, orphan), '<html></html>')
    const good = [
      entry('a', { html: null, text: join(reports, files[0]!) }),
      entry('b', { html: null, text: join(reports, files[1]!) }),
    ]
    const text = JSON.stringify({ schemaVersion: 1, entries: [...good, { id: 'broken', ok: 'no' }] }, null, 2)
    await writeFile(join(dir, 'history.json'), text.slice(0, text.lastIndexOf('}') - 3))
    const history = await readHistory({ dataDir: dir, reportsDir: reports }, logger, T)
    expect(history.warning).toMatch(/was damaged .* every entry that could still be read was kept/)
    expect(history.entries.map((item) => item.id).sort()).toEqual([
      'a',
      'b',
      `recovered-${orphan.replace('.html', '')}`,
    ])
    // Repaired on disk, with the damaged copy beside it.
    expect((await readHistory(dir, logger, T)).entries).toHaveLength(3)
    expect(await readFile(join(dir, `history.json.corrupt-${T}`), 'utf8')).toContain('"broken"')
  })
})
