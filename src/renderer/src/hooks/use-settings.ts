import type { BridgeApi } from '../../../shared/ipc/bridge.js'
import type { SettingsView } from '../../../shared/ipc/payloads.js'
import type { IpcFailure } from '../../../shared/result.js'
import { usePushed, type PushedSource } from './use-pushed.js'

export interface SettingsState {
  settings: SettingsView | null
  error: IpcFailure | null
  /** Takes the settings a call answered (update, secret set/clear, trust) so the form re-renders at once. */
  accept: (settings: SettingsView) => void
}

const settingsSource: PushedSource<SettingsView> = (api) => ({
  load: () => api.getSettings(),
  listen: (listener) => api.onSettingsChanged(listener),
})

/** The saved settings as main shows them (secrets as "set" flags), kept current by `settings:changed` pushes. */
export function useSettings(api: BridgeApi): SettingsState {
  const { value, error, accept } = usePushed(api, settingsSource)
  return { settings: value, error, accept }
}
