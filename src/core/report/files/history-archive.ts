/**
 * `history-archive.json` in the data folder: the numbers of reports whose files are gone (retention, or deleted by
 * hand), one compact row each, for the trends. The history index moves a pruned entry here once nothing compares
 * with it any more, so the index the app lists stays as small as the reports folder, however many years of
 * reports the trends span. Written by the history's own update, under the history lock, atomically and 0600.
 */
import { join } from 'node:path'
import { z } from 'zod'
import type { TrendPoint } from '../../analysis/changes/trends.js'
import type { Logger } from '../../logger.js'
import { parseZonedIso } from '../../time.js'
import { writeFileAtomic } from './atomic-write.js'
import type { HistoryEntry } from './history.js'
import { readRecoverableJson } from './recoverable-json.js'

export const HISTORY_ARCHIVE_FILE = 'history-archive.json'
export const MAX_ARCHIVED = 50_000

const count = z.number().int().min(0)
const maybe = count.nullable()
/** [site, demo, generatedAt, severe, medium, low, threats, blocked, detected, score, [[category, events]…]] */
const rowSchema = z.tuple([
  z.string(),
  z.boolean(),
  z.string(),
  count,
  count,
  count,
  maybe,
  maybe,
  maybe,
  z.number().int().min(0).max(100).nullable(),
  z.array(z.tuple([z.string(), count])).max(5),
])
type Row = z.infer<typeof rowSchema>
const archiveSchema = z.object({ schemaVersion: z.literal(1), rows: z.array(rowSchema) })

export interface ArchivedPoint extends TrendPoint {
  site: string
  demo: boolean
}

/** The archive row of an entry; null for one whose numbers say nothing (incomplete, failed or relisted). */
export function archiveRow(entry: HistoryEntry): Row | null {
  if (!entry.ok || entry.recovered) return null
  return [
    entry.posture?.site ?? entry.unifi.site ?? '',
    entry.demo,
    entry.generatedAt,
    entry.findings.severe,
    entry.findings.medium,
    entry.findings.low,
    entry.threats,
    entry.trend?.blocked ?? null,
    entry.trend?.detected ?? null,
    entry.posture?.score ?? null,
    (entry.trend?.categories ?? []).map((category) => [category.name, category.count] as [string, number]),
  ]
}

function pointOf(row: Row): ArchivedPoint | null {
  const [site, demo, at, severe, medium, low, threats, blocked, detected, score, categories] = row
  const atMs = parseZonedIso(at) ?? Date.parse(at)
  if (!Number.isFinite(atMs)) return null
  return {
    site,
    demo,
    at,
    atMs,
    severe,
    medium,
    low,
    threats,
    blocked,
    detected,
    score,
    categories: categories.map(([name, events]) => ({ name, count: events })),
  }
}

async function readRows(
  dataDir: string,
  logger: Logger,
  nowMs: number,
): Promise<{ rows: Row[]; warning: string | null }> {
  const read = await readRecoverableJson({
    path: join(dataDir, HISTORY_ARCHIVE_FILE),
    schema: archiveSchema,
    label: 'history archive',
    logger,
    nowMs,
  })
  if (read.status === 'ok') return { rows: read.value.rows, warning: null }
  return { rows: [], warning: read.status === 'corrupt' ? read.warning : null }
}

export async function readHistoryArchive(
  dataDir: string,
  logger: Logger,
  nowMs: number,
): Promise<{ points: ArchivedPoint[]; warning: string | null }> {
  const { rows, warning } = await readRows(dataDir, logger, nowMs)
  const points: ArchivedPoint[] = []
  for (const row of rows) {
    const point = pointOf(row)
    if (point !== null) points.push(point)
  }
  return { points, warning }
}

/** Adds rows, newest first, keeping the newest `MAX_ARCHIVED`. The caller holds the history lock. */
export async function archiveEntries(
  dataDir: string,
  entries: readonly HistoryEntry[],
  logger: Logger,
  nowMs: number,
): Promise<void> {
  const added = entries.map(archiveRow).filter((row): row is Row => row !== null)
  if (added.length === 0) return
  const { rows } = await readRows(dataDir, logger, nowMs)
  const all = [...added, ...rows].sort((a, b) => b[2].localeCompare(a[2])).slice(0, MAX_ARCHIVED)
  await writeFileAtomic(
    join(dataDir, HISTORY_ARCHIVE_FILE),
    `{"schemaVersion":1,"rows":[\n${all.map((row) => JSON.stringify(row)).join(',\n')}\n]}\n`,
  )
}
