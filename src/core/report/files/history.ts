/**
 * The report history index (`history.json` in the data folder) that the UI lists: one entry per written
 * report with when, period, counts, integration outcomes and file paths. Newest first.
 *
 * Several processes write it (the tray app, CLI runs, a scheduler), so every read-modify-write happens under
 * a lock file (proper-lockfile: a lock directory with mtime updates, taken over when stale after a crash).
 * A damaged index is never just replaced: every entry that still reads is kept, the damaged file is set aside,
 * and report files the index no longer names are listed again from the reports folder.
 */
import { access, mkdir, readdir, readFile, rename, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { lock } from 'proper-lockfile'
import { z } from 'zod'
import type { Logger } from '../../logger.js'
import { PRIVATE_DIR_MODE } from '../../files/private-files.js'
import { writeFileAtomic } from './atomic-write.js'
import { archiveEntries } from './history-archive.js'
import { REPORT_FILE_PATTERN } from './report-files.js'
import { salvageArrayItems } from './salvage-json.js'

export const HISTORY_FILE = 'history.json'
/** Years of reports for several sites; older entries than this are dropped, newest kept. */
export const MAX_ENTRIES = 20_000

const counts = z.object({
  severe: z.number().int().min(0),
  medium: z.number().int().min(0),
  low: z.number().int().min(0),
})

const storedFinding = z.object({
  key: z.string().max(400),
  source: z.enum(['events', 'devices', 'threats']),
  severity: z.enum(['severe', 'medium', 'low']),
  title: z.string().max(300),
  firstSeen: z.string(),
  streak: z.number().int().min(1),
})

/** What changed since the previous complete report of the site, and this report's findings for the next one. */
export const historyChangesSchema = z.object({
  baseline: z.boolean(),
  /** When the report compared with was generated (ISO with offset); null on a baseline. */
  previous: z.string().nullable(),
  new: z.number().int().min(0),
  resolved: z.number().int().min(0),
  recurring: z.number().int().min(0),
  newClients: z.number().int().min(0),
  /** Dropped from entries whose files retention removed (only the newest entry of a site needs them). */
  findings: z.array(storedFinding).max(500),
})

/** The numbers the trends need beyond the counts: threats by outcome and the top threat categories. */
export const historyTrendSchema = z.object({
  blocked: z.number().int().min(0),
  detected: z.number().int().min(0),
  categories: z.array(z.object({ name: z.string().max(200), count: z.number().int().min(0) })).max(5),
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
  /** Listed again from the reports folder after the index was damaged: only the files and time are known. */
  recovered: z.boolean().optional(),
  /** Its files are gone (retention or deleted by hand); the entry stays for the trends, without its details. */
  pruned: z.boolean().optional(),
  changes: historyChangesSchema.optional(),
  trend: historyTrendSchema.optional(),
  /** The configuration posture of the site, for the next report's drift (evidence never holds a secret). */
  posture: z
    .object({
      site: z.string(),
      score: z.number().int().min(0).max(100).nullable(),
      grade: z.string().nullable(),
      checks: z
        .array(
          z.object({
            id: z.string(),
            status: z.enum(['gap', 'recommendation', 'unknown', 'ok']),
            severity: z.enum(['critical', 'high', 'medium', 'low', 'info']),
            title: z.string(),
            evidence: z.array(z.string()).max(12),
          }),
        )
        .max(200),
    })
    .optional(),
})
export type HistoryEntry = z.infer<typeof historyEntrySchema>

export const historyFileSchema = z.object({ schemaVersion: z.literal(1), entries: z.array(historyEntrySchema) })

export interface History {
  entries: HistoryEntry[]
  warning: string | null
}

export interface HistoryLocation {
  dataDir: string
  /** Where the reports are, for relisting them when the index was damaged. */
  reportsDir?: string | undefined
}

/**
 * Reads the index. A damaged one keeps its readable entries, gains entries for report files it no longer
 * names, and is written back at once (the damaged copy kept beside it), under the lock.
 */
export async function readHistory(location: HistoryLocation | string, logger: Logger, nowMs: number): Promise<History> {
  const where = typeof location === 'string' ? { dataDir: location } : location
  const first = await readIndex(where, logger, nowMs)
  if (first.damaged === null) return { entries: first.entries, warning: null }
  return withHistoryLock(where.dataDir, logger, async () => {
    // Another process may have repaired it while we waited for the lock.
    const current = await readIndex(where, logger, nowMs)
    if (current.damaged === null) return { entries: current.entries, warning: null }
    const warning = await repair(where, current.entries, current.damaged, logger, nowMs)
    return { entries: current.entries, warning }
  })
}

/**
 * Adds an entry and prunes entries whose report files are all gone (retention, or deleted by hand): the UI no
 * longer lists them, their numbers move to the history archive (`history-archive.ts`) for the trends.
 */
export async function appendHistory(
  location: HistoryLocation | string,
  entry: HistoryEntry,
  logger: Logger,
  nowMs: number,
): Promise<History> {
  return updateHistory(location, logger, nowMs, (entries) => [entry, ...entries])
}

/** Read-modify-write of the index under the lock; `change` gets the current entries (repaired if need be). */
export async function updateHistory(
  location: HistoryLocation | string,
  logger: Logger,
  nowMs: number,
  change: (entries: HistoryEntry[]) => HistoryEntry[],
): Promise<History> {
  const where = typeof location === 'string' ? { dataDir: location } : location
  return withHistoryLock(where.dataDir, logger, async () => {
    const current = await readIndex(where, logger, nowMs)
    const warning = current.damaged ? await setAside(where, current.damaged, nowMs) : null
    const kept: HistoryEntry[] = []
    for (const existing of current.entries) {
      if (existing.pruned) kept.push(existing)
      else if ((await present(existing.files.html)) || (await present(existing.files.text))) kept.push(existing)
      // A report relisted from the folder carries no numbers worth keeping once its files are gone.
      else if (!existing.recovered) kept.push(pruned(existing))
    }
    const compacted = compactHistory(withoutRelistedDuplicates(change(kept)))
    // A pruned entry nothing compares with any more keeps only its numbers, in the archive the trends read.
    const archived = compacted.filter(archivable)
    const entries = compacted.filter((entry) => !archivable(entry)).slice(0, MAX_ENTRIES)
    await archiveEntries(where.dataDir, archived, logger, nowMs)
    await writeIndex(where.dataDir, entries)
    return { entries, warning }
  })
}

/** Runs `task` holding the index lock; a lock left by a crashed process is taken over after 10 s. */
export async function withHistoryLock<T>(dataDir: string, logger: Logger, task: () => Promise<T>): Promise<T> {
  await mkdir(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE })
  const release = await lock(join(dataDir, HISTORY_FILE), {
    realpath: false,
    stale: 10_000,
    update: 2_000,
    // Up to ~30 s of waiting in all: enough for dozens of runs finishing at once.
    retries: { retries: 150, factor: 1.1, minTimeout: 10, maxTimeout: 250, randomize: true },
    onCompromised: (error) => logger.warn('history_lock_compromised', { reason: error.message }),
  })
  try {
    return await task()
  } finally {
    await release().catch(() => undefined)
  }
}

