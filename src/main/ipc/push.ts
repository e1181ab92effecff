import type { PushChannel, PushPayload } from '../../shared/ipc/contract.js'

/** Anything that can receive a push: a webContents in the app, a Playwright page in the e2e harness. */
export interface PushTarget {
  isDestroyed(): boolean
  send(channel: string, payload: unknown): void
}

export type Push = <E extends PushChannel>(channel: E, payload: PushPayload<E>) => void

/** Typed main → renderer push to whichever targets are alive at the time. */
export function createPush(targets: () => readonly PushTarget[]): Push {
  return (channel, payload) => {
    for (const target of targets()) {
      if (!target.isDestroyed()) target.send(channel, payload)
    }
  }
}
