import type { Page } from '@playwright/test'
import type { IpcDispatch } from '../../src/main/ipc/dispatch.js'
import type { PushTarget } from '../../src/main/ipc/push.js'
import { BRIDGE_GLOBAL } from '../../src/shared/ipc/bridge.js'
import { INVOKE_BRIDGE, PUSH_BRIDGE } from '../../src/shared/ipc/channels.js'

const BINDING_PREFIX = '__unifiScannerIpc_'
const PUSH_FUNCTION = '__unifiScannerPush'

export interface BridgeTraffic {
  channel: string
  direction: 'invoke' | 'result' | 'push'
  payload: unknown
}

/**
 * Stands in for the preload in a plain browser: `window.api` is built from the same channel tables as the real
 * preload, and each function is a Playwright binding that runs the REAL main-process dispatcher (sender check,
 * zod validation, handlers, Result) in the test process. Pushes travel back through `page.evaluate`.
 */
export async function installBridge(page: Page, dispatch: IpcDispatch, webContentsId: number) {
  const traffic: BridgeTraffic[] = []
  for (const [channel, name] of Object.entries(INVOKE_BRIDGE)) {
    await page.exposeBinding(`${BINDING_PREFIX}${name}`, async (source, payload: unknown) => {
      traffic.push({ channel, direction: 'invoke', payload })
      const result = await dispatch(channel, { webContentsId, frameUrl: source.frame.url() }, payload)
      traffic.push({ channel, direction: 'result', payload: result })
      return result
    })
  }
  await page.addInitScript(
    ({ invoke, push, global, prefix, pushFunction }) => {
      type Listener = (payload: unknown) => void
      const scope = globalThis as unknown as Record<string, unknown>
      const listeners = new Map<string, Set<Listener>>()
      const api: Record<string, unknown> = {}
      for (const [, name] of Object.entries(invoke)) {
        api[name] = (request?: unknown) => (scope[`${prefix}${name}`] as (r: unknown) => Promise<unknown>)(request)
      }
      for (const [channel, name] of Object.entries(push)) {
        listeners.set(channel, new Set())
        api[name] = (listener: Listener) => {
          listeners.get(channel)?.add(listener)
          return () => void listeners.get(channel)?.delete(listener)
        }
      }
      scope[pushFunction] = (channel: string, payload: unknown) => {
        for (const listener of listeners.get(channel) ?? []) listener(payload)
      }
      Object.defineProperty(globalThis, global, { value: Object.freeze(api) })
    },
    {
      invoke: INVOKE_BRIDGE,
      push: PUSH_BRIDGE,
      global: BRIDGE_GLOBAL,
      prefix: BINDING_PREFIX,
      pushFunction: PUSH_FUNCTION,
    },
  )

  const pending = new Set<Promise<unknown>>()
  const target: PushTarget = {
    isDestroyed: () => page.isClosed(),
    send: (channel, payload) => {
      traffic.push({ channel, direction: 'push', payload })
      const delivery = page
        .evaluate(
          ([fn, c, p]) => (globalThis as unknown as Record<string, (c: string, p: unknown) => void>)[fn]!(c, p),
          [PUSH_FUNCTION, channel, payload] as const,
        )
        .catch(() => undefined)
        .finally(() => pending.delete(delivery))
      pending.add(delivery)
    },
  }
  return {
    traffic,
    target,
    /** Waits for pushes still on their way (call before closing the page). */
    settle: () => Promise.all([...pending]),
  }
}
