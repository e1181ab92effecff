import type { HealthThresholds } from '../../../../shared/settings.js'
import type { FieldErrors } from './validate.js'

export const THRESHOLD_KEYS = [
  'temperatureC',
  'cpuPercent',
  'memoryPercent',
  'uptimeDays',
  'poeBudgetPercent',
] as const satisfies readonly (keyof HealthThresholds)[]
export type ThresholdKey = (typeof THRESHOLD_KEYS)[number]
export type ThresholdDraft = Record<ThresholdKey, { warning: string; critical: string }>

const LABELS: Record<ThresholdKey, string> = {
  temperatureC: 'Temperature (°C)',
  cpuPercent: 'CPU load (%)',
  memoryPercent: 'Memory use (%)',
  uptimeDays: 'Uptime without restart (days)',
  poeBudgetPercent: 'PoE budget used (%)',
}

interface ThresholdTableProps {
  draft: ThresholdDraft
  onChange: (next: ThresholdDraft) => void
  errors: FieldErrors
}

/** Warning and critical level per metric; a pair where warning exceeds critical is flagged on its row. */
export function ThresholdTable({ draft, onChange, errors }: ThresholdTableProps) {
  const set = (key: ThresholdKey, level: 'warning' | 'critical', value: string) =>
    onChange({ ...draft, [key]: { ...draft[key], [level]: value } })
  return (
    <table className="threshold-table">
      <caption className="visually-hidden">Device-health thresholds</caption>
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <th scope="col">Warning at</th>
          <th scope="col">Critical at</th>
        </tr>
      </thead>
      <tbody>
        {THRESHOLD_KEYS.map((key) => {
          const rowError =
            errors[`thresholds.${key}`] ?? errors[`thresholds.${key}.warning`] ?? errors[`thresholds.${key}.critical`]
          const errorId = `threshold-${key}-error`
          return (
            <tr key={key}>
              <th scope="row">
                {LABELS[key]}
                {rowError && (
                  <span id={errorId} className="field-error block">
                    {rowError}
                  </span>
                )}
              </th>
              {(['warning', 'critical'] as const).map((level) => (
                <td key={level}>
                  <input
                    type="number"
                    inputMode="decimal"
                    aria-label={`${LABELS[key]}: ${level} level`}
                    value={draft[key][level]}
                    onChange={(event) => set(key, level, event.target.value)}
                    aria-invalid={rowError ? true : undefined}
                    aria-describedby={rowError ? errorId : undefined}
                    data-testid={`threshold-${key}-${level}`}
                  />
                </td>
              ))}
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
