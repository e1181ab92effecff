/**
 * Which upstream a stored secret belongs to. A secret is only ever sent to the origin (scheme, host, port) and
 * the trust (pinned fingerprint or CA file) it was saved with: when either changes, the stored secret no longer
 * applies — saving the change clears it, and a draft test aimed elsewhere must bring its own.
 */
import { parseControllerAddress } from '../../core/unifi/address.js'
import { DEFAULT_CLOUDFLARE_API_URL } from '../../core/integrations/cloudflare/client.js'
import type { CloudflareSettings, SecretSettingPath, UnifiSettings } from '../../shared/settings.js'

export type UnifiTarget = Pick<UnifiSettings, 'url' | 'tlsFingerprint' | 'caFile'>

/** UniFi consoles are always reached over https; without a port the probe list applies (written `*`). */
export function unifiTarget(unifi: UnifiTarget): string {
  let origin: string
  try {
    const address = parseControllerAddress(unifi.url)
    origin = `https://${address.host.toLowerCase()}:${address.port ?? '*'}`
  } catch {
    origin = `unusable:${unifi.url ?? ''}`
  }
  return `${origin} pin=${unifi.tlsFingerprint ?? ''} ca=${unifi.caFile ?? ''}`
}

export function cloudflareTarget(cloudflare: Pick<CloudflareSettings, 'apiUrl'>): string {
  try {
    return new URL(cloudflare.apiUrl ?? DEFAULT_CLOUDFLARE_API_URL).origin
  } catch {
    return `unusable:${cloudflare.apiUrl ?? ''}`
  }
}

export const UNIFI_SECRETS: readonly SecretSettingPath[] = ['unifi.password', 'unifi.apiKey']
export const CLOUDFLARE_SECRETS: readonly SecretSettingPath[] = ['cloudflare.apiToken']

export const UNIFI_REENTER =
  'The UniFi controller address or certificate trust changed, so the saved password and API key were removed (they are only ever sent to the console they were saved for): re-enter your password or API key.'
export const CLOUDFLARE_REENTER =
  'The Cloudflare API URL changed, so the saved API token was removed (it is only ever sent to the API it was saved for): re-enter your token.'
