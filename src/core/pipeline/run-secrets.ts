import type { Settings } from '../../shared/settings.js'
import type { IntegrationMeta } from '../integrations/contract.js'
import { integrations as registered } from '../integrations/registry.js'
import { secretValues } from '../integrations/secret-paths.js'

/**
 * The secret values of one run's settings, for scrubbing anything that leaves the engine: the UniFi secrets and
 * every secret field of the given integrations (the registry unless told otherwise).
 */
export function runSecrets(settings: Settings, integrations: readonly IntegrationMeta[] = registered): string[] {
  return secretValues(settings, integrations)
}
