import type { SettingsPatch, SettingsUpdateResult, SettingsView } from '../../shared/ipc/payloads.js'
import { toSettingsView } from '../../shared/ipc/settings-view.js'
import { type SecretSettingPath, type Settings } from '../../shared/settings.js'
import { applySettingsPatch } from './apply-patch.js'
import type { KeyValueStore } from './key-value-store.js'
import type { SettingsRecovery } from './open-settings-file.js'
import type { SecretVault } from './secret-vault.js'
import type { SettingsSource } from './settings-source.js'

export type SettingsChangeListener = (settings: Settings, view: SettingsView) => void

/**
 * Plain settings (electron-store) plus secrets (the vault) behind one object: `read()` gives the engine the full
 * settings, `view()` gives the renderer the secret-free view. Every change notifies listeners (runtime host,
 * status, the `settings:changed` push).
 */
export class SettingsService implements SettingsSource {
  private plain: Settings
  private readonly listeners = new Set<SettingsChangeListener>()

  constructor(
    private readonly store: KeyValueStore,
    private readonly vault: SecretVault,
    initial: Settings,
    private readonly recovery: SettingsRecovery | null,
  ) {
    this.plain = initial
  }

  read(): Settings {
    const secrets = this.vault.values()
    return {
      ...this.plain,
      unifi: { ...this.plain.unifi, password: secrets['unifi.password'], apiKey: secrets['unifi.apiKey'] },
      cloudflare: { ...this.plain.cloudflare, apiToken: secrets['cloudflare.apiToken'] },
    }
  }

  view(): SettingsView {
    const view = toSettingsView(this.read())
    return {
      ...view,
      hasPassword: view.secretsSet['unifi.password'],
      hasApiKey: view.secretsSet['unifi.apiKey'],
      hasCloudflareToken: view.secretsSet['cloudflare.apiToken'],
      secretStorage: this.vault.describe(),
      recovery: this.recovery,
    }
  }

  getRecovery(): SettingsRecovery | null {
    return this.recovery
  }

  update(patch: SettingsPatch): SettingsUpdateResult {
    const outcome = applySettingsPatch(this.plain, patch)
    if (!outcome.ok) return { saved: false, fieldErrors: outcome.fieldErrors, settings: this.view() }
    this.savePlain(outcome.settings)
    return { saved: true, settings: this.view() }
  }

  setSecret(key: SecretSettingPath, value: string): SettingsView {
    this.vault.set(key, value)
    return this.changed()
  }

  clearSecret(key: SecretSettingPath): SettingsView {
    this.vault.clear(key)
    return this.changed()
  }

  setSessionOnly(enabled: boolean): SettingsView {
    this.vault.setSessionOnly(enabled)
    return this.changed()
  }

  /** Replaces everything, secrets included (a reset, or a test arranging its scenario). */
  replace(settings: Settings): void {
    const { password, apiKey, ...unifi } = settings.unifi
    const { apiToken, ...cloudflare } = settings.cloudflare
    const secrets: Array<[SecretSettingPath, string | undefined]> = [
      ['unifi.password', password],
      ['unifi.apiKey', apiKey],
      ['cloudflare.apiToken', apiToken],
    ]
    for (const [key, value] of secrets) {
      if (value === undefined) this.vault.clear(key)
      else this.vault.set(key, value)
    }
    this.savePlain({
      ...settings,
      unifi: { ...unifi, password: undefined, apiKey: undefined },
      cloudflare: { ...cloudflare, apiToken: undefined },
    })
  }

  onChange(listener: SettingsChangeListener): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  private savePlain(settings: Settings): void {
    // Secrets are stripped by the patch schema; the plain file never holds one.
    this.plain = settings
    this.store.store = { ...settings }
    this.changed()
  }

  private changed(): SettingsView {
    const view = this.view()
    const full = this.read()
    for (const listener of [...this.listeners]) listener(full, view)
    return view
  }
}
