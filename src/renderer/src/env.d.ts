import type { BridgeApi } from '../../shared/ipc/bridge.js'

declare global {
  interface Window {
    /** Exposed by the preload (or by the e2e harness); the renderer's only way to main. */
    readonly api: BridgeApi
  }
}

export {}
