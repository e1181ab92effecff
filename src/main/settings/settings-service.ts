import type { SettingsUpdateResult, SettingsView } from '../../shared/ipc/payloads.js'
import { toSettingsView } from '../../shared/ipc/settings-view.js'
import { type SecretSettingPath, type Settings } from '../../shared/settings.js'
import { applySettingsPatch, type SettingsChange } from './apply-patch.js'
import type { KeyValueStore } from './key-value-store.js'
import type { SettingsRecovery } from './open-settings-file.js'
import {
  CLOUDFLARE_REENTER,
  CLOUDFLARE_SECRETS,
  cloudflareTarget,
  UNIFI_REENTER,
  UNIFI_SECRETS,
  unifiTarget,
} from './secret-binding.js'
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
  /** Banner id → message, for secrets the admin must enter again; dropped when that secret is set. */
  private readonly alerts = new Map<string, { message: string; keys: readonly SecretSettingPath[] }>()

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
      secretAlerts: this.secretAlerts(),
    }
  }

  getRecovery(): SettingsRecovery | null {
    return this.recovery
  }

  update(patch: SettingsChange): SettingsUpdateResult {
    const outcome = applySettingsPatch(this.plain, patch)
    if (!outcome.ok) return { saved: false, fieldErrors: outcome.fieldErrors, settings: this.view() }
    // Before saving: listeners (the runtime's immediate probe) must never see the new target with the old secret.
    this.unbindSecrets(unifiTarget(this.plain.unifi) !== unifiTarget(outcome.settings.unifi), 'unifi')
    this.unbindSecrets(
      cloudflareTarget(this.plain.cloudflare) !== cloudflareTarget(outcome.settings.cloudflare),
      'cloudflare',
    )
    this.savePlain(outcome.settings)
    return { saved: true, settings: this.view() }
  }

  /** Raises a banner for secrets the admin must enter again (an unreadable secret store at start). */
  alert(id: string, message: string, keys: readonly SecretSettingPath[]): void {
    this.alerts.set(id, { message, keys })
  }

  setSecret(key: SecretSettingPath, value: string): SettingsView {
    this.vault.set(key, value)
    for (const [id, alert] of this.alerts) if (alert.keys.includes(key)) this.alerts.delete(id)
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

  private secretAlerts(): Array<{ id: string; message: string }> {
    const alerts = [...this.alerts].map(([id, alert]) => ({ id, message: alert.message }))
    const unreadable = this.vault.unreadable()
    if (unreadable.length > 0) {
      alerts.push({ id: 'secrets-undecryptable', message: undecryptableMessage(unreadable) })
    }
    return alerts
  }

  private unbindSecrets(moved: boolean, group: 'unifi' | 'cloudflare'): void {
    if (!moved) return
    const keys = group === 'unifi' ? UNIFI_SECRETS : CLOUDFLARE_SECRETS
    const stored = this.vault.values()
    if (!keys.some((key) => stored[key] !== undefined)) return
    for (const key of keys) this.vault.clear(key)
    this.alerts.set(`secrets-reenter-${group}`, {
      message: group === 'unifi' ? UNIFI_REENTER : CLOUDFLARE_REENTER,
      keys,
    })
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

const SECRET_LABELS: Record<SecretSettingPath, string> = {
  'unifi.password': 'UniFi password',
  'unifi.apiKey': 'UniFi API key',
  'cloudflare.apiToken': 'Cloudflare API token',
}

function undecryptableMessage(keys: readonly SecretSettingPath[]): string {
  const names = keys.map((key) => SECRET_LABELS[key])
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
  return `The saved ${list} could not be decrypted (the system keyring was reset, or the file comes from another user account): re-enter your ${list}.`
}
