/**
 * The delivery channels the settings configure: the email channel and each webhook, with a stable key (for the
 * breaker and the pending file), a label for messages (a webhook's URL is a secret, so never the URL), and the
 * breaker policy: the global `breaker` settings with the channel's own values over them.
 */
import {
  breakerPolicySchema,
  type BreakerPolicy,
  type ChannelPolicy,
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

export type DeliveryChannel =
  | { kind: 'email'; key: 'email'; label: string; policy: BreakerPolicy; email: EmailDeliverySettings }
  | { kind: 'webhook'; key: string; label: string; policy: BreakerPolicy; webhook: WebhookDeliverySettings }

export function configuredChannels(settings: Settings): DeliveryChannel[] {
  const channels: DeliveryChannel[] = []
  const email = settings.delivery.email
  if (email)
    channels.push({
      kind: 'email',
      key: 'email',
      label: 'Email',
      policy: channelPolicy(settings, email.breaker),
      email,
    })
  settings.delivery.webhooks.forEach((webhook, index) => {
    const key = webhook.name ?? `webhook-${index + 1}`
    channels.push({
      kind: 'webhook',
      key,
      label: `${FORMAT_NAMES[webhook.format]} webhook "${key}"`,
      policy: channelPolicy(settings, webhook.breaker),
      webhook,
    })
  })
  return channels
}

/** The channel's values over the global ones; a combination the schema refuses falls back to the global policy. */
export function channelPolicy(settings: Settings, own: ChannelPolicy): BreakerPolicy {
  if (!own) return { ...settings.breaker }
  const merged = breakerPolicySchema.safeParse({ ...settings.breaker, ...own })
  return merged.success ? merged.data : { ...settings.breaker }
}
