import { describe, expect, it, vi } from 'vitest'
import {
  denyAllPermissions,
  hardenWebContents,
  type FrameNavigationEvent,
  type HardenableWebContents,
  type PermissionSession,
} from '../../../src/main/security/harden.js'

/** Every event the fake emits carries the frame-navigation details; the other listeners ignore them. */
type Listener = (event: FrameNavigationEvent) => void

function fakeWebContents() {
  const listeners = new Map<string, Listener[]>()
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null
  const contents: HardenableWebContents = {
    setWindowOpenHandler: (handler) => {
      openHandler = handler
    },
    on: (event: string, listener: Listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener])
      return contents
    },
  }
  const emit = (event: string, details: { url: string; isMainFrame: boolean } = { url: '', isMainFrame: true }) => {
    const preventDefault = vi.fn()
    for (const listener of listeners.get(event) ?? []) listener({ preventDefault, ...details })
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

  it("lets the report viewer's frame show its inline document, and no page from anywhere", () => {
    const fake = fakeWebContents()
    hardenWebContents(fake.contents)
    const frame = (url: string) => fake.emit('will-frame-navigate', { url, isMainFrame: false })
    expect(frame('about:srcdoc')).not.toHaveBeenCalled()
    expect(frame('about:blank')).not.toHaveBeenCalled()
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'app://renderer/index.html',
    ])
      expect(frame(url), url).toHaveBeenCalledOnce()
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
