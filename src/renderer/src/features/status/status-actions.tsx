import { useState } from 'react'
import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import type { AppStatus } from '../../../../shared/ipc/payloads.js'
import type { IpcFailure } from '../../../../shared/result.js'

interface StatusActionsProps {
  api: BridgeApi
  status: AppStatus
  onStatus: (status: AppStatus) => void
}

/** "Check again" and "Generate report now"; a failed call shows its message instead of throwing. */
export function StatusActions({ api, status, onStatus }: StatusActionsProps) {
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<IpcFailure | null>(null)
  const blocked = status.generateBlockedReason

  async function checkAgain(): Promise<void> {
    setBusy(true)
    const result = await api.refreshStatus()
    setBusy(false)
    setFailure(result.ok ? null : result.error)
    if (result.ok) onStatus(result.value)
  }

  async function generate(): Promise<void> {
    setFailure(null)
    const result = await api.generateReport()
    if (!result.ok) setFailure(result.error)
  }

  return (
    <section className="actions" aria-label="Actions">
      <button type="button" onClick={() => void checkAgain()} disabled={busy}>
        Check again
      </button>
      <button
        type="button"
        className="primary"
        onClick={() => void generate()}
        disabled={blocked !== null}
        aria-describedby={blocked ? 'generate-blocked-reason' : undefined}
      >
        Generate report now
      </button>
      {blocked && (
        <p id="generate-blocked-reason" className="muted" data-testid="generate-blocked-reason">
          {blocked}
        </p>
      )}
      {failure && (
        <p role="alert" className="error" data-testid="action-error">
          {failure.message}
        </p>
      )}
    </section>
  )
}
