import type { BridgeApi } from '../../../shared/ipc/bridge.js'
import type { AppStatus } from '../../../shared/ipc/payloads.js'
import type { IpcFailure } from '../../../shared/result.js'
import { withCard } from '../lib/status-cards.js'
import { usePushed, type PushedSource } from './use-pushed.js'

export interface AppStatusState {
  status: AppStatus | null
  /** Why the status could not be read, if it could not. */
  error: IpcFailure | null
  /** Takes a status returned by a call (e.g. refresh) unless a newer push already arrived. */
  accept: (status: AppStatus) => void
}

/** `status:changed` brings the whole status, `integration:changed` one integration's card. */
const statusSource: PushedSource<AppStatus> = (api, current) => ({
  load: () => api.getStatus(),
  listen: (listener) => {
    const stopStatus = api.onStatusChanged(listener)
    const stopCards = api.onIntegrationChanged((card) => {
      const status = current()
      if (status) listener(withCard(status, card))
    })
    return () => {
      stopStatus()
      stopCards()
    }
  },
  isNewer: (next, known) => next.updatedAt >= known.updatedAt,
})

/** The app status, seeded by `getStatus` and then kept current by pushes (no polling). */
export function useAppStatus(api: BridgeApi): AppStatusState {
  const { value, error, accept } = usePushed(api, statusSource)
  return { status: value, error, accept }
}
