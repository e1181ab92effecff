import { randomBytes } from 'node:crypto'
import type { Settings } from '../../shared/settings.js'

/** A new webhook's stable id: 12 lower-case hex digits, the part of its secret paths that never changes. */
export function newWebhookId(): string {
  return randomBytes(6).toString('hex')
}

/**
 * The settings with an id for every webhook that has none (a hand-written config file's), so each one's URL and
 * secret get a secret path of their own. `changed` says whether any id was given.
 */
export function withWebhookIds(
  settings: Settings,
  newId: () => string = newWebhookId,
): { settings: Settings; changed: boolean } {
  if (settings.delivery.webhooks.every((webhook) => webhook.id !== undefined)) return { settings, changed: false }
  const taken = new Set(settings.delivery.webhooks.map((webhook) => webhook.id))
  const webhooks = settings.delivery.webhooks.map((webhook) => {
    if (webhook.id !== undefined) return webhook
    let id = newId()
    for (let tries = 0; taken.has(id) && tries < 10; tries += 1) id = newId()
    taken.add(id)
    return { ...webhook, id }
  })
  return { settings: { ...settings, delivery: { ...settings.delivery, webhooks } }, changed: true }
}
