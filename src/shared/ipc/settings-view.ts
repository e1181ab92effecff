/**
 * Builds the renderer's view of the settings. Secrets are dropped field by field (not by copying and deleting),
 * so a secret added to the schema later cannot leak by default: the UniFi view type would not compile without
 * it, and integration values are copied only for the fields an integration declares as not secret.
 */
import type { ChannelPolicy, IntegrationValue, Settings } from '../settings.js'
import type { IntegrationDescriptor } from './integration-descriptor.js'
import type { DeliveryView, SettingsView } from './payloads.js'

type Described = Pick<IntegrationDescriptor, 'id' | 'fields'>

export function toSettingsView(settings: Settings, integrations: readonly Described[]): SettingsView {
  const { password, apiKey, ...unifi } = settings.unifi
  const values: Record<string, Record<string, IntegrationValue>> = {}
  const secretsSet: SettingsView['secretsSet'] = {
    'unifi.password': isSet(password),
    'unifi.apiKey': isSet(apiKey),
  }
  for (const integration of integrations) {
    const stored = Object.hasOwn(settings.integrations, integration.id) ? settings.integrations[integration.id] : {}
    const visible: Record<string, IntegrationValue> = {}
    for (const field of integration.fields) {
      const value = stored && Object.hasOwn(stored, field.key) ? stored[field.key] : undefined
      if (field.kind === 'secret') secretsSet[`integrations.${integration.id}.${field.key}`] = isSet(value)
      else if (value !== undefined) visible[field.key] = value
    }
    values[integration.id] = visible
  }
  return {
    schemaVersion: settings.schemaVersion,
    unifi,
    integrations: values,
    breaker: settings.breaker,
    sources: settings.sources,
    report: settings.report,
    thresholds: settings.thresholds,
    delivery: deliveryView(settings.delivery),
    schedule: settings.schedule,
    secretsSet,
  }
}

function deliveryView(delivery: Settings['delivery']): DeliveryView {
  const email = delivery.email
  return {
    email: email
      ? {
          host: email.host,
          ...(email.port !== undefined ? { port: email.port } : {}),
          tls: email.tls,
          ...(email.username !== undefined ? { username: email.username } : {}),
          passwordSet: isSet(email.password),
          from: email.from,
          to: [...email.to],
          bcc: [...email.bcc],
          attachReport: email.attachReport,
          caFile: email.caFile ?? null,
          breaker: policyView(email.breaker),
        }
      : null,
    // The app gives every webhook an id when it is added or read from the file; '' only outside the app.
    webhooks: delivery.webhooks.map((webhook) => ({
      id: webhook.id ?? '',
      ...(webhook.name !== undefined ? { name: webhook.name } : {}),
      format: webhook.format,
      urlSet: isSet(webhook.url),
      secretSet: isSet(webhook.secret),
      breaker: policyView(webhook.breaker),
    })),
  }
}

function policyView(policy: ChannelPolicy): DeliveryView['webhooks'][number]['breaker'] {
  if (!policy) return {}
  const { failMax, resetTimeoutMs, timeoutMs } = policy
  return {
    ...(failMax !== undefined ? { failMax } : {}),
    ...(resetTimeoutMs !== undefined ? { resetTimeoutMs } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  }
}

function isSet(value: IntegrationValue | undefined): boolean {
  return typeof value === 'string' && value !== ''
}
