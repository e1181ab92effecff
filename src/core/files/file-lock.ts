/**
 * One lock per data file for the processes that share a data folder (the tray app, CLI runs, a scheduler):
 * proper-lockfile's lock directory beside the file, updated while held and taken over when stale after a crash.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { lock } from 'proper-lockfile'
import type { Logger } from '../logger.js'
import { PRIVATE_DIR_MODE } from './private-files.js'

export async function withFileLock<T>(dir: string, file: string, logger: Logger, task: () => Promise<T>): Promise<T> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  const release = await lock(join(dir, file), {
    realpath: false,
    stale: 10_000,
    update: 2_000,
    // Up to ~30 s of waiting in all: enough for dozens of runs finishing at once.
    retries: { retries: 150, factor: 1.1, minTimeout: 10, maxTimeout: 250, randomize: true },
    onCompromised: (error) => logger.warn('file_lock_compromised', { file, reason: error.message }),
  })
  try {
    return await task()
  } finally {
    await release().catch(() => undefined)
  }
}
