import { useState } from 'react'
import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import type { DeliveryTestRequest, DeliveryTestResult } from '../../../../shared/ipc/delivery-payloads.js'
import type { SettingsView } from '../../../../shared/ipc/payloads.js'
import {
  EMAIL_PASSWORD_PATH,
  webhookSecretPath,
  type SecretSettingPath,
  type SmtpTls,
  type WebhookFormat,
} from '../../../../shared/settings.js'
import { CheckboxField, FieldShell, SelectField, TextField } from '../../components/field.js'
import { SectionCard } from '../../components/section-card.js'
import {
  channelErrors,
  draftFromView,
  emailTestRequest,
  emptyEmail,
  emptyWebhook,
  MAX_WEBHOOKS,
  patchOf,
  validateDelivery,
  webhookTestRequest,
  type DeliveryDraft,
  type EmailDraft,
  type PolicyDraft,
  type WebhookDraft,
} from './delivery-draft.js'
import { SaveBar } from './save-bar.js'
import { SecretField } from './secret-field.js'
import { clearSecret, savePatch, saveSecret } from './settings-actions.js'
import type { FieldErrors } from './validate.js'

interface DeliverySectionProps {
  api: BridgeApi
  settings: SettingsView
  accept: (settings: SettingsView) => void
}

const TLS: readonly { value: SmtpTls; label: string }[] = [
  { value: 'starttls', label: 'STARTTLS (port 587, upgrade required)' },
  { value: 'implicit', label: 'TLS from the start (port 465)' },
  { value: 'none', label: 'None (only a relay on this computer)' },
]
const FORMATS: readonly { value: WebhookFormat; label: string }[] = [
  { value: 'slack', label: 'Slack' },
  { value: 'teams', label: 'Microsoft Teams' },
  { value: 'discord', label: 'Discord' },
  { value: 'ntfy', label: 'ntfy' },
  { value: 'json', label: 'JSON (signed with the signing secret)' },
]

type TestState = { phase: 'running' } | { phase: 'done'; result: DeliveryTestResult }

/**
 * Where each report goes besides the reports folder: one email channel and up to ten webhooks, each with its
 * own optional breaker values. Secrets (SMTP password, webhook URLs, signing secrets) are write-only: the form
 * shows whether each is set, and typed ones are stored with Save. "Send test" sends a real message, marked as a
 * test, with what the form holds.
 */
