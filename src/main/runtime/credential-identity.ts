import { createHash } from 'node:crypto'
import type { AnyIntegration } from '../../core/integrations/contract.js'
import { storedValues } from '../../core/integrations/values.js'
import type { Settings } from '../../shared/settings.js'

/**
 * A digest of the settings an integration connects with, to tell "its credentials changed" from "something
 * else changed": its own values, plus the UniFi connection for an integration that requires it (requirements
 * are what lies outside an integration's own settings). Hashed so no secret is kept around as a comparable
 * string.
 */
export function credentialIdentity(integration: Pick<AnyIntegration, 'id' | 'requires'>, settings: Settings): string {
  const own = storedValues(settings, integration.id)
  const outside = (integration.requires ?? []).length > 0 ? settings.unifi : null
  return createHash('sha256').update(JSON.stringify({ own, outside })).digest('hex')
}
