/**
 * The history as one run reads it (once, before it compares), and the rule every comparison uses to find "the
 * previous report of the same site": the newest entry of that site that has what the comparison needs, demo
 * reports compared only with demo reports. A history that cannot be read only means there is nothing to compare
 * with.
 */
import type { Logger } from '../logger.js'
import { readHistory, type HistoryEntry } from '../report/files/history.js'
import { readHistoryArchive, type ArchivedPoint } from '../report/files/history-archive.js'

export interface RunHistory {
  entries: HistoryEntry[]
  /** The numbers of pruned reports, for the trends. */
  archived: ArchivedPoint[]
  /** Set when reading found the index damaged (and repaired it): the run reports it like any history warning. */
  warning: string | null
}

export async function readRunHistory(where: {
  dataDir: string
  reportsDir: string
  logger: Logger
  nowMs: number
}): Promise<RunHistory> {
  try {
    const [history, archive] = await Promise.all([
      readHistory({ dataDir: where.dataDir, reportsDir: where.reportsDir }, where.logger, where.nowMs),
      readHistoryArchive(where.dataDir, where.logger, where.nowMs),
    ])
    const warning = [history.warning, archive.warning].filter(Boolean).join(' ') || null
    return { entries: history.entries, archived: archive.points, warning }
  } catch (error) {
    where.logger.warn('run_history_unreadable', { message: error instanceof Error ? error.message : 'unknown' })
    return { entries: [], archived: [], warning: null }
  }
}

/** The newest entry (the index is newest first) of `site` for which `has` holds. */
export function previousOfSite<T>(
  entries: readonly HistoryEntry[],
  site: string,
  demo: boolean,
  has: (entry: HistoryEntry) => T | undefined | null,
): T | null {
  for (const entry of entries) {
    if (entry.demo !== demo) continue
    const found = has(entry)
    if (found !== undefined && found !== null && siteOf(entry) === site) return found
  }
  return null
}

/** The site an entry belongs to: its posture snapshot's site, else the UniFi site it read. */
export function siteOf(entry: HistoryEntry): string | null {
  return entry.posture?.site ?? entry.unifi.site
}
