/**
 * The delivery channels the settings configure: the email channel and each webhook, with a stable key (for the
 * breaker and the pending file), a label for messages (a webhook's URL is a secret, so never the URL), and the
 * breaker policy: the global `breaker` settings with the channel's own values over them.
 */
import { ownPolicy } from '../integrations/policy.js'
import {
  type BreakerPolicy,
  type EmailDeliverySettings,
  type Settings,
  type WebhookDeliverySettings,
  type WebhookFormat,
} from '../../shared/settings.js'

const FORMAT_NAMES: Record<WebhookFormat, string> = {
  slack: 'Slack',
  teams: 'Microsoft Teams',
  discord: 'Discord',
  ntfy: 'ntfy',
  json: 'JSON',
}

/** A webhook that has its URL (in the app, the URL waits in the secret store until it is entered). */
export type ReadyWebhook = WebhookDeliverySettings & { url: string }

export type DeliveryChannel =
  | { kind: 'email'; key: 'email'; label: string; policy: BreakerPolicy; email: EmailDeliverySettings }
  | { kind: 'webhook'; key: string; label: string; policy: BreakerPolicy; webhook: ReadyWebhook }

/** A webhook listed in the settings that cannot be sent to yet: it has no URL. */
export interface IncompleteWebhook {
  key: string
  label: string
}

export function configuredChannels(settings: Settings): DeliveryChannel[] {
  const channels: DeliveryChannel[] = []
  const email = settings.delivery.email
  if (email)
    channels.push({
      kind: 'email',
      key: 'email',
      label: 'Email',
      policy: ownPolicy(settings, email.breaker),
      email,
    })
  settings.delivery.webhooks.forEach((webhook, index) => {
    if (webhook.url === undefined) return
    const { key, label } = webhookNames(webhook, index)
    channels.push({
      kind: 'webhook',
      key,
      label,
      policy: ownPolicy(settings, webhook.breaker),
      webhook: { ...webhook, url: webhook.url },
    })
  })
  return channels
}

export function incompleteWebhooks(settings: Settings): IncompleteWebhook[] {
  return settings.delivery.webhooks.flatMap((webhook, index) =>
    webhook.url === undefined ? [webhookNames(webhook, index)] : [],
  )
}

/**
 * A webhook's key names its breaker and its pending deliveries: its name, else its stable id (the app's
 * webhooks), else its place in the list (a config file's unnamed webhook).
 */
export function webhookNames(webhook: WebhookDeliverySettings, index: number): { key: string; label: string } {
  const key = webhook.name ?? webhook.id ?? `webhook-${index + 1}`
  const shown = webhook.name ?? `webhook-${index + 1}`
  return { key, label: `${FORMAT_NAMES[webhook.format]} webhook "${shown}"` }
}