export function DeliverySection({ api, settings, accept }: DeliverySectionProps) {
  const view = settings.delivery
  const [draft, setDraft] = useState<DeliveryDraft>(() => draftFromView(view))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)
  const [tests, setTests] = useState<Record<string, TestState>>({})
  const savedEmail = view.email !== null
  const global = settings.breaker

  const setEmail = (change: Partial<EmailDraft>) =>
    setDraft((current) => (current.email ? { ...current, email: { ...current.email, ...change } } : current))
  const setWebhook = (key: string, change: Partial<WebhookDraft>) =>
    setDraft((current) => ({
      ...current,
      webhooks: current.webhooks.map((webhook) => (webhook.key === key ? { ...webhook, ...change } : webhook)),
    }))

  async function save(): Promise<void> {
    setMessage(null)
    const problems = validateDelivery(draft, view)
    setErrors(problems)
    if (Object.keys(problems).length > 0) {
      setMessage({ tone: 'error', text: 'Fix the marked fields, then save again.' })
      return
    }
    setBusy(true)
    const outcome = await savePatch(api, patchOf(draft), accept)
    let failure = outcome.failure
    let next = draft
    if (outcome.saved && outcome.settings) {
      // Webhooks come back in the order they were sent: a new one's id is at its place in the list.
      const saved = outcome.settings.delivery.webhooks
      next = {
        ...draft,
        webhooks: draft.webhooks.map((webhook, index) => {
          const id = webhook.id ?? saved[index]?.id
          return id === undefined ? webhook : { ...webhook, id }
        }),
      }
      const secrets: { path: SecretSettingPath; value: string; done: (d: DeliveryDraft) => DeliveryDraft }[] = []
      if (next.email && next.email.password.trim() !== '') {
        secrets.push({
          path: EMAIL_PASSWORD_PATH,
          value: next.email.password,
          done: (d) => (d.email ? { ...d, email: { ...d.email, password: '' } } : d),
        })
      }
      for (const webhook of next.webhooks) {
        if (webhook.id === undefined) continue
        for (const key of ['url', 'secret'] as const) {
          if (webhook[key].trim() === '') continue
          secrets.push({
            path: webhookSecretPath(webhook.id, key),
            value: webhook[key],
            done: (d) => ({
              ...d,
              webhooks: d.webhooks.map((w) => (w.key === webhook.key ? { ...w, [key]: '' } : w)),
            }),
          })
        }
      }
      for (const secret of secrets) {
        if (failure) break
        failure = await saveSecret(api, secret.path, secret.value, accept)
        if (!failure) next = secret.done(next)
      }
    }
    setDraft(next)
    setBusy(false)
    setErrors(outcome.errors)
    if (failure) setMessage({ tone: 'error', text: failure })
    else if (outcome.saved) setMessage({ tone: 'ok', text: 'Delivery settings saved.' })
  }

  async function runTest(key: string, channel: 'email' | number, request: () => DeliveryTestRequest) {
    const problems = channelErrors(validateDelivery(draft, view), channel)
    if (Object.keys(problems).length > 0) {
      setErrors((current) => ({ ...current, ...problems }))
      setTests((current) => ({
        ...current,
        [key]: { phase: 'done', result: { ok: false, message: 'Fix the marked fields first.' } },
      }))
      return
    }
    setTests((current) => ({ ...current, [key]: { phase: 'running' } }))
    const result = await api.testDeliveryChannel(request())
    setTests((current) => ({
      ...current,
      [key]: { phase: 'done', result: result.ok ? result.value : { ok: false, message: result.error.message } },
    }))
  }

  const email = draft.email
  return (
    <SectionCard
      id="delivery"
      title="Delivery"
      description={
        <p>
          Send each report&apos;s summary by email and to chat webhooks. A delivery that fails is kept and sent again
          with the next report.
        </p>
      }
    >
      <h3>Email</h3>
      {email ? (
        <div className="stack" data-testid="delivery-email">
          <div className="grid-2">
            <TextField
              label="SMTP server"
              value={email.host}
              onChange={(host) => setEmail({ host })}
              placeholder="smtp.example.com"
              error={errors['delivery.email.host']}
              testId="delivery-email-host"
            />
            <TextField
              label="Port (optional)"
              value={email.port}
              onChange={(port) => setEmail({ port })}
              inputMode="numeric"
              hint="Empty: 587 for STARTTLS, 465 for TLS, 25 without encryption."
              error={errors['delivery.email.port']}
              testId="delivery-email-port"
            />
            <SelectField
              label="Encryption"
              value={email.tls}
              options={TLS}
              onChange={(tls) => setEmail({ tls })}
              error={errors['delivery.email.tls']}
              testId="delivery-email-tls"
            />
            <TextField
              label="User name (optional)"
              value={email.username}
              onChange={(username) => setEmail({ username })}
              hint="Empty: the server takes mail without signing in."
              error={errors['delivery.email.username']}
              testId="delivery-email-username"
            />
          </div>
          <SecretField
            label="SMTP password"
            testId="delivery-email-password"
            isSet={view.email?.passwordSet === true}
            pending={email.password}
            onPendingChange={(password) => setEmail({ password })}
            {...(savedEmail ? { onSave: (value: string) => saveSecret(api, EMAIL_PASSWORD_PATH, value, accept) } : {})}
            onClear={() => clearSecret(api, EMAIL_PASSWORD_PATH, accept)}
            hint={
              savedEmail
                ? 'Only ever sent to this mail server: changing the server removes it.'
                : 'Stored when you save the delivery settings.'
            }
          />
          <div className="grid-2">
            <TextField
              label="From"
              value={email.from}
              onChange={(from) => setEmail({ from })}
              placeholder="scanner@example.com"
              error={errors['delivery.email.from']}
              testId="delivery-email-from"
            />
            <ListField
              label="To"
              value={email.to}
              onChange={(to) => setEmail({ to })}
              error={errors['delivery.email.to']}
              testId="delivery-email-to"
            />
            <ListField
              label="BCC (optional)"
              value={email.bcc}
              onChange={(bcc) => setEmail({ bcc })}
              error={errors['delivery.email.bcc']}
              testId="delivery-email-bcc"
            />
            <CheckboxField
              label="Attach the HTML report"
              checked={email.attachReport}
              onChange={(attachReport) => setEmail({ attachReport })}
              testId="delivery-email-attach"
            />
          </div>
          <PolicyFields
            scope="delivery.email"
            testId="delivery-email"
            value={email.breaker}
            global={global}
            errors={errors}
            onChange={(breaker) => setEmail({ breaker })}
          />
          <ChannelActions
            name="email"
            testId="delivery-email"
            state={tests['email']}
            onTest={() => void runTest('email', 'email', () => emailTestRequest(email))}
            onRemove={() => setDraft((current) => ({ ...current, email: null }))}
          />
        </div>
      ) : (
        <div className="button-row">
          <button
            type="button"
            onClick={() => setDraft((current) => ({ ...current, email: emptyEmail() }))}
            data-testid="delivery-add-email"
          >
            Add email
          </button>
        </div>
      )}
      <h3>Webhooks</h3>
      {draft.webhooks.length === 0 && <p className="muted">No webhooks.</p>}
      {draft.webhooks.map((webhook, index) => {
        const saved = view.webhooks.find((candidate) => candidate.id === webhook.id)
        const testId = `delivery-webhook-${index}`
        const name = webhook.name.trim() || `webhook ${index + 1}`
        const path = (key: 'url' | 'secret') => (saved ? webhookSecretPath(saved.id, key) : null)
        return (
          <fieldset key={webhook.key} className="stack" data-testid={testId}>
            <legend>Webhook {index + 1}</legend>
            <div className="grid-2">
              <TextField
                label="Name"
                value={webhook.name}
                onChange={(value) => setWebhook(webhook.key, { name: value })}
                placeholder="ops-channel"
                hint="How the Status tab and messages name it (the URL is a secret and never shown)."
                error={errors[`delivery.webhooks.${index}.name`]}
                testId={`${testId}-name`}
              />
              <SelectField
                label="Format"
                value={webhook.format}
                options={FORMATS}
                onChange={(format) => setWebhook(webhook.key, { format })}
                error={errors[`delivery.webhooks.${index}.format`]}
                testId={`${testId}-format`}
              />
            </div>
            {(['url', 'secret'] as const).map((key) => {
              const secretPath = path(key)
              return (
                <SecretField
                  key={key}
                  label={key === 'url' ? 'Webhook URL' : 'Signing secret (optional)'}
                  testId={`${testId}-${key}`}
                  isSet={key === 'url' ? saved?.urlSet === true : saved?.secretSet === true}
                  pending={webhook[key]}
                  onPendingChange={(value) => setWebhook(webhook.key, { [key]: value })}
                  {...(secretPath ? { onSave: (value: string) => saveSecret(api, secretPath, value, accept) } : {})}
                  onClear={() => (secretPath ? clearSecret(api, secretPath, accept) : Promise.resolve(null))}
                  hint={secretHint(key, secretPath !== null)}
                  invalid={errors[`delivery.webhooks.${index}.${key}`]}
                />
              )
            })}
            <PolicyFields
              scope={`delivery.webhooks.${index}`}
              testId={testId}
              value={webhook.breaker}
              global={global}
              errors={errors}
              onChange={(breaker) => setWebhook(webhook.key, { breaker })}
            />
            <ChannelActions
              name={name}
              testId={testId}
              state={tests[webhook.key]}
              onTest={() => void runTest(webhook.key, index, () => webhookTestRequest(webhook))}
              onRemove={() =>
                setDraft((current) => ({
                  ...current,
                  webhooks: current.webhooks.filter((candidate) => candidate.key !== webhook.key),
                }))
              }
            />
          </fieldset>
        )
      })}
      <div className="button-row">
        <button
          type="button"
          onClick={() => setDraft((current) => ({ ...current, webhooks: [...current.webhooks, emptyWebhook()] }))}
          disabled={draft.webhooks.length >= MAX_WEBHOOKS}
          data-testid="delivery-add-webhook"
        >
          Add webhook
        </button>
      </div>
      <SaveBar
        label="Save delivery settings"
        busy={busy}
        onSave={() => void save()}
        message={message}
        testId="save-delivery"
      />
    </SectionCard>
  )
}

