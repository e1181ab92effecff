import { useId, useState, type ReactNode } from 'react'

interface SecretFieldProps {
  label: string
  /** Whether main holds a value; the value itself never reaches the window. */
  isSet: boolean
  /** What the admin typed but has not saved yet (used by "Test connection" too). */
  pending: string
  onPendingChange: (value: string) => void
  /**
   * Stores the typed value in main; resolves to an error message or null. Absent where the value can only be
   * stored with its section (a delivery channel not saved yet has no secret path): then there is no Save button.
   */
  onSave?: (value: string) => Promise<string | null>
  onClear: () => Promise<string | null>
  hint?: ReactNode
  /** A problem the section's own check found with the typed value (e.g. a webhook URL that is not https). */
  invalid?: string | undefined
  testId: string
}

/**
 * A write-only secret: shows "Set" or "Not set", with "Replace" and "Clear". Typing happens in a password input
 * that is emptied as soon as main has stored the value.
 */
export function SecretField({
  label,
  isSet,
  pending,
  onPendingChange,
  onSave,
  onClear,
  hint,
  invalid,
  testId,
}: SecretFieldProps) {
  const inputId = useId()
  const [editing, setEditing] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const showInput = !isSet || editing || invalid !== undefined
  const problem = error ?? invalid ?? null

  async function run(action: () => Promise<string | null>): Promise<void> {
    setBusy(true)
    const failure = await action()
    setBusy(false)
    setError(failure)
    if (!failure) {
      onPendingChange('')
      setEditing(false)
    }
  }

  const describedBy = [`${inputId}-state`, hint ? `${inputId}-hint` : null, problem ? `${inputId}-error` : null]
    .filter(Boolean)
    .join(' ')

  return (
    <div className="field secret-field" data-testid={testId}>
      <label htmlFor={showInput ? inputId : undefined} id={`${inputId}-label`}>
        {label}
      </label>
      <div className="secret-row">
        <span
          id={`${inputId}-state`}
          className={`pill ${isSet ? 'pill-ok' : 'pill-muted'}`}
          data-testid={`${testId}-state`}
        >
          {isSet ? 'Set' : 'Not set'}
        </span>
        {showInput ? (
          <>
            <input
              id={inputId}
              type="password"
              value={pending}
              autoComplete="off"
              spellCheck={false}
              placeholder={isSet ? 'New value' : 'Paste or type'}
              onChange={(event) => onPendingChange(event.target.value)}
              aria-describedby={describedBy}
              aria-invalid={problem ? true : undefined}
            />
            {onSave && (
              <button
                type="button"
                onClick={() => void run(() => onSave(pending))}
                disabled={busy || pending.trim() === ''}
              >
                Save<span className="visually-hidden"> {label}</span>
              </button>
            )}
            {isSet && (
              <button
                type="button"
                className="ghost"
                onClick={() => {
                  onPendingChange('')
                  setEditing(false)
                  setError(null)
                }}
              >
                Cancel
              </button>
            )}
          </>
        ) : (
          <>
            <button type="button" onClick={() => setEditing(true)} aria-describedby={`${inputId}-label`}>
              Replace
            </button>
            <button
              type="button"
              className="danger-outline"
              onClick={() => void run(onClear)}
              disabled={busy}
              aria-describedby={`${inputId}-label`}
            >
              Clear
            </button>
          </>
        )}
      </div>
      {hint && (
        <p id={`${inputId}-hint`} className="hint">
          {hint}
        </p>
      )}
      {problem && (
        <p id={`${inputId}-error`} className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  )
}
