import { useMemo, useSyncExternalStore } from 'react'
import type { BridgeApi } from '../../../shared/ipc/bridge.js'
import type { UpdateStatus } from '../../../shared/ipc/payloads.js'
import { createPushStore } from '../lib/push-store.js'

/** The updater's state as main reports it, kept current by `update:changed` pushes. */
export function useUpdateStatus(api: BridgeApi): {
  status: UpdateStatus | null
  accept: (status: UpdateStatus) => void
} {
  const store = useMemo(
    () =>
      createPushStore<UpdateStatus>({
        load: () => api.getUpdateStatus(),
        listen: (listener) => api.onUpdateChanged(listener),
      }),
    [api],
  )
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot)
  return { status: snapshot.value, accept: store.accept }
}
