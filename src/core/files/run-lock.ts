/**
 * One report run at a time per data folder, across processes: the tray app, `report` and `schedule` all take
 * this lock for the length of a run, so two runs never write the same run state, history and pending
 * deliveries at once. It is `run.lock` in the data folder (proper-lockfile: a lock directory whose mtime the
 * holder refreshes; one left by a crashed process is taken over once it is older than `STALE_MS`). A busy
 * folder is not waited for: the run is refused with `DataFolderBusyError`, and the scheduler tries again at
 * its next slot.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { lock } from 'proper-lockfile'
import { ScannerError } from '../errors.js'
import type { Logger } from '../logger.js'
import { PRIVATE_DIR_MODE } from './private-files.js'

export const RUN_LOCK_FILE = 'run.lock'
/** A lock not refreshed for this long belongs to a process that died: it is taken over. */
export const RUN_LOCK_STALE_MS = 30_000
const UPDATE_MS = 5_000

export class DataFolderBusyError extends ScannerError {
  constructor(
    readonly dataDir: string,
    options?: { cause?: unknown },
  ) {
    super(
      'config',
      'DATA_FOLDER_BUSY',
      `Another UniFi Scanner run is using ${dataDir}. Wait for it to finish (or stop the other "schedule"), then try again.`,
      options,
    )
  }
}

export interface RunLockOptions {
  logger: Logger
  /** Tests shorten it; the default suits runs that take minutes. */
  staleMs?: number
}

/** Holds the data folder's run lock; `release` is idempotent and never throws. */
export interface RunLock {
  release(): Promise<void>
}

export async function acquireRunLock(dataDir: string, options: RunLockOptions): Promise<RunLock> {
  await mkdir(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE })
  const stale = options.staleMs ?? RUN_LOCK_STALE_MS
  let release: () => Promise<void>
  try {
    release = await lock(dataDir, {
      lockfilePath: join(dataDir, RUN_LOCK_FILE),
      realpath: false,
      stale,
      update: Math.min(UPDATE_MS, Math.floor(stale / 2)),
      retries: 0,
      // Someone took the lock over (this process was frozen longer than `stale`): the run goes on, it only says so.
      onCompromised: (error) => options.logger.warn('run_lock_compromised', { reason: error.message }),
    })
  } catch (error) {
    if (isLockedError(error)) throw new DataFolderBusyError(dataDir, { cause: error })
    throw new ScannerError(
      'config',
      'RUN_LOCK_FAILED',
      `Could not take the run lock in ${dataDir}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    )
  }
  let released = false
  return {
    async release() {
      if (released) return
      released = true
      await release().catch(() => undefined)
    },
  }
}

/** Runs `task` holding the data folder's run lock. */
export async function withRunLock<T>(dataDir: string, options: RunLockOptions, task: () => Promise<T>): Promise<T> {
  const held = await acquireRunLock(dataDir, options)
  try {
    return await task()
  } finally {
    await held.release()
  }
}

function isLockedError(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ELOCKED'
}
