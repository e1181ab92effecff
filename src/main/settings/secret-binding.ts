/**
 * Which upstream a stored secret belongs to. A secret is only ever sent to the origin (scheme, host, port) and
 * the trust (pinned fingerprint or CA file) it was saved with: when either changes, the stored secret no longer
 * applies — saving the change clears it, and a draft test aimed elsewhere must bring its own.
 */
import { parseControllerAddress } from '../../core/unifi/address.js'
import type { IntegrationMeta } from '../../core/integrations/contract.js'
import { integrationSecretPaths } from '../../core/integrations/secret-paths.js'
import { storedValues } from '../../core/integrations/values.js'
import { DEFAULT_SMTP_PORT } from '../../core/delivery/send-email.js'
import type { EmailDeliverySettings, SecretSettingPath, Settings, UnifiSettings } from '../../shared/settings.js'

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

/**
 * An integration's secrets belong to the origins of its `url` fields (unset: the integration's built-in
 * address, written `default`). Without a `url` field its secrets are bound to nothing and never cleared.
 */
export function integrationTarget(integration: Pick<IntegrationMeta, 'id' | 'fields'>, settings: Settings): string {
  const stored = storedValues(settings, integration.id)
  return integration.fields
    .filter((field) => field.kind === 'url')
    .map((field) => {
      const value = Object.hasOwn(stored, field.key) ? stored[field.key] : undefined
      if (typeof value !== 'string' || value.trim() === '') return `${field.key}=default`
      try {
        return `${field.key}=${new URL(value).origin}`
      } catch {
        return `${field.key}=unusable:${value}`
      }
    })
    .join(' ')
}

export function integrationSecrets(integration: Pick<IntegrationMeta, 'id' | 'fields'>): readonly SecretSettingPath[] {
  return integrationSecretPaths([integration])
}

/** The banner after an integration's address changed and its stored secrets were removed. */
export function integrationReenterMessage(integration: Pick<IntegrationMeta, 'displayName' | 'fields'>): string {
  const urls = integration.fields.filter((field) => field.kind === 'url').map((field) => field.label)
  const secrets = integration.fields.filter((field) => field.kind === 'secret').map((field) => field.label)
  const secretList = joinAnd(secrets)
  const one = secrets.length === 1
  return `The ${integration.displayName} ${joinAnd(urls)} changed, so the saved ${secretList} ${one ? 'was' : 'were'} removed (${one ? 'it is' : 'they are'} only ever sent to the address ${one ? 'it was' : 'they were'} saved for): re-enter the ${secretList}.`
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

export const UNIFI_SECRETS: readonly SecretSettingPath[] = ['unifi.password', 'unifi.apiKey']
export const UNIFI_REENTER =
  'The UniFi controller address or certificate trust changed, so the saved password and API key were removed (they are only ever sent to the console they were saved for): re-enter your password or API key.'

/**
 * The SMTP password belongs to the mail server (host, port, TLS mode) and the trust (CA file) it was saved for;
 * null while email is not configured.
 */
export function emailTarget(email: EmailDeliverySettings | undefined): string | null {
  if (!email) return null
  const port = email.port ?? DEFAULT_SMTP_PORT[email.tls]
  return `${email.host.toLowerCase()}:${port} tls=${email.tls} ca=${email.caFile ?? ''}`
}

/** A webhook's signing secret belongs to the origin of its URL; null without a URL or with an unusable one. */
export function webhookOrigin(url: string | undefined): string | null {
  if (url === undefined) return null
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}

export const EMAIL_REENTER =
  'The mail server (host, port, TLS mode or CA file) changed, so the saved SMTP password was removed (it is only ever sent to the server it was saved for): re-enter the SMTP password.'

export function webhookReenterMessage(label: string): string {
  return `The address of ${label} moved to another server, so its saved signing secret was removed (it is only ever sent to the server it was saved for): re-enter the signing secret.`
}
