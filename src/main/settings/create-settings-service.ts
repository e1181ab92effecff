import type { IntegrationMeta } from '../../core/integrations/contract.js'
import { integrations as registered } from '../../core/integrations/registry.js'
import { secretSettingPaths } from '../../core/integrations/secret-paths.js'
import type { Logger } from '../../core/logger.js'
import { LEGACY_SECRET_PATHS } from '../../shared/settings-legacy.js'
import { settingsSchema, type SettingsInput } from '../../shared/settings.js'
import { memoryKeyValueStore, type KeyValueStore } from './key-value-store.js'
import { openSecretStore } from './open-secret-store.js'
import { openSettingsFile } from './open-settings-file.js'
import { SecretVault, type SafeStorageLike } from './secret-vault.js'
import { SettingsService } from './settings-service.js'

export interface FileSettingsOptions {
  /** `<userData>/config.json`, the file `createPlainStore` opens. */
  file: string
  createPlainStore: () => KeyValueStore
  /** `<userData>/secrets.json`, the file `createSecretStore` opens. */
  secretFile: string
  /** A separate store for the ciphertexts; created once the file is known to be readable. */
  createSecretStore: () => KeyValueStore
  safeStorage: SafeStorageLike
  logger: Logger
  now: () => number
  /** The registry; tests pass their own. */
  integrations?: readonly IntegrationMeta[]
}

/** Settings on disk: migration, corrupt-file recovery, secrets moved out of the plain file into the vault. */
export function createFileSettingsService(options: FileSettingsOptions): SettingsService {
  const integrations = options.integrations ?? registered
  const paths = secretSettingPaths(integrations)
  const opened = openSettingsFile({
    file: options.file,
    createStore: options.createPlainStore,
    logger: options.logger,
    now: options.now,
    integrations,
  })
  const secrets = openSecretStore({
    file: options.secretFile,
    createStore: options.createSecretStore,
    logger: options.logger,
    now: options.now,
    renames: LEGACY_SECRET_PATHS,
  })
  const vault = new SecretVault(secrets.store, options.safeStorage, paths)
  for (const [key, value] of Object.entries(opened.extractedSecrets)) {
    if (value !== undefined) vault.set(key as keyof typeof opened.extractedSecrets, value)
  }
  const service = new SettingsService(opened.store, vault, opened.settings, opened.recovery, integrations)
  if (secrets.problem) service.alert('secrets-file-unreadable', secrets.problem, paths)
  return service
}

/**
 * Settings in memory, for the handler layer without Electron (e2e harness, tests). The stand-in safeStorage
 * reports real encryption unless told otherwise, so both secret-storage modes can be exercised.
 */
export function createMemorySettingsService(
  input: SettingsInput = {},
  options: { encryptionAvailable?: boolean; integrations?: readonly IntegrationMeta[] } = {},
): SettingsService {
  const integrations = options.integrations ?? registered
  const available = options.encryptionAvailable ?? true
  const safeStorage: SafeStorageLike = {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from(`enc:${text}`, 'utf8'),
    decryptString: (data) => data.toString('utf8').replace(/^enc:/, ''),
    getSelectedStorageBackend: () => (available ? 'gnome_libsecret' : 'basic_text'),
  }
  const service = new SettingsService(
    memoryKeyValueStore(),
    new SecretVault(memoryKeyValueStore(), safeStorage, secretSettingPaths(integrations)),
    settingsSchema.parse({}),
    null,
    integrations,
  )
  service.replace(settingsSchema.parse(input))
  return service
}
