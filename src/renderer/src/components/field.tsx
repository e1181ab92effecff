import { useId, type ReactNode } from 'react'

interface FieldShellProps {
  label: string
  hint?: ReactNode
  error?: string | undefined
  children: (ids: { inputId: string; describedBy: string | undefined; invalid: boolean }) => ReactNode
}

/** Label, control, hint and inline error, wired together with ids so screen readers announce all three. */
export function FieldShell({ label, hint, error, children }: FieldShellProps) {
  const inputId = useId()
  const hintId = `${inputId}-hint`
  const errorId = `${inputId}-error`
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={inputId}>{label}</label>
      {children({ inputId, describedBy, invalid: Boolean(error) })}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}

interface TextFieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  hint?: ReactNode
  error?: string | undefined
  type?: 'text' | 'url' | 'number' | 'password'
  placeholder?: string
  autoComplete?: string
  list?: string
  inputMode?: 'numeric' | 'decimal' | 'text' | 'url'
  testId?: string
}

export function TextField({ label, value, onChange, hint, error, type = 'text', testId, ...rest }: TextFieldProps) {
  return (
    <FieldShell label={label} hint={hint} error={error}>
      {({ inputId, describedBy, invalid }) => (
        <input
          id={inputId}
          type={type}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          spellCheck={false}
          data-testid={testId}
          {...rest}
        />
      )}
    </FieldShell>
  )
}

interface SelectFieldProps<V extends string> {
  testId?: string
  label: string
  value: V
  options: readonly { value: V; label: string }[]
  onChange: (value: V) => void
  hint?: ReactNode
  error?: string | undefined
}

export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  hint,
  error,
  testId,
}: SelectFieldProps<V>) {
  return (
    <FieldShell label={label} hint={hint} error={error}>
      {({ inputId, describedBy, invalid }) => (
        <select
          id={inputId}
          value={value}
          onChange={(event) => onChange(event.target.value as V)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          data-testid={testId}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  )
}

interface CheckboxFieldProps {
  label: ReactNode
  checked: boolean
  onChange: (checked: boolean) => void
  hint?: ReactNode
  error?: string | undefined
  testId?: string
}

/** A checkbox with its label around it, and the same hint and inline error wiring as the other fields. */
export function CheckboxField({ label, checked, onChange, hint, error, testId }: CheckboxFieldProps) {
  const inputId = useId()
  const hintId = `${inputId}-hint`
  const errorId = `${inputId}-error`
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="field checkbox-field">
      <label htmlFor={inputId}>
        <input
          id={inputId}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          data-testid={testId}
        />{' '}
        {label}
      </label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}