function secretHint(key: 'url' | 'secret', saved: boolean): string {
  const base =
    key === 'url'
      ? 'https (http only to this computer); chat services put their token in it, so it is kept as a secret.'
      : 'Signs the JSON format (HMAC-SHA256 in X-UniFi-Scanner-Signature); only sent to the server it was saved for.'
  const when = saved ? '' : ' Stored when you save the delivery settings.'
  return `${base}${when}`
}

interface ChannelActionsProps {
  name: string
  testId: string
  state: TestState | undefined
  onTest: () => void
  onRemove: () => void
}

/** "Send test" with its result beside it, and "Remove" (which takes effect with Save). */
function ChannelActions({ name, testId, state, onTest, onRemove }: ChannelActionsProps) {
  return (
    <div className="button-row">
      <button
        type="button"
        onClick={onTest}
        disabled={state?.phase === 'running'}
        aria-label={`Send test to ${name}`}
        data-testid={`${testId}-test`}
      >
        {state?.phase === 'running' ? 'Sending…' : 'Send test'}
      </button>
      <button
        type="button"
        className="danger-outline"
        onClick={onRemove}
        aria-label={`Remove ${name}`}
        data-testid={`${testId}-remove`}
      >
        Remove
      </button>
      <span aria-live="polite" data-testid={`${testId}-test-result`}>
        {state?.phase === 'done' && (
          <span className={state.result.ok ? 'save-ok' : 'field-error'}>
            {state.result.ok ? '✓ ' : '✕ '}
            {state.result.message}
          </span>
        )}
      </span>
    </div>
  )
}

