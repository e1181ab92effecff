import { memo, useId, useState } from 'react'
import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import type { SettingsView } from '../../../../shared/ipc/payloads.js'
import { reportSettingsSchema, type ReportFormat } from '../../../../shared/settings.js'
import { SelectField, TextField } from '../../components/field.js'
import { SectionCard } from '../../components/section-card.js'
import { SaveBar } from './save-bar.js'
import { savePatch } from './settings-actions.js'
import { numberFrom, validateWith, type FieldErrors } from './validate.js'

interface ReportSectionProps {
  api: BridgeApi
  settings: SettingsView
  accept: (settings: SettingsView) => void
}

const FORMATS: readonly { value: ReportFormat; label: string }[] = [
  { value: 'both', label: 'HTML and plain text' },
  { value: 'html', label: 'HTML only' },
  { value: 'text', label: 'Plain text only' },
]

function timeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] }
  return ['UTC', ...(intl.supportedValuesOf?.('timeZone') ?? [])]
}

/** Every IANA zone as suggestions for the timezone field; rendered once, not on every keystroke. */
const TimeZoneList = memo(function TimeZoneList({ id }: { id: string }) {
  return (
    <datalist id={id}>
      {timeZones().map((zone) => (
        <option key={zone} value={zone} />
      ))}
    </datalist>
  )
})

/** Look-back, output folder, formats, retention and timezone, checked with the shared report schema. */
export function ReportSection({ api, settings, accept }: ReportSectionProps) {
  const zonesListId = useId()
  const [draft, setDraft] = useState(() => ({
    lookbackHours: String(settings.report.lookbackHours),
    format: settings.report.format,
    retentionDays: String(settings.report.retentionDays),
    timezone: settings.report.timezone,
  }))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)
  const update = (change: Partial<typeof draft>) => setDraft((current) => ({ ...current, ...change }))

  // The folder is only ever named by main's dialog, which saves it; the window can only go back to the default.
  async function chooseFolder(): Promise<void> {
    setMessage(null)
    const result = await api.chooseFolder()
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message })
    accept(result.value.settings)
    if (result.value.path !== null) setMessage({ tone: 'ok', text: 'Reports folder saved.' })
  }

  async function resetFolder(): Promise<void> {
    setMessage(null)
    const outcome = await savePatch(api, { report: { outputDir: '' } }, accept)
    if (outcome.failure) setMessage({ tone: 'error', text: outcome.failure })
    else if (outcome.saved) setMessage({ tone: 'ok', text: 'Reports go to the default folder again.' })
  }

  async function save(): Promise<void> {
    setMessage(null)
    const checked = validateWith(reportSettingsSchema, 'report', {
      lookbackHours: numberFrom(draft.lookbackHours),
      format: draft.format,
      retentionDays: numberFrom(draft.retentionDays),
      timezone: draft.timezone.trim(),
    })
    if (!checked.ok) return setErrors(checked.errors)
    setBusy(true)
    const { lookbackHours, format, retentionDays, timezone } = checked.value
    const patch = { report: { lookbackHours, format, retentionDays, timezone } }
    const outcome = await savePatch(api, patch, accept)
    setBusy(false)
    setErrors(outcome.errors)
    if (outcome.failure) setMessage({ tone: 'error', text: outcome.failure })
    else if (outcome.saved) setMessage({ tone: 'ok', text: 'Report settings saved.' })
  }

  return (
    <SectionCard id="report" title="Reports" description={<p>What each report covers and where it is written.</p>}>
      <div className="grid-2">
        <TextField
          label="Look-back (hours)"
          type="number"
          inputMode="numeric"
          value={draft.lookbackHours}
          onChange={(lookbackHours) => update({ lookbackHours })}
          hint="1 to 720 (30 days)."
          error={errors['report.lookbackHours']}
          testId="report-lookback"
        />
        <TextField
          label="Keep reports for (days)"
          type="number"
          inputMode="numeric"
          value={draft.retentionDays}
          onChange={(retentionDays) => update({ retentionDays })}
          hint="0 keeps them forever."
          error={errors['report.retentionDays']}
          testId="report-retention"
        />
        <SelectField label="Formats" value={draft.format} options={FORMATS} onChange={(format) => update({ format })} />
        <TextField
          label="Timezone"
          value={draft.timezone}
          onChange={(timezone) => update({ timezone })}
          list={zonesListId}
          hint="IANA name, e.g. Europe/Berlin. Used for dates in the report."
          error={errors['report.timezone']}
          testId="report-timezone"
        />
        <TimeZoneList id={zonesListId} />
      </div>
      <div className="inline-field">
        <p data-testid="report-output-dir">
          Output folder:{' '}
          {settings.report.outputDir ? (
            <code className="path">{settings.report.outputDir}</code>
          ) : (
            'the app’s default reports folder'
          )}
        </p>
        <button type="button" onClick={() => void chooseFolder()}>
          Choose folder…
        </button>
        {settings.report.outputDir && (
          <button type="button" className="ghost" onClick={() => void resetFolder()}>
            Use the default folder
          </button>
        )}
      </div>
      <SaveBar
        label="Save report settings"
        busy={busy}
        onSave={() => void save()}
        message={message}
        testId="save-report"
      />
    </SectionCard>
  )
}
