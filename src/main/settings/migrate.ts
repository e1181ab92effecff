import { ConfigError } from '../../core/errors.js'
import type { IntegrationMeta } from '../../core/integrations/contract.js'
import { integrations as registered } from '../../core/integrations/registry.js'
import { allSecretPaths, secretValue, withSecrets } from '../../core/integrations/secret-paths.js'
import { integrationIssues } from '../../core/integrations/values.js'
import { liftLegacyIntegrationSections } from '../../shared/settings-legacy.js'
import {
  SETTINGS_SCHEMA_VERSION,
  settingsSchema,
  type Settings,
  type SecretSettingPath,
} from '../../shared/settings.js'

import { newWebhookId, withWebhookIds } from './webhook-ids.js'

export const CURRENT_SCHEMA_VERSION = SETTINGS_SCHEMA_VERSION

export interface MigratedSettings {
  /** Plain settings at the current schema version, secrets removed. */
  settings: Settings
  /** Secrets found in the plain file (written by hand or by an old version): to move into the vault. */
  extractedSecrets: Partial<Record<SecretSettingPath, string>>
  /** The version the file had; lower than current means it was migrated and should be written back. */
  fromVersion: number
  /** Webhooks without an id got one (a hand-written file): the file should be written back. */
  assignedIds: boolean
}

type Document = Record<string, unknown>

/**
 * Upgrades one schema version to the next. Index = the version migrated from. Version 0 is a file without
 * `schemaVersion` (hand-written or pre-release): it held `unifi.verifyTls`, which the pinning model replaced, and
 * kept `report.outputFolder` under an older name. Version 1 kept Cloudflare in a top-level `cloudflare` section,
 * which is `integrations.cloudflare` now (its stored token moves in the secret store too: see
 * `migrateLegacySecrets`).
 */
const STEPS: ReadonlyArray<(document: Document) => Document> = [
  (document) => {
    const unifi = asObject(document['unifi'])
    const report = asObject(document['report'])
    const { verifyTls: _dropped, ...unifiRest } = unifi
    const { outputFolder, ...reportRest } = report
    return {
      ...document,
      unifi: unifiRest,
      report: outputFolder === undefined ? reportRest : { outputDir: outputFolder, ...reportRest },
      schemaVersion: 1,
    }
  },
  (document) => ({ ...liftLegacyIntegrationSections(document).document, schemaVersion: 2 }),
]

/**
 * Pure: whatever was read from the settings file → current settings. Throws a ConfigError for a document that
 * is not an object, comes from a newer version, or fails validation; the caller treats that as corrupt.
 */
export function migrate(
  raw: unknown,
  integrations: readonly IntegrationMeta[] = registered,
  newId: () => string = newWebhookId,
): MigratedSettings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError('The settings file does not hold a settings object.')
  }
  let document: Document = { ...(raw as Document) }
  const declared = document['schemaVersion']
  const fromVersion = declared === undefined ? 0 : declared
  if (typeof fromVersion !== 'number' || !Number.isInteger(fromVersion) || fromVersion < 0) {
    throw new ConfigError('The settings file has an invalid schemaVersion.')
  }
  if (fromVersion > CURRENT_SCHEMA_VERSION) {
    throw new ConfigError(
      `The settings file was written by a newer UniFi Scanner (schema ${fromVersion}); this version understands schema ${CURRENT_SCHEMA_VERSION}.`,
    )
  }
  for (let version = fromVersion; version < CURRENT_SCHEMA_VERSION; version += 1) {
    document = STEPS[version]!(document)
  }
  const parsed = settingsSchema.safeParse(document)
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.') || 'settings').join(', ')
    throw new ConfigError(`The settings file has invalid values (${where}).`, undefined, { cause: parsed.error })
  }
  const issues = integrationIssues(integrations, parsed.data.integrations)
  if (issues.length > 0) {
    throw new ConfigError(`The settings file has invalid values (${issues.map((issue) => issue.path).join(', ')}).`)
  }
  // Every webhook needs its stable id before its URL and secret can move to their secret paths.
  const identified = withWebhookIds(parsed.data, newId)
  return {
    ...withoutSecrets(identified.settings, allSecretPaths(identified.settings, integrations)),
    fromVersion,
    assignedIds: identified.changed,
  }
}

function withoutSecrets(
  settings: Settings,
  paths: readonly SecretSettingPath[],
): Pick<MigratedSettings, 'settings' | 'extractedSecrets'> {
  const extractedSecrets: Partial<Record<SecretSettingPath, string>> = {}
  for (const path of paths) {
    const value = secretValue(settings, path)
    if (value !== undefined) extractedSecrets[path] = value
  }
  return { settings: withSecrets(settings, {}, paths), extractedSecrets }
}

function asObject(value: unknown): Document {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Document) : {}
}