interface Damage {
  problem: string
}

async function readIndex(
  where: HistoryLocation,
  logger: Logger,
  nowMs: number,
): Promise<{ entries: HistoryEntry[]; damaged: Damage | null }> {
  let raw: string
  try {
    raw = await readFile(join(where.dataDir, HISTORY_FILE), 'utf8')
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return { entries: [], damaged: null }
    throw error
  }
  const whole = parseWhole(raw)
  if (whole) return { entries: whole, damaged: null }
  const salvaged = salvageArrayItems(raw, 'entries')
  const entries: HistoryEntry[] = []
  let dropped = 0
  for (const item of salvaged.items) {
    const parsed = historyEntrySchema.safeParse(item)
    if (parsed.success) entries.push(parsed.data)
    else dropped++
  }
  const problem = salvaged.complete
    ? `${dropped} unreadable ${dropped === 1 ? 'entry' : 'entries'}`
    : 'the file is cut off or not valid JSON'
  logger.warn('history_index_damaged', { kept: entries.length, dropped, problem })
  const relisted = where.reportsDir ? await relist(where.reportsDir, entries, nowMs) : []
  return { entries: [...entries, ...relisted].sort(newestFirst), damaged: { problem } }
}

function parseWhole(raw: string): HistoryEntry[] | null {
  try {
    const parsed = historyFileSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data.entries : null
  } catch {
    return null
  }
}

async function setAside(where: HistoryLocation, damage: Damage, nowMs: number): Promise<string> {
  const file = join(where.dataDir, HISTORY_FILE)
  const backupPath = `${file}.corrupt-${nowMs}`
  const moved = await rename(file, backupPath).then(
    () => true,
    () => false,
  )
  return `The history index (${file}) was damaged (${damage.problem}); every entry that could still be read was kept${
    where.reportsDir ? ', reports in the folder were listed again' : ''
  }${moved ? `, and the damaged file was kept as ${backupPath}` : ''}.`
}

async function repair(
  where: HistoryLocation,
  entries: HistoryEntry[],
  damage: Damage,
  logger: Logger,
  nowMs: number,
): Promise<string> {
  const warning = await setAside(where, damage, nowMs)
  await writeIndex(where.dataDir, entries.slice(0, MAX_ENTRIES))
  logger.warn('history_index_repaired', { entries: entries.length })
  return warning
}

