import { useState } from 'react'
import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import type { IntegrationDescriptor } from '../../../../shared/ipc/integration-descriptor.js'
import type { SettingsView } from '../../../../shared/ipc/payloads.js'
import { breakerPolicySchema, healthThresholdsSchema } from '../../../../shared/settings.js'
import { TextField } from '../../components/field.js'
import { SectionCard } from '../../components/section-card.js'
import { SaveBar } from './save-bar.js'
import { savePatch } from './settings-actions.js'
import {
  initialSourcePolicies,
  sourcePolicyPatch,
  SourcePolicyTable,
  type SourcePolicyDraft,
} from './source-policy-table.js'
import { ThresholdTable, THRESHOLD_KEYS, type ThresholdDraft } from './threshold-table.js'
import { numberFrom, validateWith, type FieldErrors } from './validate.js'

interface AdvancedSectionProps {
  api: BridgeApi
  settings: SettingsView
  accept: (settings: SettingsView) => void
  /** The registered integrations, each of which may have its own breaker values. */
  integrations?: readonly IntegrationDescriptor[]
}

function initialThresholds(settings: SettingsView): ThresholdDraft {
  const draft = {} as ThresholdDraft
  for (const key of THRESHOLD_KEYS) {
    draft[key] = {
      warning: String(settings.thresholds[key].warning),
      critical: String(settings.thresholds[key].critical),
    }
  }
  return draft
}

/** Seconds as typed (decimals allowed) to whole milliseconds; NaN for anything that is not a number. */
function secondsToMs(text: string): number {
  const seconds = numberFrom(text)
  return Number.isFinite(seconds) ? Math.round(seconds * 1000) : Number.NaN
}

/** `unifi.collectionBudgetMs`: empty means the default (twice the request timeout); else 1 s to 1 h. */
function budgetError(text: string): string | null {
  if (text.trim() === '') return null
  const ms = secondsToMs(text)
  return Number.isFinite(ms) && ms >= 1000 && ms <= 3_600_000 ? null : 'Enter seconds from 1 to 3600, or leave empty.'
}

/** " (60 s now)" for the request timeout being typed, so the default budget reads as a figure. */
function defaultBudgetText(requestTimeoutMs: string): string {
  const timeout = numberFrom(requestTimeoutMs)
  return Number.isFinite(timeout) && timeout > 0 ? ` (${String((timeout * 2) / 1000)} s now)` : ''
}

