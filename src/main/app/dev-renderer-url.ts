/**
 * electron-vite's dev server URL (ELECTRON_RENDERER_URL). Honoured only in an unpackaged build and only for
 * `http://localhost`: anyone who can set the variable for a packaged app could otherwise point the trusted
 * window, preload bridge included, at a page of their own.
 */
export type DevRendererUrl = { url: string } | { ignored: string } | null

export function devRendererUrl(isPackaged: boolean, value: string | undefined): DevRendererUrl {
  if (value === undefined || value === '') return null
  if (isPackaged) return { ignored: 'the app is packaged' }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return { ignored: 'not a URL' }
  }
  if (url.protocol !== 'http:' || url.hostname !== 'localhost') return { ignored: 'not http://localhost' }
  if (url.username !== '' || url.password !== '') return { ignored: 'credentials in the URL' }
  return { url: url.href }
}