async function writeIndex(dataDir: string, entries: HistoryEntry[]): Promise<void> {
  // One entry per line: readable, and a third of the size of an indented file at thousands of entries.
  const lines = entries.map((entry) => JSON.stringify(entry)).join(',\n')
  await writeFileAtomic(join(dataDir, HISTORY_FILE), `{"schemaVersion":1,"entries":[\n${lines}\n]}\n`)
}

/** Entries for report files in `reportsDir` that no kept entry names (one per base name, HTML and text). */
async function relist(reportsDir: string, kept: HistoryEntry[], nowMs: number): Promise<HistoryEntry[]> {
  const named = new Set(kept.flatMap((entry) => [entry.files.html, entry.files.text]).filter(Boolean))
  const names = await readdir(reportsDir).catch(() => [] as string[])
  const groups = new Map<string, { html: string | null; text: string | null }>()
  for (const name of names) {
    const match = REPORT_FILE_PATTERN.exec(name)
    if (!match) continue
    const path = join(reportsDir, name)
    if (named.has(path)) continue
    const base = name.replace(/\.(html|txt)$/, '')
    const group = groups.get(base) ?? { html: null, text: null }
    if (match[3] === 'html') group.html = path
    else group.text = path
    groups.set(base, group)
  }
  const entries: HistoryEntry[] = []
  for (const [base, files] of groups) {
    const info = await stat((files.html ?? files.text)!).catch(() => null)
    const at = new Date(info?.mtimeMs ?? nowMs).toISOString()
    entries.push({
      id: `recovered-${base}`,
      generatedAt: at,
      period: { since: at, until: at },
      ok: true,
      demo: false,
      findings: { severe: 0, medium: 0, low: 0 },
      threats: null,
      unhealthyDevices: null,
      unifi: { ok: true, site: null, error: null },
      integrations: [],
      files,
      recovered: true,
    })
  }
  return entries
}

/**
 * An entry whose report files are gone: the numbers the trends need stay (counts, threats, score, what changed),
 * the details do not (file paths, posture evidence).
 */
function pruned(entry: HistoryEntry): HistoryEntry {
  return {
    ...entry,
    pruned: true,
    files: { html: null, text: null },
    ...(entry.posture
      ? { posture: { ...entry.posture, checks: entry.posture.checks.map((c) => ({ ...c, evidence: [] })) } }
      : {}),
  }
}

/**
 * Only the newest entry of a site (real and demo apart) is ever compared with: the posture drift reads the newest
 * posture snapshot, the findings comparison the newest complete entry's findings. Older entries keep their numbers
 * (counts, score, change counts, threat trend) and drop those lists, so the index stays small however many years
 * it holds.
 */
export function compactHistory(entries: HistoryEntry[]): HistoryEntry[] {
  const withPosture = new Set<string>()
  const withFindings = new Set<string>()
  return entries.map((entry) => {
    let result = entry
    const site = `${entry.demo ? 'demo' : 'real'}|${entry.posture?.site ?? entry.unifi.site ?? ''}`
    if (entry.posture) {
      if (withPosture.has(site) && entry.posture.checks.length > 0)
        result = { ...result, posture: { ...entry.posture, checks: [] } }
      withPosture.add(site)
    }
    if (entry.changes && entry.ok) {
      if (withFindings.has(site) && entry.changes.findings.length > 0)
        result = { ...result, changes: { ...entry.changes, findings: [] } }
      withFindings.add(site)
    }
    return result
  })
}

/** Pruned, and not the entry a comparison reads (no posture snapshot, no per-finding list left). */
function archivable(entry: HistoryEntry): boolean {
  return (
    entry.pruned === true && (entry.posture?.checks.length ?? 0) === 0 && (entry.changes?.findings.length ?? 0) === 0
  )
}

/** A report relisted from the folder that an entry now names (the one being added) is listed once. */
function withoutRelistedDuplicates(entries: HistoryEntry[]): HistoryEntry[] {
  const named = new Set(
    entries.filter((entry) => !entry.recovered).flatMap((entry) => [entry.files.html, entry.files.text]),
  )
  named.delete(null)
  return entries.filter(
    (entry) =>
      !entry.recovered || ![entry.files.html, entry.files.text].some((file) => file !== null && named.has(file)),
  )
}

function newestFirst(a: HistoryEntry, b: HistoryEntry): number {
  return Date.parse(b.generatedAt) - Date.parse(a.generatedAt)
}

async function present(path: string | null): Promise<boolean> {
  if (!path) return false
  return access(path).then(
    () => true,
    () => false,
  )
}
