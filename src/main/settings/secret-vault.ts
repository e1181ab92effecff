import { ConfigError } from '../../core/errors.js'
import type { SecretStorage } from '../../shared/ipc/payloads.js'
import { isDeliverySecretPath, type SecretSettingPath } from '../../shared/settings.js'
import type { KeyValueStore } from './key-value-store.js'

/** The slice of Electron's `safeStorage` the vault needs; tests pass a fake. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
  /** Linux only in Electron; absent elsewhere. */
  getSelectedStorageBackend?(): string
}

export type SecretValues = Partial<Record<SecretSettingPath, string>>

const SESSION_ONLY_KEY = 'sessionOnly'
const WEAK_BACKEND = 'basic_text'
const NO_ENCRYPTION_WARNING =
  'This system offers no keyring to encrypt secrets (Linux "basic_text" storage), so passwords, API keys and tokens are kept for this session only and must be entered again after a restart. Install and unlock a keyring (GNOME Keyring or KWallet) to store them encrypted.'
const CHOSEN_SESSION_ONLY =
  'Secrets are kept for this session only, as chosen: enter them again after restarting UniFi Scanner.'

/**
 * Secrets apart from plain settings: encrypted with safeStorage into their own store file (base64 ciphertext),
 * or held in memory only ("this session only") — forced when the OS has no real encryption, since the Linux
 * `basic_text` backend is a fixed-key obfuscation, not protection. Values never leave this module except to
 * the engine through `values()`.
 */
export class SecretVault {
  private readonly memory = new Map<SecretSettingPath, string>()

  /**
   * `paths`: the fixed secrets the app knows (the UniFi ones and the registry's secret fields). Delivery secrets
   * (`delivery.email.password`, `delivery.webhooks.<id>.url|secret`) come and go with the configured channels:
   * the vault keeps any well-formed one, and the settings service decides which belong to a configured channel.
   */
  constructor(
    private readonly store: KeyValueStore,
    private readonly safeStorage: SafeStorageLike,
    private readonly paths: readonly SecretSettingPath[],
  ) {}

  /** Whether `key` is a secret this vault keeps (a well-formed path of an integration that is not registered is not). */
  knows(key: string): boolean {
    return (this.paths as readonly string[]).includes(key) || isDeliverySecretPath(key)
  }

  describe(): SecretStorage {
    const encryptionAvailable = this.encryptionAvailable()
    const mode = this.sessionOnly() ? 'session-only' : 'encrypted'
    return {
      mode,
      encryptionAvailable,
      backend: this.safeStorage.getSelectedStorageBackend?.() ?? null,
      warning: !encryptionAvailable ? NO_ENCRYPTION_WARNING : mode === 'session-only' ? CHOSEN_SESSION_ONLY : null,
    }
  }

  values(): SecretValues {
    const result: SecretValues = {}
    for (const key of this.keys()) {
      const value = this.get(key)
      if (value !== undefined) result[key] = value
    }
    return result
  }

  set(key: SecretSettingPath, value: string): void {
    if (!this.knows(key)) throw new ConfigError(`There is no secret setting called "${key}".`)
    if (this.sessionOnly()) {
      this.memory.set(key, value)
      return
    }
    const encrypted = this.safeStorage.encryptString(value).toString('base64')
    this.store.store = { ...this.store.store, [key]: encrypted }
  }

  clear(key: SecretSettingPath): void {
    this.memory.delete(key)
    const { [key]: _removed, ...rest } = this.store.store
    this.store.store = rest
  }

  /** Moves the current secrets to memory (and off the disk), or back to encrypted storage. */
  setSessionOnly(enabled: boolean): void {
    if (!enabled && !this.encryptionAvailable()) {
      throw new ConfigError(NO_ENCRYPTION_WARNING, undefined, { code: 'ENCRYPTION_UNAVAILABLE' })
    }
    const current = this.values()
    this.store.store = { [SESSION_ONLY_KEY]: enabled }
    this.memory.clear()
    for (const [key, value] of Object.entries(current) as [SecretSettingPath, string | undefined][]) {
      if (value !== undefined) this.set(key, value)
    }
  }

  /**
   * Secrets that are stored but cannot be decrypted (another OS user's ciphertext, a reset keyring). They stay
   * on disk untouched — the admin is asked to enter them again — rather than being dropped without a word.
   */
  unreadable(): SecretSettingPath[] {
    if (this.sessionOnly()) return []
    return this.keys().filter((key) => typeof this.store.store[key] === 'string' && this.get(key) === undefined)
  }

  /** The fixed paths, then the delivery paths held on disk or in memory. */
  private keys(): SecretSettingPath[] {
    const dynamic = new Set<SecretSettingPath>()
    for (const key of [...Object.keys(this.store.store), ...this.memory.keys()]) {
      if (isDeliverySecretPath(key)) dynamic.add(key)
    }
    return [...this.paths, ...dynamic]
  }

  private get(key: SecretSettingPath): string | undefined {
    if (this.sessionOnly()) return this.memory.get(key)
    const stored = this.store.store[key]
    if (typeof stored !== 'string') return undefined
    try {
      return this.safeStorage.decryptString(Buffer.from(stored, 'base64'))
    } catch {
      // Ciphertext from another OS user or a reset keyring cannot be read; the admin enters the secret again.
      return undefined
    }
  }

  private sessionOnly(): boolean {
    return !this.encryptionAvailable() || this.store.store[SESSION_ONLY_KEY] === true
  }

  private encryptionAvailable(): boolean {
    return this.safeStorage.isEncryptionAvailable() && this.safeStorage.getSelectedStorageBackend?.() !== WEAK_BACKEND
  }
}
