import { useMemo, useSyncExternalStore } from 'react'
import type { BridgeApi } from '../../../shared/ipc/bridge.js'
import type { AppStatus } from '../../../shared/ipc/payloads.js'
import type { IpcFailure } from '../../../shared/result.js'
import { createPushStore } from '../lib/push-store.js'
import { withCard } from '../lib/status-cards.js'

export interface AppStatusState {
  status: AppStatus | null
  /** Why the status could not be read, if it could not. */
  error: IpcFailure | null
  /** Takes a status returned by a call (e.g. refresh) unless a newer push already arrived. */
  accept: (status: AppStatus) => void
}

/**
 * The app status, seeded by `getStatus` and then kept current by pushes (no polling): `status:changed` brings
 * the whole status, `integration:changed` one integration's card.
 */
export function useAppStatus(api: BridgeApi): AppStatusState {
  const store = useMemo(() => {
    const pushStore = createPushStore<AppStatus>({
      load: () => api.getStatus(),
      listen: (listener) => {
        const stopStatus = api.onStatusChanged(listener)
        const stopCards = api.onIntegrationChanged((card) => {
          const current = pushStore.getSnapshot().value
          if (current) listener(withCard(current, card))
        })
        return () => {
          stopStatus()
          stopCards()
        }
      },
      isNewer: (next, current) => next.updatedAt >= current.updatedAt,
    })
    return pushStore
  }, [api])
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot)
  return { status: snapshot.value, error: snapshot.error, accept: store.accept }
}
