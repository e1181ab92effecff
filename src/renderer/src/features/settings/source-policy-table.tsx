import type { IntegrationDescriptor } from '../../../../shared/ipc/integration-descriptor.js'
import type { SettingsView } from '../../../../shared/ipc/payloads.js'
import type { FieldErrors } from './validate.js'

export const POLICY_KEYS = ['failMax', 'resetTimeoutMs', 'timeoutMs'] as const
export type PolicyKey = (typeof POLICY_KEYS)[number]
/** Per integration id: what is typed per value; '' follows the global value. */
export type SourcePolicyDraft = Record<string, Record<PolicyKey, string>>

const COLUMNS: Record<PolicyKey, string> = {
  failMax: 'Failures before opening',
  resetTimeoutMs: 'Wait before a trial (ms)',
  timeoutMs: 'Call timeout (ms)',
}

export function initialSourcePolicies(
  settings: SettingsView,
  integrations: readonly Pick<IntegrationDescriptor, 'id'>[],
): SourcePolicyDraft {
  const draft: SourcePolicyDraft = {}
  for (const { id } of integrations) {
    const own = Object.hasOwn(settings.sources, id) ? settings.sources[id]?.breaker : undefined
    draft[id] = {
      failMax: own?.failMax === undefined ? '' : String(own.failMax),
      resetTimeoutMs: own?.resetTimeoutMs === undefined ? '' : String(own.resetTimeoutMs),
      timeoutMs: own?.timeoutMs === undefined ? '' : String(own.timeoutMs),
    }
  }
  return draft
}

interface SourcePolicyTableProps {
  integrations: readonly Pick<IntegrationDescriptor, 'id' | 'displayName'>[]
  draft: SourcePolicyDraft
  /** The global values typed above, shown as what an empty cell means. */
  global: Record<PolicyKey, string>
  onChange: (next: SourcePolicyDraft) => void
  errors: FieldErrors
}

/** Each integration's own breaker values; an empty cell follows the global policy above it. */
export function SourcePolicyTable({ integrations, draft, global, onChange, errors }: SourcePolicyTableProps) {
  const set = (id: string, key: PolicyKey, value: string) => {
    const row = draft[id] ?? { failMax: '', resetTimeoutMs: '', timeoutMs: '' }
    onChange({ ...draft, [id]: { ...row, [key]: value } })
  }
  return (
    <table className="threshold-table" data-testid="source-policy-table">
      <caption className="visually-hidden">Circuit breaker per integration</caption>
      <thead>
        <tr>
          <th scope="col">Integration</th>
          {POLICY_KEYS.map((key) => (
            <th scope="col" key={key}>
              {COLUMNS[key]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {integrations.map(({ id, displayName }) => {
          const rowError = POLICY_KEYS.map((key) => errors[`sources.${id}.breaker.${key}`]).find(Boolean)
          const errorId = `source-policy-${id}-error`
          return (
            <tr key={id}>
              <th scope="row">
                {displayName}
                {rowError && (
                  <span id={errorId} className="field-error block">
                    {rowError}
                  </span>
                )}
              </th>
              {POLICY_KEYS.map((key) => (
                <td key={key}>
                  <input
                    type="number"
                    inputMode="numeric"
                    aria-label={`${displayName}: ${COLUMNS[key]} (empty: ${global[key]} as above)`}
                    placeholder={global[key]}
                    value={draft[id]?.[key] ?? ''}
                    onChange={(event) => set(id, key, event.target.value)}
                    aria-invalid={rowError ? true : undefined}
                    aria-describedby={rowError ? errorId : undefined}
                    data-testid={`source-policy-${id}-${key}`}
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

/**
 * The `sources` patch of the draft: a number sets the integration's own value, an empty cell sends null (back to
 * the global value). A cell that is not a whole number in range is an error on its row.
 */
export function sourcePolicyPatch(
  draft: SourcePolicyDraft,
  global: Record<PolicyKey, number>,
):
  | { ok: true; value: Record<string, { breaker: Record<PolicyKey, number | null> }> }
  | { ok: false; errors: FieldErrors } {
  const value: Record<string, { breaker: Record<PolicyKey, number | null> }> = {}
  const errors: FieldErrors = {}
  const ranges: Record<PolicyKey, [number, number]> = {
    failMax: [1, 100],
    resetTimeoutMs: [100, 86_400_000],
    timeoutMs: [100, 600_000],
  }
  for (const [id, row] of Object.entries(draft)) {
    const breaker = { failMax: null, resetTimeoutMs: null, timeoutMs: null } as Record<PolicyKey, number | null>
    for (const key of POLICY_KEYS) {
      const text = row[key].trim()
      if (text === '') continue
      const number = Number(text)
      const [min, max] = ranges[key]
      if (!Number.isInteger(number) || number < min || number > max)
        errors[`sources.${id}.breaker.${key}`] =
          `${COLUMNS[key]}: enter a whole number from ${min} to ${max}, or leave it empty.`
      else breaker[key] = number
    }
    const timeout = breaker.timeoutMs ?? global.timeoutMs
    const reset = breaker.resetTimeoutMs ?? global.resetTimeoutMs
    if (
      !errors[`sources.${id}.breaker.timeoutMs`] &&
      (breaker.timeoutMs !== null || breaker.resetTimeoutMs !== null) &&
      timeout >= reset
    )
      errors[`sources.${id}.breaker.timeoutMs`] =
        `The call timeout (${timeout} ms) must be shorter than the wait before a trial (${reset} ms).`
    value[id] = { breaker }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value }
}
