/**
 * Report retention: deletes our own report files older than the configured number of days, judged by the
 * timestamp in the file name (never mtime, which copies and backups change). Files that do not match our
 * exact name pattern are never touched.
 */
import { readdir, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from '../../logger.js'
import { fileStamp } from '../../time.js'
import { REPORT_FILE_PATTERN } from './report-files.js'

const DAY_MS = 86_400_000
/** Temp files a crashed run left behind (see atomic-write.ts); removed once a day old, whatever the retention. */
const STALE_TEMP_PATTERN = /^\.unifi-report-(\d{4}-\d{2}-\d{2}-\d{6})\.(?:html|txt)\.\d+\.[0-9a-f]+\.tmp$/

export async function applyRetention(options: {
  dir: string
  retentionDays: number
  nowMs: number
  timezone: string
  logger: Logger
  /** Files of the current run, kept whatever their stamp says. */
  keep?: readonly string[]
}): Promise<string[]> {
  const { dir, retentionDays, logger } = options
  // Stamps are fixed-width wall-clock text in the report timezone, so comparing text compares times.
  const cutoff = retentionDays > 0 ? fileStamp(options.nowMs - retentionDays * DAY_MS, options.timezone) : ''
  const tempCutoff = fileStamp(options.nowMs - DAY_MS, options.timezone)
  const keep = new Set(options.keep ?? [])
  const deleted: string[] = []
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (error) {
    logger.warn('report_retention_skipped', { dir, reason: error instanceof Error ? error.message : String(error) })
    return []
  }
  for (const name of names) {
    const path = join(dir, name)
    const stamp = REPORT_FILE_PATTERN.exec(name)?.[1]
    const tempStamp = STALE_TEMP_PATTERN.exec(name)?.[1]
    const expired = stamp !== undefined && stamp < cutoff
    const staleTemp = tempStamp !== undefined && tempStamp < tempCutoff
    if ((!expired && !staleTemp) || keep.has(path)) continue
    try {
      await unlink(path)
      deleted.push(path)
    } catch (error) {
      logger.warn('report_retention_delete_failed', {
        path,
        reason: error instanceof Error ? error.message : String(error),
      })
    }
  }
  if (deleted.length > 0) logger.info('report_retention_deleted', { count: deleted.length, retentionDays })
  return deleted
}