/** Breaker policy, timeouts, the UniFi collection limits and device-health thresholds, checked before saving. */
export function AdvancedSection({ api, settings, accept, integrations = [] }: AdvancedSectionProps) {
  const [breaker, setBreaker] = useState(() => ({
    failMax: String(settings.breaker.failMax),
    resetTimeoutMs: String(settings.breaker.resetTimeoutMs),
    timeoutMs: String(settings.breaker.timeoutMs),
  }))
  const [requestTimeoutMs, setRequestTimeoutMs] = useState(String(settings.unifi.requestTimeoutMs))
  const [budgetSeconds, setBudgetSeconds] = useState(() =>
    settings.unifi.collectionBudgetMs === undefined ? '' : String(settings.unifi.collectionBudgetMs / 1000),
  )
  const [maxConcurrent, setMaxConcurrent] = useState(String(settings.unifi.maxConcurrentRequests))
  const [thresholds, setThresholds] = useState(() => initialThresholds(settings))
  const [sourcePolicies, setSourcePolicies] = useState<SourcePolicyDraft>(() =>
    initialSourcePolicies(settings, integrations),
  )
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)
  const setBreakerField = (key: keyof typeof breaker) => (value: string) =>
    setBreaker((current) => ({ ...current, [key]: value }))

  async function save(): Promise<void> {
    setMessage(null)
    const policy = validateWith(breakerPolicySchema, 'breaker', {
      failMax: numberFrom(breaker.failMax),
      resetTimeoutMs: numberFrom(breaker.resetTimeoutMs),
      timeoutMs: numberFrom(breaker.timeoutMs),
    })
    const limits = validateWith(
      healthThresholdsSchema,
      'thresholds',
      Object.fromEntries(
        THRESHOLD_KEYS.map((key) => [
          key,
          { warning: numberFrom(thresholds[key].warning), critical: numberFrom(thresholds[key].critical) },
        ]),
      ),
    )
    const timeout = numberFrom(requestTimeoutMs)
    const timeoutError =
      !Number.isInteger(timeout) || timeout < 1000 || timeout > 600_000
        ? 'Enter whole milliseconds from 1000 to 600000.'
        : null
    const budget = budgetError(budgetSeconds)
    const concurrent = numberFrom(maxConcurrent)
    const concurrentError =
      !Number.isInteger(concurrent) || concurrent < 1 || concurrent > 8 ? 'Enter a whole number from 1 to 8.' : null
    const own = sourcePolicyPatch(
      // Rows for integrations described after the first render (the list arrives from main).
      { ...initialSourcePolicies(settings, integrations), ...sourcePolicies },
      policy.ok ? policy.value : settings.breaker,
    )
    if (!policy.ok || !limits.ok || timeoutError || budget || concurrentError || !own.ok) {
      return setErrors({
        ...(policy.ok ? {} : policy.errors),
        ...(own.ok ? {} : own.errors),
        ...(limits.ok ? {} : limits.errors),
        ...(timeoutError ? { 'unifi.requestTimeoutMs': timeoutError } : {}),
        ...(budget ? { 'unifi.collectionBudgetMs': budget } : {}),
        ...(concurrentError ? { 'unifi.maxConcurrentRequests': concurrentError } : {}),
      })
    }
    setBusy(true)
    const patch = {
      breaker: policy.value,
      ...(Object.keys(own.value).length > 0 ? { sources: own.value } : {}),
      thresholds: limits.value,
      unifi: {
        requestTimeoutMs: timeout,
        collectionBudgetMs: budgetSeconds.trim() === '' ? null : secondsToMs(budgetSeconds),
        maxConcurrentRequests: concurrent,
      },
    }
    const outcome = await savePatch(api, patch, accept)
    setBusy(false)
    setErrors(outcome.errors)
    if (outcome.failure) setMessage({ tone: 'error', text: outcome.failure })
    else if (outcome.saved) setMessage({ tone: 'ok', text: 'Advanced settings saved.' })
  }

  return (
    <SectionCard
      id="advanced"
      title="Advanced"
      description={
        <p>
          How long to wait for each source, and when to stop calling one that keeps failing (the circuit breaker opens
          after the set number of failures and lets a trial call through after the wait).
        </p>
      }
    >
      <h3 className="subheading">Circuit breaker and timeouts</h3>
      <div className="grid-2">
        <TextField
          label="Failures before the breaker opens"
          type="number"
          inputMode="numeric"
          value={breaker.failMax}
          onChange={setBreakerField('failMax')}
          error={errors['breaker.failMax']}
          testId="breaker-fail-max"
        />
        <TextField
          label="Wait before a trial call (ms)"
          type="number"
          inputMode="numeric"
          value={breaker.resetTimeoutMs}
          onChange={setBreakerField('resetTimeoutMs')}
          error={errors['breaker.resetTimeoutMs']}
          testId="breaker-reset"
        />
        <TextField
          label="Integration call timeout (ms)"
          type="number"
          inputMode="numeric"
          value={breaker.timeoutMs}
          onChange={setBreakerField('timeoutMs')}
          hint="Must be shorter than the wait before a trial call."
          error={errors['breaker.timeoutMs']}
          testId="breaker-timeout"
        />
        <TextField
          label="UniFi request timeout (ms)"
          type="number"
          inputMode="numeric"
          value={requestTimeoutMs}
          onChange={setRequestTimeoutMs}
          error={errors['unifi.requestTimeoutMs']}
          testId="unifi-request-timeout"
        />
        <TextField
          label="UniFi collection time budget (s)"
          type="number"
          inputMode="decimal"
          value={budgetSeconds}
          onChange={setBudgetSeconds}
          hint={`How long the whole UniFi collection may take; what was read by then goes into the report. Empty: twice the request timeout${defaultBudgetText(requestTimeoutMs)}.`}
          error={errors['unifi.collectionBudgetMs']}
          testId="unifi-collection-budget"
        />
        <TextField
          label="UniFi requests at once"
          type="number"
          inputMode="numeric"
          value={maxConcurrent}
          onChange={setMaxConcurrent}
          hint="1 to 8 (default 4). Lower it for a small console such as a Cloud Key or a UniFi Express."
          error={errors['unifi.maxConcurrentRequests']}
          testId="unifi-max-concurrent"
        />
      </div>
      {integrations.length > 0 && (
        <>
          <h3 className="subheading">Per integration</h3>
          <p className="muted small">
            An integration may keep its own values; an empty cell follows the ones above. Its Status card shows them.
          </p>
          <SourcePolicyTable
            integrations={integrations}
            draft={{ ...initialSourcePolicies(settings, integrations), ...sourcePolicies }}
            global={breaker}
            onChange={setSourcePolicies}
            errors={errors}
          />
        </>
      )}
      <h3 className="subheading">Device-health thresholds</h3>
      <ThresholdTable draft={thresholds} onChange={setThresholds} errors={errors} />
      <SaveBar
        label="Save advanced settings"
        busy={busy}
        onSave={() => void save()}
        message={message}
        testId="save-advanced"
      />
    </SectionCard>
  )
}
