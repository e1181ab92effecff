import type { BridgeApi } from '../../../shared/ipc/bridge.js'
import type { UpdateStatus } from '../../../shared/ipc/payloads.js'
import { usePushed, type PushedSource } from './use-pushed.js'

const updates: PushedSource<UpdateStatus> = (api) => ({
  load: () => api.getUpdateStatus(),
  listen: (listener) => api.onUpdateChanged(listener),
})

/** The updater's state as main reports it, kept current by `update:changed` pushes. */
export function useUpdateStatus(api: BridgeApi): {
  status: UpdateStatus | null
  accept: (status: UpdateStatus) => void
} {
  const { value, accept } = usePushed(api, updates)
  return { status: value, accept }
}
