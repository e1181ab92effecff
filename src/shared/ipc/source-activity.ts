/**
 * What a source behind a breaker did lately, as the cards draw it: the rolling window with its latency
 * percentiles, the last calls, and the day's state changes. One shape for integrations and delivery channels.
 */
import { z } from 'zod'
import { RECENT_CALLS_MAX, TIMELINE_CAUSE_MAX, TIMELINE_MAX_TRANSITIONS } from '../integration-status.js'

const sourceStateSchema = z.enum(['closed', 'open', 'half-open', 'needs-attention'])

export const sourceWindowSchema = z.object({
  windowMs: z.number(),
  successes: z.number(),
  failures: z.number(),
  timeouts: z.number(),
  shortCircuits: z.number(),
  notCounted: z.number(),
  /** Nearest-rank percentiles and the slowest call of the window, shown beside the timeout. */
  p50Ms: z.number().nullable(),
  p90Ms: z.number().nullable(),
  p99Ms: z.number().nullable(),
  maxMs: z.number().nullable(),
})

export const recentCallsSchema = z
  .array(
    z.object({
      at: z.number(),
      outcome: z.enum(['ok', 'timeout', 'rejected', 'error', 'short-circuited', 'cancelled']),
      latencyMs: z.number().nullable(),
      kind: z.string().max(32).nullable(),
    }),
  )
  .max(RECENT_CALLS_MAX)

export const sourceTimelineSchema = z.object({
  from: z.number(),
  fromState: sourceStateSchema,
  transitions: z
    .array(z.object({ at: z.number(), state: sourceStateSchema, cause: z.string().max(TIMELINE_CAUSE_MAX) }))
    .max(TIMELINE_MAX_TRANSITIONS),
})

/** The activity part of a card: for a delivery channel, null until its first delivery of this app session. */
export const sourceActivitySchema = z.object({
  window: sourceWindowSchema,
  recentCalls: recentCallsSchema,
  timeline: sourceTimelineSchema,
})
export type SourceActivity = z.infer<typeof sourceActivitySchema>
