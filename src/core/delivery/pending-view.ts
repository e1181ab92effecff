/**
 * The Status tab's "Undelivered reports": what `pending-deliveries.json` holds, reduced to which report, which
 * channel, since when and why — never the kept message itself (its HTML and text stay in the file).
 */
import type { DeliveryStatus, PendingDeliveryView } from '../../shared/ipc/delivery-payloads.js'
import { MAX_PENDING_SHOWN } from '../../shared/ipc/delivery-payloads.js'
import type { Settings } from '../../shared/settings.js'
import type { Logger } from '../logger.js'
import { configuredChannels, incompleteWebhooks } from './channels.js'
import { readPending } from './pending.js'

export async function pendingDeliveriesView(
  dataDir: string,
  settings: Settings,
  logger: Logger,
  nowMs: number,
): Promise<Pick<DeliveryStatus, 'pending' | 'pendingTotal' | 'warning'>> {
  const read = await readPending(dataDir, logger, nowMs)
  const labels = new Map<string, string>()
  for (const channel of configuredChannels(settings)) labels.set(channel.key, channel.label)
  for (const webhook of incompleteWebhooks(settings)) labels.set(webhook.key, webhook.label)
  const pending = read.entries.slice(0, MAX_PENDING_SHOWN).map((entry): PendingDeliveryView => ({
    id: entry.id.slice(0, 200),
    channel: entry.channel.slice(0, 256),
    label: (labels.get(entry.channel) ?? `"${entry.channel}" (no longer configured)`).slice(0, 300),
    report: `${entry.summary.site}, ${entry.summary.date}`.slice(0, 600),
    since: entry.createdAt.slice(0, 64),
    attempts: entry.attempts,
    reason: entry.lastError === null ? null : entry.lastError.slice(0, 1000),
  }))
  return { pending, pendingTotal: read.entries.length, warning: read.warning?.slice(0, 1000) ?? null }
}
