interface SaveBarProps {
  label: string
  busy: boolean
  onSave: () => void
  /** "Saved", a general failure, or nothing. */
  message: { tone: 'ok' | 'error'; text: string } | null
  testId: string
}

/** The section's Save button with its outcome announced politely next to it. */
export function SaveBar({ label, busy, onSave, message, testId }: SaveBarProps) {
  return (
    <div className="save-bar">
      <button type="button" className="primary" onClick={onSave} disabled={busy} data-testid={testId}>
        {busy ? 'Saving…' : label}
      </button>
      <span
        className={message?.tone === 'error' ? 'field-error' : 'save-ok'}
        role={message?.tone === 'error' ? 'alert' : 'status'}
        data-testid={`${testId}-message`}
      >
        {message?.text ?? ''}
      </span>
    </div>
  )
}
