import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import type { SettingsView } from '../../../../shared/ipc/payloads.js'
import { TextField } from '../../components/field.js'
import type { UnifiDraft } from './missing-fields.js'
import { SecretField } from './secret-field.js'
import { clearSecret, saveSecret } from './settings-actions.js'
import type { FieldErrors } from './validate.js'

interface UnifiAuthFieldsProps {
  api: BridgeApi
  settings: SettingsView
  draft: UnifiDraft
  update: (change: Partial<UnifiDraft>) => void
  accept: (settings: SettingsView) => void
  errors: FieldErrors
}

const METHODS = [
  {
    value: 'api-key',
    label: 'API key',
    hint: 'UniFi OS: Settings → Control Plane → Integrations. Read-only is enough.',
  },
  { value: 'password', label: 'Local admin account', hint: 'Username and password of a local, read-only admin.' },
] as const

/** API key, or local admin username and password — with the MFA caveat admins most often trip over. */
export function UnifiAuthFields({ api, settings, draft, update, accept, errors }: UnifiAuthFieldsProps) {
  return (
    <fieldset className="auth-fieldset">
      <legend>Sign in with</legend>
      <div className="segmented" role="radiogroup" aria-label="Sign in with">
        {METHODS.map((method) => (
          <label key={method.value} className={`segment${draft.authMethod === method.value ? ' selected' : ''}`}>
            <input
              type="radio"
              name="unifi-auth-method"
              value={method.value}
              checked={draft.authMethod === method.value}
              onChange={() => update({ authMethod: method.value })}
            />
            {method.label}
          </label>
        ))}
      </div>
      <p className="hint">{METHODS.find((method) => method.value === draft.authMethod)?.hint}</p>
      {draft.authMethod === 'api-key' ? (
        <SecretField
          label="API key"
          testId="unifi-api-key"
          isSet={settings.secretsSet['unifi.apiKey']}
          pending={draft.pendingApiKey}
          onPendingChange={(pendingApiKey) => update({ pendingApiKey })}
          onSave={(value) => saveSecret(api, 'unifi.apiKey', value, accept)}
          onClear={() => clearSecret(api, 'unifi.apiKey', accept)}
        />
      ) : (
        <>
          <div className="note" data-testid="mfa-guidance">
            <strong>Use a local account.</strong> UI.com cloud / SSO accounts with multi-factor authentication cannot
            sign in from here. Create a local admin on the console (Admins &amp; Users → Add admin → “Restrict to local
            access only”) with a read-only role.
          </div>
          <TextField
            label="Username"
            value={draft.username}
            onChange={(username) => update({ username })}
            autoComplete="off"
            error={errors['unifi.username']}
            testId="unifi-username"
          />
          <SecretField
            label="Password"
            testId="unifi-password"
            isSet={settings.secretsSet['unifi.password']}
            pending={draft.pendingPassword}
            onPendingChange={(pendingPassword) => update({ pendingPassword })}
            onSave={(value) => saveSecret(api, 'unifi.password', value, accept)}
            onClear={() => clearSecret(api, 'unifi.password', accept)}
          />
        </>
      )}
    </fieldset>
  )
}
