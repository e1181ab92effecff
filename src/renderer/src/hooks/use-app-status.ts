import { useMemo, useSyncExternalStore } from 'react'
import type { BridgeApi } from '../../../shared/ipc/bridge.js'
import type { AppStatus } from '../../../shared/ipc/payloads.js'
import type { IpcFailure } from '../../../shared/result.js'
import { createPushStore } from '../lib/push-store.js'

export interface AppStatusState {
  status: AppStatus | null
  /** Why the status could not be read, if it could not. */
  error: IpcFailure | null
  /** Takes a status returned by a call (e.g. refresh) unless a newer push already arrived. */
  accept: (status: AppStatus) => void
}

/** The app status, seeded by `getStatus` and then kept current by `status:changed` pushes (no polling). */
export function useAppStatus(api: BridgeApi): AppStatusState {
  const store = useMemo(
    () =>
      createPushStore<AppStatus>({
        load: () => api.getStatus(),
        listen: (listener) => api.onStatusChanged(listener),
        isNewer: (next, current) => next.updatedAt >= current.updatedAt,
      }),
    [api],
  )
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot)
  return { status: snapshot.value, error: snapshot.error, accept: store.accept }
}
