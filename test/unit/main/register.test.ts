import type { IpcMainInvokeEvent } from 'electron'
import { describe, expect, it } from 'vitest'
import type { IpcDispatch } from '../../../src/main/ipc/dispatch.js'
import { registerIpc } from '../../../src/main/ipc/register.js'
import type { SenderInfo } from '../../../src/main/security/trusted-senders.js'
import { INVOKE_CHANNELS } from '../../../src/shared/ipc/contract.js'

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => unknown

describe('registerIpc', () => {
  it('handles every contract channel and reads the sender frame before anything awaits', async () => {
    const handlers = new Map<string, Handler>()
    const seen: Array<{ channel: string; sender: SenderInfo; payload: unknown }> = []
    const dispatch: IpcDispatch = async (channel, sender, payload) => {
      await Promise.resolve()
      seen.push({ channel, sender, payload })
      return { ok: true, value: null }
    }
    const unregister = registerIpc(
      {
        handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
        removeHandler: (channel: string) => void handlers.delete(channel),
      },
      dispatch,
    )
    expect([...handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort())

    // Electron may detach the frame once the handler yields; model that with a frame that vanishes.
    let frameUrl: string | null = 'file:///app/out/renderer/index.html'
    const event = {
      sender: { id: 5 },
      get senderFrame() {
        return frameUrl === null ? null : { url: frameUrl }
      },
    } as unknown as IpcMainInvokeEvent
    const pending = handlers.get('status:get')!(event, 'payload')
    frameUrl = null
    await pending
    expect(seen).toEqual([
      {
        channel: 'status:get',
        sender: { webContentsId: 5, frameUrl: 'file:///app/out/renderer/index.html' },
        payload: 'payload',
      },
    ])

    unregister()
    expect(handlers.size).toBe(0)
  })
})
