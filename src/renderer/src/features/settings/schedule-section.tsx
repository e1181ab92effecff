import { useEffect, useState } from 'react'
import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import type { AppStatus, SettingsView } from '../../../../shared/ipc/payloads.js'
import type { SchedulePreview } from '../../../../shared/ipc/schedule-payloads.js'
import {
  EVERY_HOURS_CHOICES,
  WEEKDAYS,
  type NotifyPolicy,
  type SchedulePresetKind,
  type Weekday,
} from '../../../../shared/schedule-settings.js'
import { CheckboxField, SelectField, TextField } from '../../components/field.js'
import { SectionCard } from '../../components/section-card.js'
import { SaveBar } from './save-bar.js'
import { draftFrom, patchOf, previewRequestOf, type ScheduleDraft } from './schedule-draft.js'
import { savePatch } from './settings-actions.js'
import { fromFieldErrors, type FieldErrors } from './validate.js'

interface ScheduleSectionProps {
  api: BridgeApi
  settings: SettingsView
  status: AppStatus | null
  accept: (settings: SettingsView) => void
}

const KINDS: readonly { value: SchedulePresetKind; label: string }[] = [
  { value: 'every-hours', label: 'Every few hours' },
  { value: 'daily', label: 'Every day' },
  { value: 'weekdays', label: 'Weekdays (Monday to Friday)' },
  { value: 'weekly', label: 'Once a week' },
  { value: 'cron', label: 'Cron expression' },
]
const HOURS = EVERY_HOURS_CHOICES.map((hours) => ({
  value: String(hours),
  label: hours === 1 ? 'Every hour' : `Every ${hours} hours`,
}))
const DAYS: readonly { value: Weekday; label: string }[] = WEEKDAYS.map((day) => ({
  value: day,
  label: day.charAt(0).toUpperCase() + day.slice(1),
}))
const NOTIFY: readonly { value: NotifyPolicy; label: string }[] = [
  { value: 'always', label: 'After every scheduled report' },
  { value: 'severe', label: 'Only when there are severe findings (or a problem)' },
  { value: 'never', label: 'Never' },
]
const PREVIEW_DELAY_MS = 250

/**
 * The tray's schedule: a preset with its fields, or a cron expression, in a timezone; the next three runs as main
 * computes them (asked again while typing); who hears about each report and when not.
 */
