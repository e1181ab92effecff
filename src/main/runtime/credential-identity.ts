import { createHash } from 'node:crypto'
import type { Settings } from '../../shared/settings.js'

/** The settings an integration's credentials live in: CyberSecure rides on the UniFi connection. */
const SECTION_OF: Record<string, (settings: Settings) => unknown> = {
  cloudflare: (settings) => settings.cloudflare,
  cybersecure: (settings) => settings.unifi,
}

/**
 * A digest of the settings an integration connects with, to tell "its credentials changed" from "something
 * else changed". Hashed so no secret is kept around as a comparable string.
 */
export function credentialIdentity(integrationId: string, settings: Settings): string {
  const section = (SECTION_OF[integrationId] ?? ((all: Settings) => all))(settings)
  return createHash('sha256').update(JSON.stringify(section)).digest('hex')
}
