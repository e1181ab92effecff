import { useState } from 'react'
import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import type { SettingsView, UnifiTestRequest } from '../../../../shared/ipc/payloads.js'
import { TextField } from '../../components/field.js'
import { SectionCard } from '../../components/section-card.js'
import { TrustSummary } from '../certificates/trust-summary.js'
import { ConnectionTest } from './connection-test.js'
import { MissingFieldsNotice } from './missing-fields-notice.js'
import { unifiMissing, type UnifiDraft } from './missing-fields.js'
import { SaveBar } from './save-bar.js'
import { UnifiAuthFields } from './unifi-auth-fields.js'
import { savePatch, saveSecret } from './settings-actions.js'
import type { FieldErrors } from './validate.js'

interface UnifiSectionProps {
  api: BridgeApi
  settings: SettingsView
  accept: (settings: SettingsView) => void
}

function initialDraft(settings: SettingsView): UnifiDraft {
  const usesPassword = !settings.secretsSet['unifi.apiKey'] && settings.unifi.username !== undefined
  return {
    url: settings.unifi.url ?? '',
    username: settings.unifi.username ?? '',
    authMethod: usesPassword ? 'password' : 'api-key',
    pendingApiKey: '',
    pendingPassword: '',
  }
}

/** Controller address, sign-in, connection test and certificate trust. */
export function UnifiSection({ api, settings, accept }: UnifiSectionProps) {
  const [draft, setDraft] = useState(() => initialDraft(settings))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)
  const update = (change: Partial<UnifiDraft>) => setDraft((current) => ({ ...current, ...change }))
  const check = unifiMissing(draft, settings.secretsSet)

  function testDraft(): UnifiTestRequest | null {
    if (draft.url.trim() === '') {
      setErrors({ 'unifi.url': 'Enter the controller address, e.g. https://192.168.1.1.' })
      return null
    }
    setErrors({})
    const request: UnifiTestRequest = { url: draft.url.trim() }
    if (draft.authMethod === 'password') {
      if (draft.username.trim()) request.username = draft.username.trim()
      if (draft.pendingPassword) request.password = draft.pendingPassword
    } else if (draft.pendingApiKey) {
      request.apiKey = draft.pendingApiKey
    }
    return request
  }

  async function save(): Promise<void> {
    setBusy(true)
    setMessage(null)
    const outcome = await savePatch(api, { unifi: { url: draft.url.trim(), username: draft.username.trim() } }, accept)
    let failure = outcome.failure
    if (outcome.saved && draft.authMethod === 'api-key' && draft.pendingApiKey.trim()) {
      failure = await saveSecret(api, 'unifi.apiKey', draft.pendingApiKey, accept)
      if (!failure) update({ pendingApiKey: '' })
    }
    if (outcome.saved && draft.authMethod === 'password' && draft.pendingPassword.trim()) {
      failure = await saveSecret(api, 'unifi.password', draft.pendingPassword, accept)
      if (!failure) update({ pendingPassword: '' })
    }
    setBusy(false)
    setErrors(outcome.errors)
    if (failure) setMessage({ tone: 'error', text: failure })
    else if (outcome.saved) setMessage({ tone: 'ok', text: 'UniFi settings saved.' })
  }

  async function removeTrust(field: 'tlsFingerprint' | 'caFile'): Promise<void> {
    setBusy(true)
    const outcome = await savePatch(api, { unifi: { [field]: '' } }, accept)
    setBusy(false)
    if (outcome.failure) setMessage({ tone: 'error', text: outcome.failure })
  }

  return (
    <SectionCard
      id="unifi"
      title="UniFi controller"
      description={<p>The console or controller the report is about. Required for every report.</p>}
    >
      <MissingFieldsNotice scope="unifi" name="UniFi" check={check} />
      <TextField
        label="Controller URL"
        value={draft.url}
        onChange={(url) => update({ url })}
        placeholder="https://192.168.1.1"
        hint="https://host, host:port or an IP address. Without a port, 443, 8443 and 11443 are tried."
        error={errors['unifi.url']}
        type="url"
        inputMode="url"
        testId="unifi-url"
      />
      <UnifiAuthFields api={api} settings={settings} draft={draft} update={update} accept={accept} errors={errors} />
      {settings.unifi.site && (
        <p className="muted" data-testid="unifi-site">
          Site: <strong>{settings.unifi.site}</strong>
        </p>
      )}
      <TrustSummary unifi={settings.unifi} onRemove={(field) => void removeTrust(field)} busy={busy} />
      <ConnectionTest api={api} draft={testDraft} currentSite={settings.unifi.site} accept={accept} />
      <SaveBar
        label="Save UniFi settings"
        busy={busy}
        onSave={() => void save()}
        message={message}
        testId="save-unifi"
      />
    </SectionCard>
  )
}