export function ScheduleSection({ api, settings, status, accept }: ScheduleSectionProps) {
  const [draft, setDraft] = useState<ScheduleDraft>(() => draftFrom(settings.schedule))
  const [preview, setPreview] = useState<SchedulePreview | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)
  const update = (change: Partial<ScheduleDraft>) => setDraft((current) => ({ ...current, ...change }))
  const request = JSON.stringify(previewRequestOf(draft))

  useEffect(() => {
    let current = true
    const timer = setTimeout(() => {
      void api.previewSchedule(JSON.parse(request) as ReturnType<typeof previewRequestOf>).then((result) => {
        if (!current) return
        setPreview(
          result.ok
            ? result.value
            : { ok: false, fieldErrors: [{ path: 'schedule.preset', message: result.error.message }] },
        )
      })
    }, PREVIEW_DELAY_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [api, request])

  async function save(): Promise<void> {
    setMessage(null)
    setBusy(true)
    const outcome = await savePatch(api, patchOf(draft), accept)
    setBusy(false)
    setErrors(outcome.errors)
    if (outcome.failure) setMessage({ tone: 'error', text: outcome.failure })
    else if (outcome.saved)
      setMessage({ tone: 'ok', text: draft.enabled ? 'Schedule saved.' : 'Schedule saved (off).' })
  }

  const previewErrors = preview && !preview.ok ? fromFieldErrors(preview.fieldErrors) : {}
  const errorAt = (path: string) => errors[path] ?? previewErrors[path]
  const presetError = errorAt('schedule.preset')
  const current = status?.schedule

  return (
    <SectionCard
      id="schedule"
      title="Schedule"
      description={<p>When the tray app makes a report on its own, and when it tells you.</p>}
    >
      <p data-testid="schedule-state" role="status">
        {scheduleStateLine(current)}
      </p>
      <CheckboxField
        label="Make reports on a schedule"
        checked={draft.enabled}
        onChange={(enabled) => update({ enabled })}
        testId="schedule-enabled"
      />
      <div className="grid-2">
        <SelectField
          label="Repeat"
          value={draft.kind}
          options={KINDS}
          onChange={(kind) => update({ kind })}
          error={presetError}
          testId="schedule-kind"
        />
        {draft.kind === 'every-hours' && (
          <SelectField
            label="Interval"
            value={draft.hours}
            options={HOURS}
            onChange={(hours) => update({ hours })}
            hint="Starting at midnight, so the runs stay evenly spaced."
            error={errorAt('schedule.preset.hours')}
            testId="schedule-hours"
          />
        )}
        {draft.kind === 'weekly' && (
          <SelectField
            label="Day"
            value={draft.day}
            options={DAYS}
            onChange={(day) => update({ day })}
            error={errorAt('schedule.preset.day')}
            testId="schedule-day"
          />
        )}
        {(draft.kind === 'daily' || draft.kind === 'weekdays' || draft.kind === 'weekly') && (
          <TextField
            label="At (HH:MM)"
            value={draft.time}
            onChange={(time) => update({ time })}
            placeholder="07:00"
            hint="24-hour time in the schedule's timezone."
            error={errorAt('schedule.preset.time')}
            testId="schedule-time"
          />
        )}
        {draft.kind === 'cron' && (
          <TextField
            label="Cron expression"
            value={draft.expression}
            onChange={(expression) => update({ expression })}
            placeholder="0 7 * * 1-5"
            hint="Five fields: minute, hour, day of month, month, day of week."
            error={errorAt('schedule.preset.expression')}
            testId="schedule-cron"
          />
        )}
        <TextField
          label="Timezone (optional)"
          value={draft.timezone}
          onChange={(timezone) => update({ timezone })}
          placeholder={settings.report.timezone}
          hint={`IANA name; empty uses the report timezone (${settings.report.timezone}).`}
          error={errorAt('schedule.timezone')}
          testId="schedule-timezone"
        />
      </div>
      <div data-testid="schedule-preview" aria-live="polite">
        {preview?.ok ? (
          <>
            <p className="hint">
              Next runs ({preview.timezone}, cron <code>{preview.cron}</code>):
            </p>
            <ol data-testid="schedule-next-runs">
              {preview.runs.map((run) => (
                <li key={run.at}>
                  <time dateTime={run.at}>{run.label}</time>
                </li>
              ))}
            </ol>
          </>
        ) : (
          <p className="hint">{preview ? 'Fix the schedule to see its next runs.' : 'Computing the next runs…'}</p>
        )}
      </div>
      <div className="grid-2">
        <SelectField
          label="Notify me"
          value={draft.notify}
          options={NOTIFY}
          onChange={(notify) => update({ notify })}
          hint="Reports you start yourself always notify."
          error={errorAt('schedule.notify')}
          testId="schedule-notify"
        />
        <CheckboxField
          label="Quiet hours (no notification; the report still runs)"
          checked={draft.quietEnabled}
          onChange={(quietEnabled) => update({ quietEnabled })}
          testId="schedule-quiet-enabled"
        />
        {draft.quietEnabled && (
          <>
            <TextField
              label="Quiet from (HH:MM)"
              value={draft.quietStart}
              onChange={(quietStart) => update({ quietStart })}
              error={errorAt('schedule.quietHours.start')}
              testId="schedule-quiet-start"
            />
            <TextField
              label="Quiet until (HH:MM)"
              value={draft.quietEnd}
              onChange={(quietEnd) => update({ quietEnd })}
              error={errorAt('schedule.quietHours.end')}
              testId="schedule-quiet-end"
            />
          </>
        )}
      </div>
      <SaveBar label="Save schedule" busy={busy} onSave={() => void save()} message={message} testId="save-schedule" />
    </SectionCard>
  )
}

function scheduleStateLine(schedule: AppStatus['schedule']): string {
  if (!schedule?.enabled) return 'No schedule: reports are made when you ask for one.'
  if (schedule.problem !== null) return `The schedule cannot run: ${schedule.problem}`
  if (schedule.paused) return 'Schedule paused (resume it from the tray menu).'
  return schedule.nextRunLabel ? `Next report: ${schedule.nextRunLabel}` : 'No next run.'
}
