import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { Logger } from '../../core/logger.js'
import type { KeyValueStore } from './key-value-store.js'
import { keepCopy } from './open-settings-file.js'

export interface OpenedSecretStore {
  store: KeyValueStore
  /** Why the saved secrets are gone, for a banner; null when the file was fine (or did not exist yet). */
  problem: string | null
}

/**
 * Opens the secrets file without ever emptying it silently (electron-store's `clearInvalidConfig` would): a file
 * that is not valid JSON is copied to `secrets.corrupt-<timestamp>.json`, a fresh store is started, and the
 * returned `problem` asks the admin to enter the secrets again.
 */
export function openSecretStore(options: {
  file: string
  createStore: () => KeyValueStore
  logger: Logger
  now: () => number
  /**
   * Old secret path → current path (a settings migration moved the setting). Entries are renamed once, ciphertext
   * untouched, after a copy of the file is kept.
   */
  renames?: Readonly<Record<string, string>>
}): OpenedSecretStore {
  const { file, logger } = options
  let problem: string | null = null
  if (existsSync(file)) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object')
    } catch {
      const stamp = new Date(options.now()).toISOString().replace(/[:.]/g, '-')
      const backup = path.join(path.dirname(file), `${path.basename(file, '.json')}.corrupt-${stamp}.json`)
      copyFileSync(file, backup)
      rmSync(file)
      logger.warn('secrets file unreadable; backed up and starting empty', { backup })
      problem = `The file with the saved secrets could not be read, so no password, API key or token is stored now (a copy was kept at ${backup}): re-enter your UniFi password or API key, and your Cloudflare token if you use one.`
    }
  }
  const store = options.createStore()
  renameEntries(store, options.renames ?? {}, () => {
    const backup = existsSync(file) ? keepCopy(file, 'pre-migration', options.now()) : null
    logger.info('secret paths migrated', { backup })
  })
  return { store, problem }
}

function renameEntries(store: KeyValueStore, renames: Readonly<Record<string, string>>, beforeWrite: () => void): void {
  const stored = store.store
  const due = Object.entries(renames).filter(([from]) => Object.hasOwn(stored, from))
  if (due.length === 0) return
  beforeWrite()
  const next = { ...stored }
  for (const [from, to] of due) {
    if (!Object.hasOwn(next, to)) next[to] = next[from]
    delete next[from]
  }
  store.store = next
}
