import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { BridgeApi } from '../../../src/shared/ipc/bridge.js'
import { INVOKE_BRIDGE, PUSH_BRIDGE } from '../../../src/shared/ipc/channels.js'

type Listener = (event: unknown, payload: unknown) => void

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>()
  const exposed = new Map<string, unknown>()
  const ipcRenderer = {
    invoke: vi.fn((channel: string, request: unknown) => Promise.resolve({ ok: true, value: { channel, request } })),
    on: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => void) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener))
    }),
    removeListener: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => void) => {
      listeners.get(channel)?.delete(listener)
    }),
    send: vi.fn(),
    sendSync: vi.fn(),
  }
  const contextBridge = { exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)) }
  const emit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: ipcRenderer, ports: [] }, payload)
  }
  return { ipcRenderer, contextBridge, exposed, emit, listeners }
})

vi.mock('electron', () => {
  const module = { ipcRenderer: electron.ipcRenderer, contextBridge: electron.contextBridge }
  return { ...module, default: module }
})

let api: BridgeApi

beforeAll(async () => {
  await import('../../../src/preload/index.js')
  api = electron.exposed.get('api') as BridgeApi
})

describe('preload bridge', () => {
  it('exposes exactly one global, "api"', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce()
    expect([...electron.exposed.keys()]).toEqual(['api'])
  })

  it("exposes exactly the contract's functions and nothing else", () => {
    const expected = [...Object.values(INVOKE_BRIDGE), ...Object.values(PUSH_BRIDGE)].sort()
    expect(Object.keys(api).sort()).toEqual(expected)
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
    expect(Object.isFrozen(api)).toBe(true)
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipcRenderer|invoke|send/)
  })

  it('maps each named function to its own channel', async () => {
    for (const [channel, name] of Object.entries(INVOKE_BRIDGE)) {
      const call = (api as unknown as Record<string, () => Promise<unknown>>)[name]!
      expect(await call()).toEqual({ ok: true, value: { channel, request: undefined } })
    }
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled()
    expect(electron.ipcRenderer.sendSync).not.toHaveBeenCalled()
  })

  it('hands listeners the payload only, never the IPC event', () => {
    const received: unknown[][] = []
    const unsubscribe = api.onStatusChanged((...args: unknown[]) => received.push(args))
    electron.emit('status:changed', { state: 'idle' })
    expect(received).toEqual([[{ state: 'idle' }]])
    unsubscribe()
    electron.emit('status:changed', { state: 'error' })
    expect(received).toHaveLength(1)
    expect(electron.listeners.get('status:changed')?.size).toBe(0)
  })

  it('subscribes each push function to its own channel', () => {
    for (const [channel, name] of Object.entries(PUSH_BRIDGE)) {
      const subscribe = (api as unknown as Record<string, (listener: Listener) => () => void>)[name]!
      const seen: unknown[] = []
      const unsubscribe = subscribe((payload) => seen.push(payload))
      electron.emit(channel, channel)
      unsubscribe()
      expect(seen).toEqual([channel])
    }
  })
})
