import type { IpcRenderer, IpcRendererEvent } from 'electron'
import type { BridgeApi, Unsubscribe } from '../shared/ipc/bridge.js'
import { INVOKE_BRIDGE, PUSH_BRIDGE } from '../shared/ipc/channels.js'

export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>

/**
 * Builds `window.api` from the channel table: one named function per invoke channel and one subscription per
 * push channel. Nothing else crosses the bridge: no channel argument, no `ipcRenderer`, and listeners receive
 * only the payload, never the `IpcRendererEvent` (which leads back to `ipcRenderer`).
 */
export function createBridge(ipc: BridgeIpc): BridgeApi {
  const api: Record<string, unknown> = {}
  for (const [channel, name] of Object.entries(INVOKE_BRIDGE)) {
    api[name] = (request?: unknown): Promise<unknown> => ipc.invoke(channel, request)
  }
  for (const [channel, name] of Object.entries(PUSH_BRIDGE)) {
    api[name] = (listener: (payload: unknown) => void): Unsubscribe => {
      const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
      ipc.on(channel, forward)
      return () => {
        ipc.removeListener(channel, forward)
      }
    }
  }
  // The loops above fill exactly the keys BridgeApi derives from the same two tables.
  return Object.freeze(api) as unknown as BridgeApi
}
