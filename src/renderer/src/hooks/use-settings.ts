import { useMemo, useSyncExternalStore } from 'react'
import type { BridgeApi } from '../../../shared/ipc/bridge.js'
import type { SettingsView } from '../../../shared/ipc/payloads.js'
import type { IpcFailure } from '../../../shared/result.js'
import { createPushStore } from '../lib/push-store.js'

export interface SettingsState {
  settings: SettingsView | null
  error: IpcFailure | null
  /** Takes the settings a call answered (update, secret set/clear, trust) so the form re-renders at once. */
  accept: (settings: SettingsView) => void
}

/** The saved settings as main shows them (secrets as "set" flags), kept current by `settings:changed` pushes. */
export function useSettings(api: BridgeApi): SettingsState {
  const store = useMemo(
    () =>
      createPushStore<SettingsView>({
        load: () => api.getSettings(),
        listen: (listener) => api.onSettingsChanged(listener),
      }),
    [api],
  )
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot)
  return { settings: snapshot.value, error: snapshot.error, accept: store.accept }
}
