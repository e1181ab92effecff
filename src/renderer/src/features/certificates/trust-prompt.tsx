import { useState } from 'react'
import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import type { SettingsView } from '../../../../shared/ipc/payloads.js'
import { Fingerprint } from './fingerprint.js'

interface TrustPromptProps {
  api: BridgeApi
  /** The fingerprint the console presented, or null when it could not be read (then only a CA file helps). */
  fingerprint: string | null
  message: string
  accept: (settings: SettingsView) => void
  /** Called once the admin trusted the certificate or loaded a CA file, to test again. */
  onTrusted: () => void
}

/**
 * Shown when the console presents a certificate the system does not trust (self-signed or a private CA). The
 * admin compares the fingerprint with the one on the console and pins it, or loads the CA that signed it.
 * Nothing is trusted without that explicit step, and never globally.
 */
export function TrustPrompt({ api, fingerprint, message, accept, onTrusted }: TrustPromptProps) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function trust(): Promise<void> {
    if (!fingerprint) return
    setBusy(true)
    const result = await api.trustUnifiCertificate({ fingerprint })
    setBusy(false)
    if (!result.ok) return setError(result.error.message)
    accept(result.value)
    onTrusted()
  }

  async function loadCaFile(): Promise<void> {
    setBusy(true)
    const result = await api.useUnifiCaFile()
    setBusy(false)
    if (!result.ok) return setError(result.error.message)
    accept(result.value.settings)
    if (result.value.path !== null) onTrusted()
  }

  return (
    <div className="trust-prompt" role="group" aria-labelledby="trust-title" data-testid="trust-prompt">
      <h3 id="trust-title">The console’s certificate is not trusted</h3>
      <p>{message}</p>
      {fingerprint ? (
        <>
          <p>
            Compare this SHA-256 fingerprint with the one shown by the console (UniFi OS: Settings → Control Plane →
            Console, or your browser’s certificate viewer). Trust it only if they match.
          </p>
          <Fingerprint value={fingerprint} testId="trust-fingerprint" />
        </>
      ) : (
        <p>The certificate’s fingerprint could not be read. Load the CA file that signed it instead.</p>
      )}
      <div className="button-row">
        {fingerprint && (
          <button type="button" className="primary" onClick={() => void trust()} disabled={busy}>
            Trust this certificate
          </button>
        )}
        <button type="button" onClick={() => void loadCaFile()} disabled={busy}>
          Load a CA file…
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
