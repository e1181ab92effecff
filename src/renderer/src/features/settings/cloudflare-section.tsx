import { useId, useState } from 'react'
import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import type { ConnectionTest, SettingsView } from '../../../../shared/ipc/payloads.js'
import { TextField } from '../../components/field.js'
import { SectionCard } from '../../components/section-card.js'
import { MissingFieldsNotice } from './missing-fields-notice.js'
import { cloudflareMissing, parseZones, type CloudflareDraft } from './missing-fields.js'
import { SaveBar } from './save-bar.js'
import { SecretField } from './secret-field.js'
import { clearSecret, savePatch, saveSecret } from './settings-actions.js'
import type { FieldErrors } from './validate.js'

const TOKEN = 'integrations.cloudflare.apiToken'

interface CloudflareSectionProps {
  api: BridgeApi
  settings: SettingsView
  accept: (settings: SettingsView) => void
}

/** Optional: edge security events, DNS analytics and tunnel health. Entering the token is the switch. */
export function CloudflareSection({ api, settings, accept }: CloudflareSectionProps) {
  const zonesId = useId()
  const stored = settings.integrations['cloudflare'] ?? {}
  const [draft, setDraft] = useState<CloudflareDraft>(() => ({
    accountId: typeof stored['accountId'] === 'string' ? stored['accountId'] : '',
    zones: Array.isArray(stored['zones']) ? stored['zones'].join(', ') : '',
    pendingToken: '',
  }))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)
  const [verification, setVerification] = useState<ConnectionTest | null>(null)
  const update = (change: Partial<CloudflareDraft>) => setDraft((current) => ({ ...current, ...change }))

  async function save(): Promise<void> {
    setBusy(true)
    const patch = {
      integrations: { cloudflare: { accountId: draft.accountId.trim(), zones: parseZones(draft.zones) } },
    }
    const outcome = await savePatch(api, patch, accept)
    let failure = outcome.failure
    if (outcome.saved && draft.pendingToken.trim()) {
      failure = await saveSecret(api, TOKEN, draft.pendingToken, accept)
      if (!failure) update({ pendingToken: '' })
    }
    setBusy(false)
    setErrors(outcome.errors)
    if (failure) setMessage({ tone: 'error', text: failure })
    else setMessage(outcome.saved ? { tone: 'ok', text: 'Cloudflare settings saved.' } : null)
  }

  async function verify(): Promise<void> {
    setBusy(true)
    setVerification(null)
    const request = {
      ...(draft.pendingToken.trim() ? { apiToken: draft.pendingToken.trim() } : {}),
      ...(draft.accountId.trim() ? { accountId: draft.accountId.trim() } : {}),
    }
    const result = await api.verifyCloudflareToken(request)
    setBusy(false)
    setVerification(result.ok ? result.value : { ok: false, message: result.error.message })
  }

  return (
    <SectionCard
      id="cloudflare"
      title="Cloudflare"
      description={<p>Optional. Adds edge security events, DNS analytics and tunnel health to the report.</p>}
    >
      <MissingFieldsNotice scope="cloudflare" name="Cloudflare" check={cloudflareMissing(draft, settings.secretsSet)} />
      <SecretField
        label="API token"
        testId="cloudflare-token"
        isSet={settings.secretsSet[TOKEN] === true}
        pending={draft.pendingToken}
        onPendingChange={(pendingToken) => update({ pendingToken })}
        onSave={(value) => saveSecret(api, TOKEN, value, accept)}
        onClear={() => clearSecret(api, TOKEN, accept)}
        hint="A scoped token (not the Global API Key) with Zone Read, Zone Analytics Read and Cloudflare Tunnel Read."
      />
      <TextField
        label="Account ID (optional)"
        value={draft.accountId}
        onChange={(accountId) => update({ accountId })}
        hint="Needed for tunnel status when it cannot be read from your zones."
        error={errors['integrations.cloudflare.accountId']}
        testId="cloudflare-account"
      />
      <div className="field">
        <label htmlFor={zonesId}>Zones (optional)</label>
        <textarea
          id={zonesId}
          rows={2}
          value={draft.zones}
          onChange={(event) => update({ zones: event.target.value })}
          aria-describedby={`${zonesId}-hint`}
          spellCheck={false}
        />
        <p id={`${zonesId}-hint`} className="hint">
          Zone names or ids, separated by commas or new lines. Empty means every zone the token can read.
        </p>
      </div>
      <div className="button-row">
        <button type="button" onClick={() => void verify()} disabled={busy}>
          Verify token
        </button>
      </div>
      <div aria-live="polite" data-testid="cloudflare-verify-result">
        {verification && (
          <p className={verification.ok ? 'save-ok' : 'field-error'}>
            {verification.ok ? '✓ ' : '✕ '}
            {verification.message}
          </p>
        )}
      </div>
      <SaveBar
        label="Save Cloudflare settings"
        busy={busy}
        onSave={() => void save()}
        message={message}
        testId="save-cloudflare"
      />
    </SectionCard>
  )
}
