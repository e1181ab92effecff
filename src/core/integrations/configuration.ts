/**
 * Detection by credentials alone: an integration is not configured when none of its fields has a
 * stored value, partial when something is set but a required field is missing, and configured when every required
 * field is set. Whether a field is set is read from its stored value (see `hasStoredValue`); requirements outside
 * the integration's own settings count like required fields. There is deliberately no "enabled" flag: entering
 * the credentials is the switch.
 */
import type { Settings } from '../../shared/settings.js'
import type { ConfigurationState } from '../../shared/integration-status.js'
import type { Logger } from '../logger.js'
import type { AnyIntegration, IntegrationRequirement } from './contract.js'
import { hasStoredValue, storedValues } from './values.js'

export interface ConfigurationCheck {
  state: ConfigurationState
  /** Keys of the required fields without a value; empty unless `partial`. */
  missing: string[]
}

/** What the configuration check reads of an integration. */
export type Configurable = Pick<AnyIntegration, 'id' | 'fields' | 'requires'>

export function checkConfiguration(integration: Configurable, settings: Settings): ConfigurationCheck {
  const stored = storedValues(settings, integration.id)
  const counted = integration.fields.filter((field) => field.kind !== 'number' && field.kind !== 'boolean')
  const entries = [
    ...counted.map((field) => ({
      key: field.key,
      required: field.required,
      set: hasStoredValue(field, Object.hasOwn(stored, field.key) ? stored[field.key] : undefined),
    })),
    ...(integration.requires ?? []).map((requirement) => ({
      key: requirement.key,
      required: true,
      set: isMet(requirement, settings),
    })),
  ]
  // An integration with nothing to enter (tuning only, or nothing at all) has nothing to wait for.
  if (entries.length === 0) return { state: 'configured', missing: [] }
  if (!entries.some((entry) => entry.set)) return { state: 'not-configured', missing: [] }
  const missing = entries.filter((entry) => entry.required && !entry.set).map((entry) => entry.key)
  return missing.length > 0 ? { state: 'partial', missing } : { state: 'configured', missing: [] }
}

/** A throwing `isMet` is a bug of that integration; treating it as unmet keeps the others running. */
function isMet(requirement: IntegrationRequirement, settings: Settings): boolean {
  try {
    return requirement.isMet(settings)
  } catch {
    return false
  }
}

/** Labels of the missing fields for messages, e.g. `API token, account ID` (never values). */
export function missingLabels(integration: AnyIntegration, missing: readonly string[]): string {
  const labels = [...integration.fields, ...(integration.requires ?? [])]
  return missing.map((key) => labels.find((entry) => entry.key === key)?.label ?? key).join(', ')
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
