/**
 * Detection by credentials alone: an integration is not configured when none of its fields has a
 * value, partial when something is set but a required field is missing, and configured when every required
 * field is set. There is deliberately no "enabled" flag: entering the credentials is the switch.
 */
import type { Settings } from '../../shared/settings.js'
import type { ConfigurationState } from '../../shared/integration-status.js'
import type { Logger } from '../logger.js'
import type { AnyIntegration, CredentialField } from './contract.js'

export interface ConfigurationCheck {
  state: ConfigurationState
  /** Keys of the required fields without a value; empty unless `partial`. */
  missing: string[]
}

export function checkConfiguration(fields: readonly CredentialField[], settings: Settings): ConfigurationCheck {
  // An integration without own fields rides on something else (e.g. the UniFi session) and decides in fetch().
  if (fields.length === 0) return { state: 'configured', missing: [] }
  const set = fields.filter((field) => isFieldSet(field, settings))
  if (set.length === 0) return { state: 'not-configured', missing: [] }
  const missing = fields.filter((field) => field.required && !set.includes(field)).map((field) => field.key)
  return missing.length > 0 ? { state: 'partial', missing } : { state: 'configured', missing: [] }
}

/** A throwing `isSet` is a bug of that integration; treating the field as unset keeps the others running. */
function isFieldSet(field: CredentialField, settings: Settings): boolean {
  try {
    return field.isSet(settings)
  } catch {
    return false
  }
}

/** Labels of the missing fields for messages, e.g. `API token, account ID` (never values). */
export function missingLabels(integration: AnyIntegration, missing: readonly string[]): string {
  return missing.map((key) => integration.fields.find((field) => field.key === key)?.label ?? key).join(', ')
}

export function partialMessage(integration: AnyIntegration, missing: readonly string[]): string {
  return `${integration.displayName}: skipped, the settings are incomplete (missing: ${missingLabels(integration, missing)}).`
}

/**
 * Warns once per distinct partial configuration: a scheduler or the desktop app re-running every hour does not
 * repeat the same warning, but the warning comes back when the missing set changes. Not configured is silent.
 */
export class PartialConfigWarner {
  private readonly warned = new Map<string, string>()

  constructor(private readonly logger: Logger) {}

  observe(integration: AnyIntegration, check: ConfigurationCheck): void {
    if (check.state !== 'partial') {
      this.warned.delete(integration.id)
      return
    }
    const key = check.missing.join(',')
    if (this.warned.get(integration.id) === key) return
    this.warned.set(integration.id, key)
    this.logger.warn(partialMessage(integration, check.missing), {
      integration: integration.id,
      missing: key,
    })
  }
}
