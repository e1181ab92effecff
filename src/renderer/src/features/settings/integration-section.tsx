import { useId, useState } from 'react'
import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import type {
  IntegrationDescriptor,
  IntegrationFieldDescriptor,
} from '../../../../shared/ipc/integration-descriptor.js'
import type { ConnectionTest, IntegrationStatus, SettingsView } from '../../../../shared/ipc/payloads.js'
import { CheckboxField, TextField } from '../../components/field.js'
import { SectionCard } from '../../components/section-card.js'
import {
  draftCheck,
  draftFromView,
  labelsOf,
  patchValues,
  secretPath,
  testValues,
  type IntegrationDraft,
} from './integration-draft.js'
import { MissingFieldsNotice } from './missing-fields-notice.js'
import { SaveBar } from './save-bar.js'
import { SecretField } from './secret-field.js'
import { clearSecret, savePatch, saveSecret } from './settings-actions.js'
import type { FieldErrors } from './validate.js'

interface IntegrationSectionProps {
  api: BridgeApi
  descriptor: IntegrationDescriptor
  settings: SettingsView
  /** The live card, for an integration whose configuration lies outside its own settings. */
  card: IntegrationStatus | undefined
  accept: (settings: SettingsView) => void
}

/**
 * One integration's settings, drawn from its descriptor alone: a field per declared setting, what is sent, and
 * "Test connection" when it has one. Entering the credentials is the switch; there is no "enabled" box.
 */
export function IntegrationSection({ api, descriptor, settings, card, accept }: IntegrationSectionProps) {
  const { id, displayName } = descriptor
  const [draft, setDraft] = useState<IntegrationDraft>(() => draftFromView(descriptor, settings))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)
  const [test, setTest] = useState<ConnectionTest | null>(null)
  const labels = labelsOf(descriptor)
  const editable = descriptor.fields.length > 0
  const check = editable || !card ? draftCheck(descriptor, draft, settings.secretsSet) : card.configuration

  const setValue = (key: string, value: string | boolean) =>
    setDraft((current) => ({ ...current, values: { ...current.values, [key]: value } }))
  const setPending = (key: string, value: string) =>
    setDraft((current) => ({ ...current, pendingSecrets: { ...current.pendingSecrets, [key]: value } }))

  async function save(): Promise<void> {
    setBusy(true)
    const outcome = await savePatch(api, { integrations: { [id]: patchValues(descriptor, draft) } }, accept)
    let failure = outcome.failure
    if (outcome.saved) {
      for (const field of descriptor.fields) {
        const pending = draft.pendingSecrets[field.key]?.trim() ?? ''
        if (field.kind !== 'secret' || pending === '' || failure) continue
        failure = await saveSecret(api, secretPath(id, field.key), pending, accept)
        if (!failure) setPending(field.key, '')
      }
    }
    setBusy(false)
    setErrors(outcome.errors)
    if (failure) setMessage({ tone: 'error', text: failure })
    else setMessage(outcome.saved ? { tone: 'ok', text: `${displayName} settings saved.` } : null)
  }

  async function runTest(): Promise<void> {
    setBusy(true)
    setTest(null)
    const result = await api.testIntegration({ id, values: testValues(descriptor, draft) })
    setBusy(false)
    setTest(result.ok ? result.value : { ok: false, message: result.error.message })
  }

  return (
    <SectionCard
      id={id}
      title={displayName}
      description={
        <>
          <p>{descriptor.description}</p>
          {descriptor.requirements.length > 0 && (
            <p className="muted small" data-testid={`${id}-requires`}>
              Uses: {descriptor.requirements.map((requirement) => requirement.label).join(', ')}
            </p>
          )}
          {descriptor.privacyNote && (
            <p className="muted small" data-testid={`${id}-privacy`}>
              <strong>What is sent:</strong> {descriptor.privacyNote}
            </p>
          )}
        </>
      }
    >
      <MissingFieldsNotice scope={id} name={displayName} check={check} labels={labels} />
      {descriptor.fields.map((field) =>
        field.kind === 'secret' ? (
          <SecretField
            key={field.key}
            label={field.label}
            testId={`${id}-${field.key}`}
            isSet={settings.secretsSet[secretPath(id, field.key)] === true}
            pending={draft.pendingSecrets[field.key] ?? ''}
            onPendingChange={(value) => setPending(field.key, value)}
            onSave={(value) => saveSecret(api, secretPath(id, field.key), value, accept)}
            onClear={() => clearSecret(api, secretPath(id, field.key), accept)}
            hint={hintOf(field)}
          />
        ) : (
          <PlainField
            key={field.key}
            field={field}
            testId={`${id}-${field.key}`}
            value={draft.values[field.key] ?? ''}
            onChange={(value) => setValue(field.key, value)}
            error={errors[`integrations.${id}.${field.key}`]}
          />
        ),
      )}
      {descriptor.canTest && editable && (
        <>
          <div className="button-row">
            <button type="button" onClick={() => void runTest()} disabled={busy}>
              Test connection<span className="visually-hidden"> to {displayName}</span>
            </button>
          </div>
          <div aria-live="polite" data-testid={`${id}-test-result`}>
            {test && (
              <p className={test.ok ? 'save-ok' : 'field-error'}>
                {test.ok ? '✓ ' : '✕ '}
                {test.message}
              </p>
            )}
          </div>
        </>
      )}
      {editable && (
        <SaveBar
          label={`Save ${displayName} settings`}
          busy={busy}
          onSave={() => void save()}
          message={message}
          testId={`save-${id}`}
        />
      )}
    </SectionCard>
  )
}

function hintOf(field: IntegrationFieldDescriptor): string | undefined {
  const parts = [field.help, field.env ? `Command line: ${field.env}.` : null].filter(Boolean)
  return parts.length > 0 ? parts.join(' ') : undefined
}

interface PlainFieldProps {
  field: IntegrationFieldDescriptor
  testId: string
  value: string | boolean
  onChange: (value: string | boolean) => void
  error: string | undefined
}

function PlainField({ field, testId, value, onChange, error }: PlainFieldProps) {
  const inputId = useId()
  const label = field.required ? field.label : `${field.label} (optional)`
  const hint = hintOf(field)
  if (field.kind === 'boolean') {
    return (
      <CheckboxField
        label={field.label}
        checked={value === true}
        onChange={onChange}
        hint={hint}
        error={error}
        testId={testId}
      />
    )
  }
  if (field.kind === 'list') {
    return (
      <div className={`field${error ? ' field-invalid' : ''}`}>
        <label htmlFor={inputId}>{label}</label>
        <textarea
          id={inputId}
          rows={2}
          value={typeof value === 'string' ? value : ''}
          placeholder={field.placeholder ?? undefined}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={error ? `${inputId}-hint ${inputId}-error` : `${inputId}-hint`}
          aria-invalid={error ? true : undefined}
          spellCheck={false}
          data-testid={testId}
        />
        <p id={`${inputId}-hint`} className="hint">
          {[hint, 'Separate entries with commas or new lines.'].filter(Boolean).join(' ')}
        </p>
        {error && (
          <p id={`${inputId}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
    )
  }
  return (
    <TextField
      label={label}
      value={typeof value === 'string' ? value : ''}
      onChange={onChange}
      hint={hint}
      error={error}
      type={field.kind === 'url' ? 'url' : 'text'}
      inputMode={field.kind === 'number' ? 'numeric' : undefined}
      placeholder={field.placeholder ?? undefined}
      testId={testId}
    />
  )
}
