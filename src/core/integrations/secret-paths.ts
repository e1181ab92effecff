/**
 * Which settings are secrets, in one place: the UniFi password and API key, every integration field of kind
 * `secret` at `integrations.<id>.<key>` (derived from the registry), and the delivery channels' secrets — the
 * SMTP password at `delivery.email.password` and each webhook's URL and signing secret at
 * `delivery.webhooks.<id>.url|secret` (derived from the configured webhooks, by their stable ids). The desktop
 * secret store, the migrations, the settings view and the scrubbing of run secrets all use these lists.
 */
import {
  EMAIL_PASSWORD_PATH,
  integrationSecretPath,
  parseWebhookSecretPath,
  UNIFI_SECRET_PATHS,
  webhookSecretPath,
  type IntegrationValue,
  type SecretSettingPath,
  type Settings,
} from '../../shared/settings.js'
import type { IntegrationField } from './contract.js'

type WithFields = { readonly id: string; readonly fields: readonly IntegrationField[] }

export function integrationSecretPaths(integrations: readonly WithFields[]): SecretSettingPath[] {
  return integrations.flatMap((integration) =>
    integration.fields
      .filter((field) => field.kind === 'secret')
      .map((field) => integrationSecretPath(integration.id, field.key)),
  )
}

/** The secrets every install may have, whatever is configured: UniFi's and the registry's. */
export function secretSettingPaths(integrations: readonly WithFields[]): SecretSettingPath[] {
  return [...UNIFI_SECRET_PATHS, ...integrationSecretPaths(integrations)]
}

/**
 * The delivery secrets the settings can hold: the SMTP password while email is configured, and the URL and
 * signing secret of every webhook that has an id (a hand-written config file's webhook without one has none;
 * its values are still scrubbed, see `secretValues`).
 */
export function deliverySecretPaths(settings: Settings): SecretSettingPath[] {
  const paths: SecretSettingPath[] = settings.delivery.email ? [EMAIL_PASSWORD_PATH] : []
  for (const webhook of settings.delivery.webhooks) {
    if (webhook.id !== undefined)
      paths.push(webhookSecretPath(webhook.id, 'url'), webhookSecretPath(webhook.id, 'secret'))
  }
  return paths
}

/** Every secret path of these settings: the fixed ones and the configured delivery channels'. */
export function allSecretPaths(settings: Settings, integrations: readonly WithFields[]): SecretSettingPath[] {
  return [...secretSettingPaths(integrations), ...deliverySecretPaths(settings)]
}

/** The secret at `path` in `settings`, when it holds a non-empty string. */
export function secretValue(settings: Settings, path: SecretSettingPath): string | undefined {
  if (path === 'unifi.password' || path === 'unifi.apiKey') {
    return nonEmpty(path === 'unifi.password' ? settings.unifi.password : settings.unifi.apiKey)
  }
  if (path === EMAIL_PASSWORD_PATH) return nonEmpty(settings.delivery.email?.password)
  const webhook = parseWebhookSecretPath(path)
  if (webhook) {
    const found = settings.delivery.webhooks.find((candidate) => candidate.id === webhook.id)
    return nonEmpty(found?.[webhook.key])
  }
  const [, id, key] = path.split('.')
  if (id === undefined || key === undefined || !Object.hasOwn(settings.integrations, id)) return undefined
  const entry = settings.integrations[id]
  const value: IntegrationValue | undefined = entry && Object.hasOwn(entry, key) ? entry[key] : undefined
  return typeof value === 'string' ? nonEmpty(value) : undefined
}

/**
 * Every secret value the settings hold (for scrubbing output as a last line of defence), delivery's included,
 * also those of webhooks without an id.
 */
export function secretValues(settings: Settings, integrations: readonly WithFields[]): string[] {
  const values = allSecretPaths(settings, integrations).map((path) => secretValue(settings, path))
  for (const webhook of settings.delivery.webhooks) {
    if (webhook.id === undefined) values.push(nonEmpty(webhook.url), nonEmpty(webhook.secret))
  }
  return [...new Set(values.filter((value): value is string => value !== undefined))]
}

/**
 * The same settings with the given secret paths set (a value) or removed (undefined). Used where secrets are
 * kept apart from the plain settings (the desktop vault) and joined again for the engine. A delivery path of a
 * channel the settings do not have (no email, no webhook with that id) has nowhere to go and is ignored.
 */
export function withSecrets(
  settings: Settings,
  secrets: Partial<Record<SecretSettingPath, string | undefined>>,
  paths: readonly SecretSettingPath[],
): Settings {
  const unifi = { ...settings.unifi }
  const integrations: Record<string, Record<string, IntegrationValue>> = {}
  for (const [id, entry] of Object.entries(settings.integrations)) integrations[id] = { ...entry }
  let email = settings.delivery.email ? { ...settings.delivery.email } : undefined
  const webhooks = settings.delivery.webhooks.map((webhook) => ({ ...webhook }))
  for (const path of paths) {
    const value = secrets[path]
    if (path === 'unifi.password' || path === 'unifi.apiKey') {
      unifi[path === 'unifi.password' ? 'password' : 'apiKey'] = value
      continue
    }
    if (path === EMAIL_PASSWORD_PATH) {
      if (email) email = withOptional(email, 'password', value)
      continue
    }
    const target = parseWebhookSecretPath(path)
    if (target) {
      const index = webhooks.findIndex((webhook) => webhook.id === target.id)
      if (index >= 0) webhooks[index] = withOptional(webhooks[index]!, target.key, value)
      continue
    }
    const [, id, key] = path.split('.')
    if (id === undefined || key === undefined) continue
    const entry = integrations[id] ?? {}
    if (value === undefined) delete entry[key]
    else entry[key] = value
    if (Object.keys(entry).length > 0) integrations[id] = entry
    else delete integrations[id]
  }
  const delivery = { ...settings.delivery, webhooks, ...(email ? { email } : {}) }
  if (!email) delete delivery.email
  return { ...settings, unifi, integrations, delivery }
}

function withOptional<T extends object, K extends string>(target: T, key: K, value: string | undefined): T {
  const copy: Record<string, unknown> = { ...(target as Record<string, unknown>) }
  if (value === undefined) delete copy[key]
  else copy[key] = value
  return copy as T
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value
}
