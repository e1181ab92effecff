/**
 * Pure form state of the schedule editor: what the admin types, and the preset, preview request and settings
 * patch made from it. The rules themselves are the shared schema's (main checks the cron expression too).
 */
import type { SettingsPatch, SettingsView } from '../../../../shared/ipc/payloads.js'
import type { SchedulePreviewRequest } from '../../../../shared/ipc/schedule-payloads.js'
import type { NotifyPolicy, SchedulePresetKind, Weekday } from '../../../../shared/schedule-settings.js'
import { numberFrom } from './validate.js'

export interface ScheduleDraft {
  enabled: boolean
  kind: SchedulePresetKind
  hours: string
  time: string
  day: Weekday
  expression: string
  timezone: string
  notify: NotifyPolicy
  quietEnabled: boolean
  quietStart: string
  quietEnd: string
}

export function draftFrom(schedule: SettingsView['schedule']): ScheduleDraft {
  const preset = schedule.preset
  return {
    enabled: schedule.enabled,
    kind: preset.kind,
    hours: preset.kind === 'every-hours' ? String(preset.hours) : '6',
    time: 'time' in preset ? preset.time : '07:00',
    day: preset.kind === 'weekly' ? preset.day : 'monday',
    expression: preset.kind === 'cron' ? preset.expression : '0 7 * * 1-5',
    timezone: schedule.timezone ?? '',
    notify: schedule.notify,
    quietEnabled: schedule.quietHours.enabled,
    quietStart: schedule.quietHours.start,
    quietEnd: schedule.quietHours.end,
  }
}

/** Only the fields of the chosen preset (the schema refuses nothing extra, but a stale field means nothing). */
export function presetOf(draft: ScheduleDraft): SchedulePreviewRequest['preset'] {
  switch (draft.kind) {
    case 'every-hours':
      return { kind: draft.kind, hours: numberFrom(draft.hours) }
    case 'daily':
    case 'weekdays':
      return { kind: draft.kind, time: draft.time.trim() }
    case 'weekly':
      return { kind: draft.kind, day: draft.day, time: draft.time.trim() }
    case 'cron':
      return { kind: draft.kind, expression: draft.expression.trim() }
  }
}

export function previewRequestOf(draft: ScheduleDraft): SchedulePreviewRequest {
  return { preset: presetOf(draft), timezone: draft.timezone.trim() }
}

export function patchOf(draft: ScheduleDraft): SettingsPatch {
  return {
    schedule: {
      enabled: draft.enabled,
      preset: presetOf(draft),
      timezone: draft.timezone.trim(),
      notify: draft.notify,
      quietHours: { enabled: draft.quietEnabled, start: draft.quietStart.trim(), end: draft.quietEnd.trim() },
    },
  }
}
