import type { IntegrationMeta } from '../../core/integrations/contract.js'
import { describeIntegrations } from '../../core/integrations/descriptors.js'
import { integrations as registered } from '../../core/integrations/registry.js'
import { secretSettingPaths, secretValue, withSecrets } from '../../core/integrations/secret-paths.js'
import { ConfigError } from '../../core/errors.js'
import type { IntegrationDescriptor } from '../../shared/ipc/integration-descriptor.js'
import type { SettingsUpdateResult, SettingsView } from '../../shared/ipc/payloads.js'
import { toSettingsView } from '../../shared/ipc/settings-view.js'
import { parseIntegrationSecretPath, type SecretSettingPath, type Settings } from '../../shared/settings.js'
import { applySettingsPatch, type SettingsChange } from './apply-patch.js'
import type { KeyValueStore } from './key-value-store.js'
import type { SettingsRecovery } from './open-settings-file.js'
import {
  integrationReenterMessage,
  integrationSecrets,
  integrationTarget,
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
  private readonly secretPaths: readonly SecretSettingPath[]
  private readonly descriptors: IntegrationDescriptor[]

  /** `integrations`: the registry (a test passes its own); it decides which fields exist and which are secret. */
  constructor(
    private readonly store: KeyValueStore,
    private readonly vault: SecretVault,
    initial: Settings,
    private readonly recovery: SettingsRecovery | null,
    private readonly integrations: readonly IntegrationMeta[] = registered,
  ) {
    this.plain = initial
    this.secretPaths = secretSettingPaths(integrations)
    this.descriptors = describeIntegrations(integrations)
  }

  read(): Settings {
    return withSecrets(this.plain, this.vault.values(), this.secretPaths)
  }

  /** The integrations as the settings window draws them (`integrations:describe`). */
  describeIntegrations(): IntegrationDescriptor[] {
    return this.descriptors
  }

  view(): SettingsView {
    const view = toSettingsView(this.read(), this.descriptors)
    return {
      ...view,
      hasPassword: view.secretsSet['unifi.password'],
      hasApiKey: view.secretsSet['unifi.apiKey'],
      secretStorage: this.vault.describe(),
      recovery: this.recovery,
      secretAlerts: this.secretAlerts(),
    }
  }

  getRecovery(): SettingsRecovery | null {
    return this.recovery
  }

  update(patch: SettingsChange): SettingsUpdateResult {
    const outcome = applySettingsPatch(this.plain, patch, this.integrations)
    if (!outcome.ok) return { saved: false, fieldErrors: outcome.fieldErrors, settings: this.view() }
    // Before saving: listeners (the runtime's immediate probe) must never see the new target with the old secret.
    this.unbindSecrets(unifiTarget(this.plain.unifi) !== unifiTarget(outcome.settings.unifi), 'unifi', UNIFI_SECRETS)
    for (const integration of this.integrations) {
      const moved = integrationTarget(integration, this.plain) !== integrationTarget(integration, outcome.settings)
      this.unbindSecrets(moved, integration.id, integrationSecrets(integration))
    }
    this.savePlain(outcome.settings)
    return { saved: true, settings: this.view() }
  }

  /** Raises a banner for secrets the admin must enter again (an unreadable secret store at start). */
  alert(id: string, message: string, keys: readonly SecretSettingPath[]): void {
    this.alerts.set(id, { message, keys })
  }

  setSecret(key: SecretSettingPath, value: string): SettingsView {
    this.requireKnown(key)
    this.vault.set(key, value)
    for (const [id, alert] of this.alerts) if (alert.keys.includes(key)) this.alerts.delete(id)
    return this.changed()
  }

  clearSecret(key: SecretSettingPath): SettingsView {
    this.requireKnown(key)
    this.vault.clear(key)
    return this.changed()
  }

  setSessionOnly(enabled: boolean): SettingsView {
    this.vault.setSessionOnly(enabled)
    return this.changed()
  }

  /** Replaces everything, secrets included (a reset, or a test arranging its scenario). */
  replace(settings: Settings): void {
    const secrets = this.secretsIn(settings)
    for (const key of this.secretPaths) {
      const value = secrets[key]
      if (value === undefined) this.vault.clear(key)
      else this.vault.set(key, value)
    }
    this.savePlain(withSecrets(settings, {}, this.secretPaths))
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
      alerts.push({ id: 'secrets-undecryptable', message: undecryptableMessage(unreadable, this.integrations) })
    }
    return alerts
  }

  private unbindSecrets(moved: boolean, group: string, keys: readonly SecretSettingPath[]): void {
    if (!moved || keys.length === 0) return
    const stored = this.vault.values()
    if (!keys.some((key) => stored[key] !== undefined)) return
    for (const key of keys) this.vault.clear(key)
    const integration = this.integrations.find((candidate) => candidate.id === group)
    this.alerts.set(`secrets-reenter-${group}`, {
      message: integration ? integrationReenterMessage(integration) : UNIFI_REENTER,
      keys,
    })
  }

  private requireKnown(key: SecretSettingPath): void {
    if (!this.vault.knows(key)) {
      throw new ConfigError(`There is no secret setting called "${key}".`, undefined, { code: 'UNKNOWN_SECRET' })
    }
  }

  private secretsIn(settings: Settings): Partial<Record<SecretSettingPath, string>> {
    const found: Partial<Record<SecretSettingPath, string>> = {}
    for (const key of this.secretPaths) {
      const value = secretValue(settings, key)
      if (value !== undefined) found[key] = value
    }
    return found
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

const UNIFI_SECRET_LABELS: Record<string, string> = {
  'unifi.password': 'UniFi password',
  'unifi.apiKey': 'UniFi API key',
}

function secretLabel(key: SecretSettingPath, integrations: readonly IntegrationMeta[]): string {
  const unifi = UNIFI_SECRET_LABELS[key]
  if (unifi !== undefined) return unifi
  const parsed = parseIntegrationSecretPath(key)
  const integration = integrations.find((candidate) => candidate.id === parsed?.id)
  const field = integration?.fields.find((candidate) => candidate.key === parsed?.key)
  return integration && field ? `${integration.displayName} ${field.label}` : key
}

function undecryptableMessage(keys: readonly SecretSettingPath[], integrations: readonly IntegrationMeta[]): string {
  const names = keys.map((key) => secretLabel(key, integrations))
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
  return `The saved ${list} could not be decrypted (the system keyring was reset, or the file comes from another user account): re-enter your ${list}.`
}
