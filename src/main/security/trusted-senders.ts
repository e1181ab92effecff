/** Who sent an IPC message, captured synchronously from the event (the frame may be gone after an await). */
export interface SenderInfo {
  /** `event.sender.id` (webContents id). */
  webContentsId: number
  /** `event.senderFrame?.url`, or null when the frame is already detached. */
  frameUrl: string | null
}

/**
 * The webContents ids of our own windows and the page they must be showing. A message counts as ours only when
 * both match: an id alone would trust a window that navigated elsewhere, a URL alone any frame showing our page.
 */
export class TrustedSenders {
  private readonly ids = new Set<number>()

  /** `pageUrl`: the renderer page we load (`app://renderer/index.html`, or the dev server / test server URL). */
  constructor(private readonly pageUrl: string) {}

  add(webContentsId: number): void {
    this.ids.add(webContentsId)
  }

  remove(webContentsId: number): void {
    this.ids.delete(webContentsId)
  }

  isTrusted(sender: SenderInfo): boolean {
    return this.ids.has(sender.webContentsId) && sender.frameUrl !== null && isSamePage(sender.frameUrl, this.pageUrl)
  }
}

/** http(s): same origin. app: and file: (no origin Node can compare): the very same host and page. */
export function isSamePage(frameUrl: string, pageUrl: string): boolean {
  let frame: URL
  let page: URL
  try {
    frame = new URL(frameUrl)
    page = new URL(pageUrl)
  } catch {
    return false
  }
  if (frame.protocol !== page.protocol) return false
  if (page.protocol === 'app:' || page.protocol === 'file:')
    return frame.host === page.host && frame.pathname === page.pathname
  if (page.protocol === 'http:' || page.protocol === 'https:') return frame.origin === page.origin
  return false
}
