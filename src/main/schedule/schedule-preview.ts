import { toScannerError } from '../../core/errors.js'
import { compileSchedule } from '../../core/schedule/cron-schedule.js'
import { runLabel } from '../../core/schedule/run-label.js'
import type { FieldError } from '../../shared/ipc/payloads.js'
import type { SchedulePreview, SchedulePreviewRequest } from '../../shared/ipc/schedule-payloads.js'
import { scheduleSettingsSchema } from '../../shared/schedule-settings.js'
import type { Settings } from '../../shared/settings.js'

export const PREVIEW_RUNS = 3

/**
 * Pure: the editor's draft → its next three runs in its timezone, or per-field messages with the same rules
 * (and words) as saving it. Paths are those of the settings, e.g. `schedule.preset.time`.
 */
export function previewSchedule(request: SchedulePreviewRequest, settings: Settings, nowMs: number): SchedulePreview {
  const parsed = scheduleSettingsSchema
    .pick({ preset: true, timezone: true })
    .safeParse({ preset: request.preset, timezone: request.timezone })
  if (!parsed.success) {
    return {
      ok: false,
      fieldErrors: parsed.error.issues.map((issue) => ({
        path: ['schedule', ...issue.path.map(String)].join('.'),
        message: issue.message,
      })),
    }
  }
  const timezone = parsed.data.timezone ?? settings.report.timezone
  const problem = scheduleProblem(parsed.data.preset, timezone, nowMs)
  if (problem) return { ok: false, fieldErrors: [problem] }
  const schedule = compileSchedule(parsed.data.preset, timezone, { nowMs })
  return {
    ok: true,
    cron: schedule.cron,
    description: schedule.description,
    timezone,
    runs: schedule.nextRuns(nowMs, PREVIEW_RUNS).map((at) => ({
      at: new Date(at).toISOString(),
      label: runLabel(at, timezone),
    })),
  }
}

/** What croner says about a preset the shared schema accepted (a cron value out of range, a date that never comes). */
export function scheduleProblem(
  preset: Settings['schedule']['preset'],
  timezone: string,
  nowMs: number,
): FieldError | null {
  try {
    compileSchedule(preset, timezone, { nowMs, label: 'Cron expression' })
    return null
  } catch (error) {
    return {
      path: preset.kind === 'cron' ? 'schedule.preset.expression' : 'schedule.preset',
      message: toScannerError(error).message,
    }
  }
}
