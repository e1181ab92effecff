/**
 * Deliveries that did not go out, kept in `pending-deliveries.json` in the data folder and sent again (marked
 * late) with the next run, so a failed delivery never loses a report. Several processes may deliver for one data
 * folder (the tray app, a CLI `schedule`), so every change is a read-merge-write under a lock file, as for the
 * history; the file is written atomically and private (0600). Sending happens outside the lock: only the merge
 * of what was sent and what failed holds it.
 *
 * What is kept is what would have been sent (the summary, and for email the rendered message), never a
 * secret: the report model it was built from was scrubbed of the run's secrets.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { lock } from 'proper-lockfile'
import { z } from 'zod'
import type { Logger } from '../logger.js'
import { PRIVATE_DIR_MODE } from '../files/private-files.js'
import { writeFileAtomic } from '../report/files/atomic-write.js'
import { readRecoverableJson } from '../report/files/recoverable-json.js'

export const PENDING_FILE = 'pending-deliveries.json'
/** Per channel; when more are waiting the oldest is given up, and the result says so. */
export const MAX_PENDING_PER_CHANNEL = 10

const severity = z.enum(['severe', 'medium', 'low'])

export const deliverySummarySchema = z.object({
  product: z.string(),
  site: z.string(),
  date: z.string(),
  generatedAtIso: z.string(),
  counts: z.object({ severe: z.number(), medium: z.number(), low: z.number(), total: z.number() }),
  worst: severity.nullable(),
  countsAtLeast: z.boolean(),
  urgentActions: z.array(z.object({ severity, title: z.string(), action: z.string() })).max(3),
  coverageProblems: z.array(z.string()),
  postureScore: z.string().nullable(),
  reportFiles: z.object({ html: z.string().nullable(), text: z.string().nullable() }),
  subject: z.string(),
})

export const pendingDeliverySchema = z.object({
  id: z.string(),
  /** The channel's key: `email`, or a webhook's name. */
  channel: z.string(),
  createdAt: z.string(),
  attempts: z.number().int().min(0),
  lastError: z.string().nullable(),
  summary: deliverySummarySchema,
  email: z
    .object({
      subject: z.string(),
      html: z.string(),
      text: z.string(),
      attach: z.array(z.object({ filename: z.string(), path: z.string() })),
    })
    .nullable(),
})
export type PendingDelivery = z.infer<typeof pendingDeliverySchema>

const pendingFileSchema = z.object({ schemaVersion: z.literal(1), entries: z.array(pendingDeliverySchema) })

export interface PendingRead {
  entries: PendingDelivery[]
  warning: string | null
}

export async function readPending(dataDir: string, logger: Logger, nowMs: number): Promise<PendingRead> {
  const read = await readRecoverableJson({
    path: join(dataDir, PENDING_FILE),
    schema: pendingFileSchema,
    label: 'pending deliveries',
    logger,
    nowMs,
  })
  if (read.status === 'ok') return { entries: read.value.entries, warning: null }
  if (read.status === 'missing') return { entries: [], warning: null }
  return { entries: [], warning: read.warning }
}

export interface PendingChange {
  /** Sent now: removed. */
  sent: readonly string[]
  /** Failed or skipped now: added, or updated in place (attempts, last error). */
  kept: readonly PendingDelivery[]
}

/** Applies one run's outcome to the file under the lock; returns the entries given up for the per-channel cap. */
export async function updatePending(
  dataDir: string,
  change: PendingChange,
  logger: Logger,
  nowMs: number,
): Promise<PendingDelivery[]> {
  return withPendingLock(dataDir, logger, async () => {
    const current = (await readPending(dataDir, logger, nowMs)).entries
    const sent = new Set(change.sent)
    const byId = new Map<string, PendingDelivery>()
    for (const entry of current) if (!sent.has(entry.id)) byId.set(entry.id, entry)
    for (const entry of change.kept) byId.set(entry.id, entry)
    const entries = [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    const dropped: PendingDelivery[] = []
    const perChannel = new Map<string, number>()
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i]!
      const count = (perChannel.get(entry.channel) ?? 0) + 1
      perChannel.set(entry.channel, count)
      if (count > MAX_PENDING_PER_CHANNEL) dropped.push(...entries.splice(i, 1))
    }
    if (entries.length > 0 || current.length > 0) {
      await writeFileAtomic(join(dataDir, PENDING_FILE), `${JSON.stringify({ schemaVersion: 1, entries }, null, 2)}\n`)
    }
    return dropped
  })
}

async function withPendingLock<T>(dataDir: string, logger: Logger, task: () => Promise<T>): Promise<T> {
  await mkdir(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE })
  const release = await lock(join(dataDir, PENDING_FILE), {
    realpath: false,
    stale: 10_000,
    update: 2_000,
    retries: { retries: 150, factor: 1.1, minTimeout: 10, maxTimeout: 250, randomize: true },
    onCompromised: (error) => logger.warn('pending_deliveries_lock_compromised', { reason: error.message }),
  })
  try {
    return await task()
  } finally {
    await release().catch(() => undefined)
  }
}
