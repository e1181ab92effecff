const LABEL = { configured: 'Configured', partial: 'Partial', 'not-configured': 'Not configured' } as const
const TONE = { configured: 'pill-ok', partial: 'pill-warn', 'not-configured': 'pill-muted' } as const

export function ConfigurationBadge({ state, testId }: { state: keyof typeof LABEL; testId?: string }) {
  return (
    <span className={`pill ${TONE[state]}`} data-testid={testId}>
      {LABEL[state]}
    </span>
  )
}
