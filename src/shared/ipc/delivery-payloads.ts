/**
 * Delivery over IPC: "Send test" with the form's draft of one channel, and the Status tab's delivery cards and
 * undelivered reports. Every string is bounded (a hostile renderer must not make main hold megabytes, and main
 * never pushes an unbounded list); nothing here carries a secret — the draft's typed secrets go one way only,
 * renderer to main, and answers carry messages that never name a webhook URL.
 */
import { z } from 'zod'
import { WEBHOOK_ID_PATTERN } from '../settings.js'
import { sourceActivitySchema } from './source-activity.js'

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`)

const policyDraft = z
  .object({ failMax: z.number(), resetTimeoutMs: z.number(), timeoutMs: z.number() })
  .partial()
  .strict()

/**
 * One channel as the form holds it. Typed secrets override the stored ones; an absent secret means "the stored
 * one", which main fills in only for that same channel (and the password only for the server it was saved for).
 */
export const deliveryTestRequestSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('email'),
      email: z
        .object({
          host: text(256),
          port: z.number().nullable(),
          tls: text(16),
          username: text(256),
          from: text(320),
          to: z.array(text(320)).max(50),
          bcc: z.array(text(320)).max(50),
          breaker: policyDraft,
        })
        .strict(),
      password: text(4096).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('webhook'),
      /** The saved webhook this draft edits; absent for one not saved yet (which has no stored secrets). */
      id: z.string().regex(WEBHOOK_ID_PATTERN).optional(),
      webhook: z.object({ name: text(256), format: text(16), breaker: policyDraft }).strict(),
      url: text(2048).optional(),
      secret: text(4096).optional(),
    })
    .strict(),
])
export type DeliveryTestRequest = z.input<typeof deliveryTestRequestSchema>

export const deliveryTestResultSchema = z.object({ ok: z.boolean(), message: z.string().max(2000) })
export type DeliveryTestResult = z.infer<typeof deliveryTestResultSchema>

export const MAX_PENDING_SHOWN = 50

/** One configured channel on the Status tab. */
export const deliveryCardSchema = z.object({
  /** `email`, or the webhook's key (its name, else its id): what the pending deliveries name. */
  key: z.string().max(256),
  /** "Email", `Slack webhook "ops"`. */
  label: z.string().max(300),
  kind: z.enum(['email', 'webhook']),
  /** False for a webhook whose URL is not entered yet: it is not sent to. */
  ready: z.boolean(),
  breaker: z.object({
    state: z.enum(['closed', 'open', 'half-open']),
    consecutiveFailures: z.number().int().min(0),
    failMax: z.number(),
    resetTimeoutMs: z.number(),
    timeoutMs: z.number(),
    /** Epoch ms when the next trial is let through while open. */
    nextTrialAt: z.number().nullable(),
  }),
  /** What the last report run did with this channel; null before any run of this app session. */
  last: z
    .object({
      status: z.enum(['sent', 'failed', 'skipped', 'not-configured']),
      /** Epoch ms. */
      at: z.number(),
      late: z.boolean(),
      /** Why it failed or was skipped (or what went out late); null for a plain success. */
      message: z.string().max(1000).nullable(),
    })
    .nullable(),
  /** Its calls (latency p50/p90/p99, the last 20) and the day's breaker states; null before its first delivery. */
  activity: sourceActivitySchema.nullable(),
})
export type DeliveryCard = z.infer<typeof deliveryCardSchema>

/** A report that did not go out, from `pending-deliveries.json`: it is tried again at the next run. */
export const pendingDeliveryViewSchema = z.object({
  id: z.string().max(200),
  channel: z.string().max(256),
  /** The channel's label, or its key when the channel is no longer configured. */
  label: z.string().max(300),
  /** "Main office, 3 Dec 2026". */
  report: z.string().max(600),
  /** ISO time the delivery was first due. */
  since: z.string().max(64),
  attempts: z.number().int().min(0),
  reason: z.string().max(1000).nullable(),
})
export type PendingDeliveryView = z.infer<typeof pendingDeliveryViewSchema>

export const deliveryStatusSchema = z.object({
  channels: z.array(deliveryCardSchema).max(11),
  pending: z.array(pendingDeliveryViewSchema).max(MAX_PENDING_SHOWN),
  /** All waiting entries, of which `pending` shows the oldest `MAX_PENDING_SHOWN`. */
  pendingTotal: z.number().int().min(0),
  /** The pending file could not be read (damaged: it was set aside). */
  warning: z.string().max(1000).nullable(),
})
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>
