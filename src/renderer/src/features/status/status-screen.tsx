import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import { useAppInfo } from '../../hooks/use-app-info.js'
import { useAppStatus } from '../../hooks/use-app-status.js'
import { StatusActions } from './status-actions.js'
import { StatusCard } from './status-card.js'

/** The status screen: what the app is doing, what to do next, and the actions that go with it. */
export function StatusScreen({ api }: { api: BridgeApi }) {
  const info = useAppInfo(api)
  const { status, error, accept } = useAppStatus(api)
  return (
    <main className="screen">
      <header className="screen-header">
        <h1>UniFi Scanner</h1>
        {info && (
          <p className="muted" data-testid="app-info">
            Version {info.version} · {info.platform}
            {info.electronVersion ? ` · Electron ${info.electronVersion}` : ''} · Reports in {info.reportsDir}
          </p>
        )}
      </header>
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
      {status ? (
        <>
          <StatusCard status={status} />
          <StatusActions api={api} status={status} onStatus={accept} />
        </>
      ) : (
        !error && <p aria-live="polite">Loading status…</p>
      )}
    </main>
  )
}
