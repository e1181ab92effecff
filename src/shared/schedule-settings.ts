/**
 * The `schedule` section of the settings: when the tray app makes reports on its own, and when it tells the
 * admin about them. Presets are stored as what the admin chose (not as cron), so the editor shows the same
 * preset again; the engine turns each into one cron expression (`src/core/schedule/`), where the cron
 * expression is also checked for real — here it is only checked for shape, because shared imports no cron
 * parser.
 */
import { z } from 'zod'

/** `07:00`, `23:59`: 24-hour wall-clock time in the schedule's timezone. */
export const CLOCK_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/
const clockTime = z
  .string()
  .trim()
  .max(5, 'must be a time such as 07:00 (24-hour HH:MM)')
  .regex(CLOCK_TIME_PATTERN, 'must be a time such as 07:00 (24-hour HH:MM)')

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const
export const weekdaySchema = z.enum(WEEKDAYS, { message: 'must be a day of the week such as monday' })
export type Weekday = z.infer<typeof weekdaySchema>

/** Hours that divide a day evenly: "every 5 hours" would run at 0, 5, 10, 15, 20 and then 0 again after 4. */
export const EVERY_HOURS_CHOICES = [1, 2, 3, 4, 6, 8, 12] as const

export const MAX_CRON_TEXT = 200

export const schedulePresetSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('every-hours'),
      hours: z
        .number()
        .int()
        .refine((hours) => (EVERY_HOURS_CHOICES as readonly number[]).includes(hours), {
          message: `must be one of ${EVERY_HOURS_CHOICES.join(', ')} hours, so that runs stay evenly spaced across midnight`,
        }),
    }),
    z.object({ kind: z.literal('daily'), time: clockTime }),
    z.object({ kind: z.literal('weekdays'), time: clockTime }),
    z.object({ kind: z.literal('weekly'), day: weekdaySchema, time: clockTime }),
    z.object({
      kind: z.literal('cron'),
      expression: z
        .string()
        .trim()
        .max(MAX_CRON_TEXT, `must be at most ${MAX_CRON_TEXT} characters`)
        .refine((value) => value.split(/\s+/).length === 5, {
          message: 'must have 5 fields (minute hour day-of-month month day-of-week), e.g. "0 7 * * 1-5"',
        }),
    }),
  ],
  { message: 'must be one of every-hours, daily, weekdays, weekly or cron' },
)
export type SchedulePreset = z.infer<typeof schedulePresetSchema>
export type SchedulePresetKind = SchedulePreset['kind']

/** Per schedule: a notification after every scheduled report, only when it has severe findings, or never. */
export const notifyPolicySchema = z.enum(['always', 'severe', 'never'], {
  message: 'must be always, severe or never',
})
export type NotifyPolicy = z.infer<typeof notifyPolicySchema>

/** No notification from `start` to `end` (it may wrap midnight, e.g. 22:00 → 07:00); the report still runs. */
export const quietHoursSchema = z
  .object({
    enabled: z.boolean().default(false),
    start: clockTime.default('22:00'),
    end: clockTime.default('07:00'),
  })
  .refine((quiet) => !quiet.enabled || quiet.start !== quiet.end, {
    message: 'must end at a different time than it starts',
    path: ['end'],
  })
export type QuietHours = z.infer<typeof quietHoursSchema>

export const scheduleSettingsSchema = z.object({
  /** Off: the tray app makes reports only when asked. */
  enabled: z.boolean().default(false),
  /** "Pause schedule" in the tray: kept, but no run (and no catch-up) until resumed. */
  paused: z.boolean().default(false),
  preset: schedulePresetSchema.default({ kind: 'daily', time: '07:00' }),
  /** IANA timezone of the schedule; absent: the report timezone. Checked like `report.timezone`. */
  timezone: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((value) => (value === '' ? undefined : value))
    .refine((value) => value === undefined || isKnownTimeZone(value), {
      message: 'must be an IANA timezone such as Europe/Berlin or UTC',
    }),
  notify: notifyPolicySchema.default('always'),
  quietHours: quietHoursSchema.default({ enabled: false, start: '22:00', end: '07:00' }),
})
export type ScheduleSettings = z.infer<typeof scheduleSettingsSchema>

export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}
