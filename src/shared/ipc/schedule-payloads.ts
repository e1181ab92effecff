/**
 * What the window learns about the tray's schedule: its state and next run (part of every status push, so the
 * tray and the window always name the same time), and the preview the schedule editor asks main for — the next
 * runs of a draft, computed by the engine (the renderer has no cron parser).
 */
import { z } from 'zod'
import { MAX_CRON_TEXT } from '../schedule-settings.js'

export const scheduleStatusSchema = z.object({
  enabled: z.boolean(),
  paused: z.boolean(),
  /** "daily at 07:00 (Europe/Berlin)"; null when the schedule is off or cannot be computed. */
  description: z.string().nullable(),
  /** ISO time of the next run; null when off, paused or unusable. */
  nextRunAt: z.string().nullable(),
  /** "Fri 4 Dec 07:00", in the schedule's timezone, as the tray shows it. */
  nextRunLabel: z.string().nullable(),
  /** Why a schedule that is on cannot run (e.g. a cron expression that never matches); null otherwise. */
  problem: z.string().nullable(),
})
export type ScheduleStatus = z.infer<typeof scheduleStatusSchema>

/** A draft preset as the editor holds it (bounded); main checks it with the shared settings schema. */
export const schedulePresetDraftSchema = z
  .object({
    kind: z.string().max(16),
    hours: z.number().optional(),
    time: z.string().max(16).optional(),
    day: z.string().max(16).optional(),
    expression: z.string().max(MAX_CRON_TEXT).optional(),
  })
  .strict()

export const schedulePreviewRequestSchema = z
  .object({
    preset: schedulePresetDraftSchema,
    /** Empty or absent: the report timezone. */
    timezone: z.string().max(64).optional(),
  })
  .strict()
export type SchedulePreviewRequest = z.infer<typeof schedulePreviewRequestSchema>

export const schedulePreviewSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    cron: z.string(),
    description: z.string(),
    timezone: z.string(),
    runs: z.array(z.object({ at: z.string(), label: z.string() })).max(10),
  }),
  /** The draft is not a schedule: per-field messages, like a refused settings patch. */
  z.object({ ok: z.literal(false), fieldErrors: z.array(z.object({ path: z.string(), message: z.string() })) }),
])
export type SchedulePreview = z.infer<typeof schedulePreviewSchema>
