import { useState } from 'react'
import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import { Banner } from '../../components/banner.js'
import { useUpdateStatus } from '../../hooks/use-update-status.js'

/**
 * The update offer: "Version X is available", its release notes, and the admin's choice. Nothing is downloaded or
 * installed before "Install and restart"; "Later" hides the offer until the next check finds it.
 */
export function UpdateBanner({ api }: { api: BridgeApi }) {
  const { status, accept } = useUpdateStatus(api)
  const [busy, setBusy] = useState(false)
  if (!status) return null
  if (status.state === 'downloading')
    return (
      <Banner level="info" title={`Downloading version ${status.version ?? ''}…`} testId="update-banner">
        {Math.round(status.percent ?? 0)} % — the app restarts to install it when the download is complete.
      </Banner>
    )
  if (status.state === 'installing')
    return (
      <Banner level="info" title={`Restarting to install version ${status.version ?? ''}…`} testId="update-banner">
        The app closes and opens again on the new version.
      </Banner>
    )
  if (status.state !== 'available' || status.dismissed) return null

  const choose = async (choice: 'install' | 'later') => {
    setBusy(true)
    try {
      const result = choice === 'install' ? await api.installUpdate() : await api.postponeUpdate()
      if (result.ok) accept(result.value)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Banner level="info" title={`Version ${status.version ?? ''} is available`} testId="update-banner">
      {status.releaseNotes ? (
        <details>
          <summary>Release notes</summary>
          <pre className="release-notes">{status.releaseNotes}</pre>
        </details>
      ) : (
        <p className="muted small">No release notes were published with this version.</p>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void choose('install')}>
          Install and restart
        </button>
        <button type="button" disabled={busy} onClick={() => void choose('later')}>
          Later
        </button>
      </div>
    </Banner>
  )
}
