/**
 * Which settings are secrets, derived from the registry: the UniFi password and API key, and every
 * integration field of kind `secret` at `integrations.<id>.<key>`. The desktop secret store, the migrations,
 * the settings view and the scrubbing of run secrets all use this list.
 */
import {
  deliverySecretValues,
  integrationSecretPath,
  UNIFI_SECRET_PATHS,
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

export function secretSettingPaths(integrations: readonly WithFields[]): SecretSettingPath[] {
  return [...UNIFI_SECRET_PATHS, ...integrationSecretPaths(integrations)]
}

/** The secret at `path` in `settings`, when it holds a non-empty string. */
export function secretValue(settings: Settings, path: SecretSettingPath): string | undefined {
  if (path === 'unifi.password' || path === 'unifi.apiKey') {
    const value = path === 'unifi.password' ? settings.unifi.password : settings.unifi.apiKey
    return value === undefined || value === '' ? undefined : value
  }
  const [, id, key] = path.split('.')
  if (id === undefined || key === undefined || !Object.hasOwn(settings.integrations, id)) return undefined
  const entry = settings.integrations[id]
  const value: IntegrationValue | undefined = entry && Object.hasOwn(entry, key) ? entry[key] : undefined
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** Every secret value the settings hold, delivery's included (for scrubbing output as a last line of defence). */
export function secretValues(settings: Settings, integrations: readonly WithFields[]): string[] {
  return [
    ...secretSettingPaths(integrations)
      .map((path) => secretValue(settings, path))
      .filter((value): value is string => value !== undefined),
    ...deliverySecretValues(settings),
  ]
}

/**
 * The same settings with the given secret paths set (a value) or removed (undefined). Used where secrets are
 * kept apart from the plain settings (the desktop vault) and joined again for the engine.
 */
export function withSecrets(
  settings: Settings,
  secrets: Partial<Record<SecretSettingPath, string | undefined>>,
  paths: readonly SecretSettingPath[],
): Settings {
  const unifi = { ...settings.unifi }
  const integrations: Record<string, Record<string, IntegrationValue>> = {}
  for (const [id, entry] of Object.entries(settings.integrations)) integrations[id] = { ...entry }
  for (const path of paths) {
    const value = secrets[path]
    if (path === 'unifi.password' || path === 'unifi.apiKey') {
      unifi[path === 'unifi.password' ? 'password' : 'apiKey'] = value
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
  return { ...settings, unifi, integrations }
}
