import { useState } from 'react'
import type { BridgeApi } from '../../../../shared/ipc/bridge.js'

interface EmptyReportsProps {
  api: BridgeApi
  onFailure: (message: string | null) => void
}

/** No reports yet: explain, and offer a report from simulated data so the admin can see what they will get. */
export function EmptyReports({ api, onFailure }: EmptyReportsProps) {
  const [busy, setBusy] = useState(false)

  async function demo(): Promise<void> {
    setBusy(true)
    onFailure(null)
    const result = await api.generateDemoReport()
    setBusy(false)
    if (!result.ok) onFailure(result.error.message)
  }

  return (
    <div className="empty-state" data-testid="reports-empty">
      <p className="empty-title">No reports yet</p>
      <p className="muted">
        Reports appear here once one has been generated. Not connected yet? See what a report looks like first.
      </p>
      <button type="button" onClick={() => void demo()} disabled={busy}>
        {busy ? 'Generating demo…' : 'Try with demo data'}
      </button>
      <p className="hint">
        <span className="pill pill-demo">Demo</span> Uses a built-in simulated controller and simulated Cloudflare —
        nothing from your network.
      </p>
    </div>
  )
}