interface PolicyFieldsProps {
  scope: string
  testId: string
  value: PolicyDraft
  global: SettingsView['breaker']
  errors: FieldErrors
  onChange: (value: PolicyDraft) => void
}

/** The channel's own breaker values; empty ones follow the global breaker settings (shown as placeholders). */
function PolicyFields({ scope, testId, value, global, errors, onChange }: PolicyFieldsProps) {
  const field = (key: keyof PolicyDraft, label: string) => (
    <TextField
      label={label}
      value={value[key]}
      onChange={(text) => onChange({ ...value, [key]: text })}
      inputMode="numeric"
      placeholder={String(global[key])}
      hint={`Empty: ${String(global[key])} (the global value).`}
      error={errors[`${scope}.breaker.${key}`]}
      testId={`${testId}-${key}`}
    />
  )
  return (
    <details className="channel-policy">
      <summary>Timeout and breaker (optional)</summary>
      <div className="grid-2">
        {field('timeoutMs', 'Timeout (ms)')}
        {field('failMax', 'Failures before pausing')}
        {field('resetTimeoutMs', 'Pause before a trial (ms)')}
      </div>
    </details>
  )
}

function ListField(props: {
  label: string
  value: string
  onChange: (value: string) => void
  error: string | undefined
  testId: string
}) {
  const { label, value, onChange, error, testId } = props
  return (
    <FieldShell label={label} hint="Separate addresses with commas or new lines." error={error}>
      {({ inputId, describedBy, invalid }) => (
        <textarea
          id={inputId}
          rows={2}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          spellCheck={false}
          data-testid={testId}
        />
      )}
    </FieldShell>
  )
}
