import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { IntegrationMeta } from '../../core/integrations/contract.js'
import type { Logger } from '../../core/logger.js'
import { defaultSettings, type Settings, type SecretSettingPath } from '../../shared/settings.js'
import type { KeyValueStore } from './key-value-store.js'
import { CURRENT_SCHEMA_VERSION, migrate } from './migrate.js'

export interface SettingsRecovery {
  backupPath: string
  message: string
}

export interface OpenedSettings {
  store: KeyValueStore
  settings: Settings
  /** Secrets found in the plain file; the caller moves them into the vault (they are gone from the file). */
  extractedSecrets: Partial<Record<SecretSettingPath, string>>
  recovery: SettingsRecovery | null
}

export interface OpenSettingsOptions {
  /** The file the store will use (`<userData>/config.json`). */
  file: string
  /** Creates the store once the file is known to be readable (electron-store opening a corrupt file throws). */
  createStore: () => KeyValueStore
  logger: Logger
  now: () => number
  integrations?: readonly IntegrationMeta[]
}

/**
 * Opens the plain settings: migrates older files, and never loses a broken one silently — an unreadable or
 * invalid file is copied to `config.corrupt-<timestamp>.json` next to it, the app starts with defaults, and the
 * returned `recovery` tells the user where the copy is.
 */
export function openSettingsFile(options: OpenSettingsOptions): OpenedSettings {
  const { file, logger } = options
  let recovery: SettingsRecovery | null = null
  let migrated: ReturnType<typeof migrate> | null = null
  if (existsSync(file)) {
    try {
      migrated = migrate(JSON.parse(readFileSync(file, 'utf8')), options.integrations)
    } catch (error) {
      recovery = backUp(file, options.now(), error)
      logger.warn('settings file unreadable; backed up and starting with defaults', { backup: recovery.backupPath })
    }
  }
  const store = options.createStore()
  const settings = migrated?.settings ?? defaultSettings()
  const needsWrite =
    migrated === null ||
    migrated.fromVersion < CURRENT_SCHEMA_VERSION ||
    migrated.assignedIds ||
    Object.keys(migrated.extractedSecrets).length > 0
  // An older file is kept as it was before it is rewritten (the store writes atomically: temp file, then rename).
  if (migrated !== null && migrated.fromVersion < CURRENT_SCHEMA_VERSION) {
    const backupPath = keepCopy(file, `v${migrated.fromVersion}`, options.now())
    logger.info('settings migrated', { from: migrated.fromVersion, to: CURRENT_SCHEMA_VERSION, backup: backupPath })
  }
  if (needsWrite) store.store = { ...settings }
  return { store, settings, extractedSecrets: migrated?.extractedSecrets ?? {}, recovery }
}

/** Copies `file` to `<name>.<label>-<timestamp>.json` next to it and returns the copy's path. */
export function keepCopy(file: string, label: string, nowMs: number): string {
  const stamp = new Date(nowMs).toISOString().replace(/[:.]/g, '-')
  const base = path.basename(file, '.json')
  const backupPath = path.join(path.dirname(file), `${base}.${label}-${stamp}.json`)
  copyFileSync(file, backupPath)
  return backupPath
}

function backUp(file: string, nowMs: number, error: unknown): SettingsRecovery {
  const backupPath = keepCopy(file, 'corrupt', nowMs)
  rmSync(file)
  const reason = error instanceof Error ? error.message : 'it could not be read'
  return {
    backupPath,
    message: `The settings file could not be used (${reason}). A copy was kept at ${backupPath}; UniFi Scanner started with default settings — enter them again.`,
  }
}
