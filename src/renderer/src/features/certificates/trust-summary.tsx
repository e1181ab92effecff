import type { SettingsView } from '../../../../shared/ipc/payloads.js'
import { Fingerprint } from './fingerprint.js'

interface TrustSummaryProps {
  unifi: SettingsView['unifi']
  onRemove: (field: 'tlsFingerprint' | 'caFile') => void
  busy: boolean
}

/** How the console's certificate is trusted besides the system store, with a way to undo it. */
export function TrustSummary({ unifi, onRemove, busy }: TrustSummaryProps) {
  if (!unifi.tlsFingerprint && !unifi.caFile) return null
  return (
    <div className="trust-summary" data-testid="trust-summary">
      {unifi.tlsFingerprint && (
        <div className="trust-item">
          <span className="pill pill-ok">Pinned certificate</span>
          <Fingerprint value={unifi.tlsFingerprint} testId="pinned-fingerprint" />
          <button type="button" className="ghost" onClick={() => onRemove('tlsFingerprint')} disabled={busy}>
            Forget pinned certificate
          </button>
        </div>
      )}
      {unifi.caFile && (
        <div className="trust-item">
          <span className="pill pill-ok">CA file</span>
          <code className="path">{unifi.caFile}</code>
          <button type="button" className="ghost" onClick={() => onRemove('caFile')} disabled={busy}>
            Stop using this CA file
          </button>
        </div>
      )}
    </div>
  )
}
