/**
 * Everything the app and the CLI write — settings, secrets, run state, history, reports, logs — is for the
 * user who runs them only: files 0600, folders 0700. New files get it from the umask set at start (so
 * electron-store's files and our own temp files are never readable, not even for a moment); files left by
 * older versions with wider modes are tightened at start. On Windows these modes mean nothing: the user
 * profile's ACLs protect the default folders there.
 */
import { chmod, lstat, readdir } from 'node:fs/promises'
import path from 'node:path'
import type { Logger } from '../logger.js'

export const PRIVATE_FILE_MODE = 0o600
export const PRIVATE_DIR_MODE = 0o700
const GROUP_OTHER_BITS = 0o077
/** Data folder → `reports/` → files: two levels is all we create. */
const MAX_DEPTH = 2
/** A bound on the work at start, whatever a folder holds. */
const MAX_ENTRIES = 20_000

/** New files 0600 and folders 0700 for the rest of the process (POSIX). */
export function restrictNewFilePermissions(platform: NodeJS.Platform = process.platform): void {
  if (platform !== 'win32') process.umask(GROUP_OTHER_BITS)
}

/**
 * A folder to tighten. Without `only`, the folder is ours (the data folder): it and everything below it.
 * With `only`, the folder may be the user's (a chosen reports folder): just our files in it that match.
 */
export interface PrivateFolder {
  dir: string
  only?: RegExp
}

/**
 * Removes group and other permissions from our folders and files (not following symbolic links). Missing
 * folders are fine; a file we cannot change is logged and skipped. Answers how many were changed.
 */
export async function tightenPermissions(
  folders: readonly PrivateFolder[],
  logger: Logger,
  platform: NodeJS.Platform = process.platform,
): Promise<number> {
  if (platform === 'win32') return 0
  let changed = 0
  let seen = 0
  const visit = async (target: string, depth: number, only: RegExp | undefined): Promise<void> => {
    if (seen++ >= MAX_ENTRIES) return
    const stat = await lstat(target).catch(() => null)
    if (!stat || stat.isSymbolicLink()) return
    if (stat.isDirectory()) {
      if (!only && (await fix(target, stat.mode, PRIVATE_DIR_MODE))) changed++
      if (depth >= (only ? 1 : MAX_DEPTH)) return
      const entries = await readdir(target).catch(() => [])
      for (const entry of entries) {
        if (only && !only.test(entry)) continue
        await visit(path.join(target, entry), depth + 1, only)
      }
    } else if (stat.isFile()) {
      if (await fix(target, stat.mode, PRIVATE_FILE_MODE)) changed++
    }
  }
  const fix = async (target: string, mode: number, wanted: number): Promise<boolean> => {
    if ((mode & GROUP_OTHER_BITS) === 0) return false
    try {
      await chmod(target, (mode & 0o700) | (wanted & 0o700))
      return true
    } catch (error) {
      logger.warn('could not restrict file permissions', {
        path: target,
        reason: error instanceof Error && 'code' in error ? String(error.code) : 'unknown',
      })
      return false
    }
  }
  for (const folder of folders) await visit(folder.dir, 0, folder.only)
  return changed
}
