import { describe, expect, it, vi } from 'vitest'
import {
  denyAllPermissions,
  hardenWebContents,
  type HardenableWebContents,
  type PermissionSession,
} from '../../../src/main/security/harden.js'

type Listener = (event: { preventDefault(): void }) => void

function fakeWebContents() {
  const listeners = new Map<string, Listener[]>()
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null
  const contents: HardenableWebContents = {
    setWindowOpenHandler: (handler) => {
      openHandler = handler
    },
    on: (event, listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener])
      return contents
    },
  }
  const emit = (event: string) => {
    const preventDefault = vi.fn()
    for (const listener of listeners.get(event) ?? []) listener({ preventDefault })
    return preventDefault
  }
  return { contents, emit, open: (url: string) => openHandler?.({ url }) }
}

describe('hardenWebContents', () => {
  it('denies window.open', () => {
    const fake = fakeWebContents()
    hardenWebContents(fake.contents)
    expect(fake.open('https://example.com/')).toEqual({ action: 'deny' })
  })

  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (event) => {
    const fake = fakeWebContents()
    hardenWebContents(fake.contents)
    expect(fake.emit(event)).toHaveBeenCalledOnce()
  })
})

describe('denyAllPermissions', () => {
  it('refuses every permission request and check', () => {
    let request: Parameters<PermissionSession['setPermissionRequestHandler']>[0] | null = null
    let check: Parameters<PermissionSession['setPermissionCheckHandler']>[0] | null = null
    denyAllPermissions({
      setPermissionRequestHandler: (handler) => {
        request = handler
      },
      setPermissionCheckHandler: (handler) => {
        check = handler
      },
    })
    for (const permission of ['notifications', 'media', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn()
      request!({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
      expect(check!({}, permission)).toBe(false)
    }
  })
})
