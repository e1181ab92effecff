import type { IntegrationMeta } from '../../core/integrations/contract.js'
import { describeIntegrations } from '../../core/integrations/descriptors.js'
import { integrations as registered } from '../../core/integrations/registry.js'
import { webhookNames } from '../../core/delivery/channels.js'
import {
  allSecretPaths,
  deliverySecretPaths,
  secretSettingPaths,
  secretValue,
  withSecrets,
} from '../../core/integrations/secret-paths.js'
import { ConfigError } from '../../core/errors.js'
import type { IntegrationDescriptor } from '../../shared/ipc/integration-descriptor.js'
import type { SettingsUpdateResult, SettingsView } from '../../shared/ipc/payloads.js'
import { toSettingsView } from '../../shared/ipc/settings-view.js'
import { webhookUrlProblem } from '../../shared/url-rules.js'
import {
  EMAIL_PASSWORD_PATH,
  isDeliverySecretPath,
  parseIntegrationSecretPath,
  parseWebhookSecretPath,
  webhookSecretPath,
  type SecretSettingPath,
  type Settings,
} from '../../shared/settings.js'
import { applySettingsPatch, type SettingsChange } from './apply-patch.js'
import type { KeyValueStore } from './key-value-store.js'
import type { SettingsRecovery } from './open-settings-file.js'
import {
  EMAIL_REENTER,
  emailTarget,
  webhookOrigin,
  webhookReenterMessage,
  integrationReenterMessage,
  integrationSecrets,
  integrationTarget,
  UNIFI_REENTER,
  UNIFI_SECRETS,
  unifiTarget,
} from './secret-binding.js'
import type { SecretVault } from './secret-vault.js'
import type { SettingsSource } from './settings-source.js'
import { newWebhookId, withWebhookIds } from './webhook-ids.js'

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
    private readonly newId: () => string = newWebhookId,
  ) {
    this.plain = withWebhookIds(initial, newId).settings
    this.secretPaths = secretSettingPaths(integrations)
    this.descriptors = describeIntegrations(integrations)
  }

  read(): Settings {
    return withSecrets(this.plain, this.vault.values(), allSecretPaths(this.plain, this.integrations))
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
    const outcome = applySettingsPatch(this.plain, patch, this.integrations, this.newId)
    if (!outcome.ok) return { saved: false, fieldErrors: outcome.fieldErrors, settings: this.view() }
    this.unbindDelivery(this.plain, outcome.settings)
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
    const webhook = parseWebhookSecretPath(key)
    if (webhook?.key === 'url') this.setWebhookUrl(webhook.id, value)
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
  replace(input: Settings): void {
    const settings = withWebhookIds(input, this.newId).settings
    const paths = allSecretPaths(settings, this.integrations)
    const secrets = this.secretsIn(settings, paths)
    const stale = Object.keys(this.vault.values()).filter(isDeliverySecretPath)
    for (const key of new Set([...this.secretPaths, ...stale, ...paths])) {
      const value = secrets[key]
      if (value === undefined) this.vault.clear(key)
      else this.vault.set(key, value)
    }
    this.savePlain(withSecrets(settings, {}, paths))
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

  /**
   * Before a saved channel changes: the SMTP password goes when the mail server or its trust changes (with a
   * banner) or email is removed; the secrets of a removed webhook go with it.
   */
  private unbindDelivery(before: Settings, after: Settings): void {
    const was = emailTarget(before.delivery.email)
    const now = emailTarget(after.delivery.email)
    if (was !== now && this.vault.values()[EMAIL_PASSWORD_PATH] !== undefined) {
      this.vault.clear(EMAIL_PASSWORD_PATH)
      if (now !== null)
        this.alerts.set('secrets-reenter-email', { message: EMAIL_REENTER, keys: [EMAIL_PASSWORD_PATH] })
    }
    if (now === null) this.alerts.delete('secrets-reenter-email')
    const kept = new Set(after.delivery.webhooks.map((webhook) => webhook.id))
    for (const webhook of before.delivery.webhooks) {
      if (webhook.id === undefined || kept.has(webhook.id)) continue
      this.vault.clear(webhookSecretPath(webhook.id, 'url'))
      this.vault.clear(webhookSecretPath(webhook.id, 'secret'))
      this.alerts.delete(`secrets-reenter-webhook-${webhook.id}`)
    }
  }

  /** A webhook URL must pass the URL rules; one on another origin takes the stored signing secret away. */
  private setWebhookUrl(id: string, url: string): void {
    const problem = webhookUrlProblem(url.trim())
    if (problem) {
      throw new ConfigError(`The webhook URL ${problem}.`, undefined, { code: 'WEBHOOK_URL_INVALID' })
    }
    const stored = this.vault.values()
    const before = webhookOrigin(stored[webhookSecretPath(id, 'url')])
    const secretPath = webhookSecretPath(id, 'secret')
    if (before === null || before === webhookOrigin(url.trim()) || stored[secretPath] === undefined) return
    this.vault.clear(secretPath)
    const index = this.plain.delivery.webhooks.findIndex((webhook) => webhook.id === id)
    const webhook = this.plain.delivery.webhooks[index]
    const label = webhook ? webhookNames(webhook, index).label : 'the webhook'
    this.alerts.set(`secrets-reenter-webhook-${id}`, { message: webhookReenterMessage(label), keys: [secretPath] })
  }

  private requireKnown(key: SecretSettingPath): void {
    if (isDeliverySecretPath(key)) {
      if (deliverySecretPaths(this.plain).includes(key)) return
      const what = key === EMAIL_PASSWORD_PATH ? 'Save the email settings first.' : 'Save the webhook first.'
      throw new ConfigError(`There is no delivery channel for the secret "${key}". ${what}`, undefined, {
        code: 'UNKNOWN_SECRET',
      })
    }
    if (!this.vault.knows(key)) {
      throw new ConfigError(`There is no secret setting called "${key}".`, undefined, { code: 'UNKNOWN_SECRET' })
    }
  }

  private secretsIn(
    settings: Settings,
    paths: readonly SecretSettingPath[],
  ): Partial<Record<SecretSettingPath, string>> {
    const found: Partial<Record<SecretSettingPath, string>> = {}
    for (const key of paths) {
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
  if (key === EMAIL_PASSWORD_PATH) return 'SMTP password'
  const webhook = parseWebhookSecretPath(key)
  if (webhook) return webhook.key === 'url' ? 'webhook URL' : 'webhook signing secret'
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
