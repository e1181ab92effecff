import { ConfigError } from '../../core/errors.js'
import { SECRET_SETTING_PATHS, settingsSchema, type Settings, type SecretSettingPath } from '../../shared/settings.js'

export const CURRENT_SCHEMA_VERSION = 1

export interface MigratedSettings {
  /** Plain settings at the current schema version, secrets removed. */
  settings: Settings
  /** Secrets found in the plain file (written by hand or by an old version): to move into the vault. */
  extractedSecrets: Partial<Record<SecretSettingPath, string>>
  /** The version the file had; lower than current means it was migrated and should be written back. */
  fromVersion: number
}

type Document = Record<string, unknown>

/**
 * Upgrades one schema version to the next. Index = the version migrated from. Version 0 is a file without
 * `schemaVersion` (hand-written or pre-release): it held `unifi.verifyTls`, which the pinning model replaced, and
 * kept `report.outputFolder` under an older name.
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
]

/**
 * Pure: whatever was read from the settings file → current settings. Throws a ConfigError for a document that
 * is not an object, comes from a newer version, or fails validation; the caller treats that as corrupt.
 */
export function migrate(raw: unknown): MigratedSettings {
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
  return { ...withoutSecrets(parsed.data), fromVersion }
}

function withoutSecrets(settings: Settings): Omit<MigratedSettings, 'fromVersion'> {
  const extractedSecrets: Partial<Record<SecretSettingPath, string>> = {}
  const { password, apiKey, ...unifi } = settings.unifi
  const { apiToken, ...cloudflare } = settings.cloudflare
  const found: Record<SecretSettingPath, string | undefined> = {
    'unifi.password': password,
    'unifi.apiKey': apiKey,
    'cloudflare.apiToken': apiToken,
  }
  for (const key of SECRET_SETTING_PATHS) {
    const value = found[key]
    if (value !== undefined) extractedSecrets[key] = value
  }
  return {
    settings: {
      ...settings,
      unifi: { ...unifi, password: undefined, apiKey: undefined },
      cloudflare: { ...cloudflare, apiToken: undefined },
    },
    extractedSecrets,
  }
}

function asObject(value: unknown): Document {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Document) : {}
}
