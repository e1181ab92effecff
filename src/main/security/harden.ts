/**
 * Hardening applied to every webContents and to the session (Electron checklist items 5, 11–14): no new windows,
 * no navigation away from our page (nor of a frame inside it), no <webview>, and every permission request refused. The renderer needs no
 * permission at all: notifications come from main.
 */

interface PreventableEvent {
  preventDefault(): void
}

/** A navigation in any frame, main or nested (Electron's `will-frame-navigate` details). */
export interface FrameNavigationEvent extends PreventableEvent {
  url: string
  isMainFrame: boolean
}

/** The part of `WebContents` the hardening touches (typed structurally so tests can pass a fake). */
export interface HardenableWebContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-attach-webview',
    listener: (event: PreventableEvent) => void,
  ): unknown
  on(event: 'will-frame-navigate', listener: (event: FrameNavigationEvent) => void): unknown
}

/** What a nested frame may show: the report viewer's inline document, nothing fetched from anywhere. */
const FRAME_DOCUMENTS = new Set(['about:srcdoc', 'about:blank'])

export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void
}

export function hardenWebContents(contents: HardenableWebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  const deny = (event: PreventableEvent): void => event.preventDefault()
  contents.on('will-navigate', deny)
  contents.on('will-redirect', deny)
  contents.on('will-attach-webview', deny)
  // A link clicked inside the report viewer's frame must not load a page into the app (the CSP refuses it
  // too; this holds even if the policy were ever loosened).
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !FRAME_DOCUMENTS.has(event.url)) event.preventDefault()
  })
}

export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}
