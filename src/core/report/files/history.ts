/**
 * The report history index (`history.json` in the data folder) that the UI lists: one entry per written
 * report with when, period, counts, integration outcomes and file paths. Newest first.
 */
import { access } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { Logger } from '../../logger.js'
import { writeFileAtomic } from './atomic-write.js'
import { readRecoverableJson } from './recoverable-json.js'

export const HISTORY_FILE = 'history.json'
const MAX_ENTRIES = 1000

const counts = z.object({
  severe: z.number().int().min(0),
  medium: z.number().int().min(0),
  low: z.number().int().min(0),
})

export const historyEntrySchema = z.object({
  id: z.string(),
  generatedAt: z.string(),
  period: z.object({ since: z.string(), until: z.string() }),
  ok: z.boolean(),
  demo: z.boolean(),
  findings: counts,
  threats: z.number().int().min(0).nullable(),
  unhealthyDevices: z.number().int().min(0).nullable(),
  unifi: z.object({ ok: z.boolean(), site: z.string().nullable(), error: z.string().nullable() }),
  /** "Incomplete: could not check security threats (HTTP 500)." for an incomplete report; absent on older entries. */
  incomplete: z.string().nullable().optional(),
  integrations: z.array(z.object({ id: z.string(), status: z.string(), message: z.string().nullable() })),
  files: z.object({ html: z.string().nullable(), text: z.string().nullable() }),
})
export type HistoryEntry = z.infer<typeof historyEntrySchema>

export const historyFileSchema = z.object({ schemaVersion: z.literal(1), entries: z.array(historyEntrySchema) })

export interface History {
  entries: HistoryEntry[]
  warning: string | null
}

export async function readHistory(dataDir: string, logger: Logger, nowMs: number): Promise<History> {
  const result = await readRecoverableJson({
    path: join(dataDir, HISTORY_FILE),
    schema: historyFileSchema,
    label: 'history index',
    logger,
    nowMs,
  })
  if (result.status === 'ok') return { entries: result.value.entries, warning: null }
  return { entries: [], warning: result.status === 'corrupt' ? result.warning : null }
}

async function present(path: string | null): Promise<boolean> {
  if (!path) return false
  return access(path).then(
    () => true,
    () => false,
  )
}

/**
 * Adds an entry and drops entries whose report files are all gone (retention or the user deleted them),
 * so the UI never lists reports that cannot be opened.
 */
export async function appendHistory(
  dataDir: string,
  entry: HistoryEntry,
  logger: Logger,
  nowMs: number,
): Promise<History> {
  const current = await readHistory(dataDir, logger, nowMs)
  const kept: HistoryEntry[] = []
  for (const existing of current.entries) {
    if ((await present(existing.files.html)) || (await present(existing.files.text))) kept.push(existing)
  }
  const entries = [entry, ...kept].slice(0, MAX_ENTRIES)
  await writeFileAtomic(join(dataDir, HISTORY_FILE), `${JSON.stringify({ schemaVersion: 1, entries }, null, 2)}\n`)
  return { entries, warning: current.warning }
}
