import { useCallback, useEffect, useState } from 'react'
import type { BridgeApi } from '../../../shared/ipc/bridge.js'
import type { AppStatus } from '../../../shared/ipc/payloads.js'
import type { IpcFailure } from '../../../shared/result.js'

export interface AppStatusState {
  status: AppStatus | null
  /** Why the status could not be read, if it could not. */
  error: IpcFailure | null
  /** Takes a status returned by a call (e.g. refresh) unless a newer push already arrived. */
  accept: (status: AppStatus) => void
}

/**
 * The app status, seeded by `getStatus` and then kept current by `status:changed` pushes (no polling).
 * Subscribes before asking, and keeps whichever snapshot is newer, so a push racing the first answer is not lost.
 */
export function useAppStatus(api: BridgeApi): AppStatusState {
  const [status, setStatus] = useState<AppStatus | null>(null)
  const [error, setError] = useState<IpcFailure | null>(null)
  const accept = useCallback((next: AppStatus) => {
    setStatus((current) => (current && current.updatedAt > next.updatedAt ? current : next))
  }, [])

  useEffect(() => {
    let active = true
    const unsubscribe = api.onStatusChanged((next) => {
      if (active) accept(next)
    })
    void api.getStatus().then((result) => {
      if (!active) return
      if (result.ok) accept(result.value)
      else setError(result.error)
    })
    return () => {
      active = false
      unsubscribe()
    }
  }, [api, accept])

  return { status, error, accept }
}
