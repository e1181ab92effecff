/**
 * History at scale: 5,000 history entries over four sites (two years of reports, most of them pruned by retention,
 * the newest of each site with its per-finding list and posture snapshot). Measures what the app and a run do with
 * it: listing (read and validate the index, keep what can be opened), the trends of one site over 90 days, and the
 * comparison with the previous report of a site (find it, compare 200 findings). Target: each under 100 ms.
 * Building and writing the index is set-up and not timed.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { compareFindings } from '../core/analysis/changes/compare.js'
import type { TrackedFinding } from '../core/analysis/changes/identity.js'
import { siteTrends } from '../core/analysis/changes/trends.js'
import { createMemoryLogger } from '../core/logger.js'
import { previousOfSite } from '../core/pipeline/site-history.js'
import { siteTrendPoints } from '../core/pipeline/trends.js'
import { HISTORY_ARCHIVE_FILE, readHistoryArchive } from '../core/report/files/history-archive.js'
import {
  appendHistory,
  historyFileSchema,
  readHistory,
  updateHistory,
  type HistoryEntry,
} from '../core/report/files/history.js'

const ENTRIES = 5000
const SITES = ['default', 'branch', 'warehouse', 'shop']
const NOW = Date.UTC(2026, 11, 4, 6, 0)
const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000
const RUNS = 7

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00:00')
}

function finding(index: number): TrackedFinding {
  return {
    key: `rule_${index % 40}:aa:bb:cc:00:${(index % 256).toString(16).padStart(2, '0')}`,
    source: 'events',
    severity: 'medium',
    title: `[Security] Finding number ${index} on a device`,
  }
}

function entry(index: number, dir: string): HistoryEntry {
  const site = SITES[index % SITES.length]!
  // Four sites, a report every ~3.5 h each: 5,000 entries are about two years.
  const atMs = NOW - index * 3.5 * HOUR_MS
  const at = iso(atMs)
  const newest = index < SITES.length
  const pruned = atMs < NOW - 30 * DAY_MS
  return {
    id: `entry-${index}`,
    generatedAt: at,
    period: { since: iso(atMs - 6 * HOUR_MS), until: at },
    ok: index % 23 !== 0,
    demo: false,
    findings: { severe: index % 5, medium: index % 11, low: 20 + (index % 17) },
    threats: 100 + (index % 50),
    unhealthyDevices: index % 3,
    unifi: { ok: true, site, error: null },
    incomplete: null,
    integrations: [{ id: 'cloudflare', status: 'ok', message: null }],
    files: pruned
      ? { html: null, text: null }
      : { html: join(dir, `unifi-report-${index}.html`), text: join(dir, `unifi-report-${index}.txt`) },
    ...(pruned ? { pruned: true } : {}),
    posture: {
      site,
      score: 60 + (index % 40),
      grade: 'C',
      checks: Array.from({ length: 30 }, (_, check) => ({
        id: `CHECK-${check}`,
        status: check % 4 === 0 ? ('gap' as const) : ('ok' as const),
        severity: 'medium' as const,
        title: `Check number ${check}`,
        evidence: pruned ? [] : [`Evidence line for check ${check}`, 'Second line of evidence'],
      })),
    },
    changes: {
      baseline: false,
      previous: iso(atMs - 3.5 * HOUR_MS * SITES.length),
      new: index % 4,
      resolved: index % 3,
      recurring: 30,
      newClients: index % 2,
      findings: newest
        ? Array.from({ length: 200 }, (_, f) => ({ ...finding(f), firstSeen: at, streak: 1 + (f % 9) }))
        : [],
    },
    trend: {
      blocked: 80 + (index % 40),
      detected: 20 + (index % 10),
      categories: [
        { name: 'Network scan', count: 40 + (index % 7) },
        { name: 'Malware / Trojan activity', count: 10 + (index % 5) },
        { name: 'Exploit attempt', count: 5 + (index % 3) },
      ],
    },
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

async function timed(runs: number, task: () => unknown): Promise<number> {
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    await task()
    times.push(performance.now() - started)
  }
  return median(times)
}

export async function run(print: (line: string) => void): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'history-bench-'))
  try {
    const entries = Array.from({ length: ENTRIES }, (_, index) => entry(index, dir))
    // Every entry starts with its full details; the history's own update prunes and compacts them as it would.
    for (const item of entries)
      for (const path of [item.files.html, item.files.text]) if (path !== null) await writeFile(path, 'report')
    await writeFile(join(dir, 'history.json'), JSON.stringify({ schemaVersion: 1, entries }))
    const logger = createMemoryLogger()
    await updateHistory({ dataDir: dir, reportsDir: dir }, logger, NOW, (current) => current)
    const size = async (name: string) => `${((await stat(join(dir, name))).size / 1024 / 1024).toFixed(2)} MB`
    const index = (await readHistory(dir, logger, NOW)).entries.length
    const archived = (await readHistoryArchive(dir, logger, NOW)).points.length
    print(
      `  ${ENTRIES.toLocaleString('en-US')} reports: history.json ${index} entries (${await size('history.json')}), ` +
        `history-archive.json ${archived} rows (${await size(HISTORY_ARCHIVE_FILE)})`,
    )

    const listing = await timed(RUNS, async () => {
      const history = await readHistory({ dataDir: dir, reportsDir: dir }, logger, NOW)
      return history.entries.filter((item) => !item.pruned)
    })
    const raw = await readFile(join(dir, 'history.json'), 'utf8')
    const parse = await timed(RUNS, () => JSON.parse(raw) as unknown)
    const parsed = JSON.parse(raw) as unknown
    const validate = await timed(RUNS, () => historyFileSchema.parse(parsed))
    const { entries: read } = await readHistory({ dataDir: dir, reportsDir: dir }, logger, NOW)
    const trends = await timed(RUNS, async () => {
      const archive = await readHistoryArchive(dir, logger, NOW)
      const points = siteTrendPoints(read, 'default', false, NOW - 90 * DAY_MS, archive.points)
      const current = points.at(-1)!
      return siteTrends(current, points.slice(0, -1))
    })
    const current = Array.from({ length: 200 }, (_, f) => finding(f + 10))
    const comparison = await timed(RUNS, () => {
      const previous = previousOfSite(read, 'shop', false, (item) =>
        item.ok && item.changes ? { generatedAt: item.generatedAt, findings: item.changes.findings } : null,
      )
      return compareFindings(current, previous, iso(NOW), { events: true, devices: true, threats: true })
    })
    let added = 0
    const append = await timed(RUNS, async () => {
      added += 1
      const fresh = {
        ...entry(0, dir),
        id: `added-${added}`,
        files: { html: join(dir, 'unifi-report-0.html'), text: null },
      }
      return appendHistory({ dataDir: dir, reportsDir: dir }, fresh, logger, NOW)
    })
    const target = (ms: number) => (ms <= 100 ? 'within' : 'OVER')
    print(`  listing (read, validate, keep openable): ${listing.toFixed(1)} ms (${target(listing)} the 100 ms target)`)
    print(`    of which JSON.parse ${parse.toFixed(1)} ms, schema validation ${validate.toFixed(1)} ms`)
    print(
      `  trends of one site over 90 days (archive read included): ${trends.toFixed(1)} ms (${target(trends)} the 100 ms target)`,
    )
    print(
      `  comparison with the previous report:     ${comparison.toFixed(1)} ms (${target(comparison)} the 100 ms target)`,
    )
    print(`  adding a run's entry (read, prune, compact, write under the lock): ${append.toFixed(1)} ms`)
    print(`  (listing includes reading the file; the index stays in memory for trends and comparison, as in a run)`)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
