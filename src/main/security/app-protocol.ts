/**
 * The `app://` scheme that serves the built renderer instead of `file://`. A file page has an opaque origin,
 * may read any other file the user can, and gets extra privileges from Electron; a standard, secure custom
 * scheme gets a real origin (`app://renderer`) and serves exactly the files listed at start-up, nothing else.
 */
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { REPORT_STYLE_HASH_SOURCE } from '../../core/report/html/styles.js'

export const APP_SCHEME = 'app'
export const APP_HOST = 'renderer'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`

/**
 * Sent with every response on top of the page's own meta policy (both apply). Only the header can say
 * `frame-ancestors`, and it names the scheme's origin instead of 'self' so nothing else is ever trusted. The
 * renderer talks to main over IPC only, so it connects nowhere. The one inline stylesheet allowed is the
 * report's own, for the in-app viewer's sandboxed frame.
 */
export const APP_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src ${APP_ORIGIN}`,
  `style-src ${APP_ORIGIN} ${REPORT_STYLE_HASH_SOURCE}`,
  `img-src ${APP_ORIGIN} data:`,
  `font-src ${APP_ORIGIN}`,
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** The types the built renderer uses; a file of any other type is not served even when it exists. */
const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
}

export function mimeTypeFor(file: string): string | null {
  return MIME_TYPES[path.posix.extname(file).toLowerCase()] ?? null
}

export type AppRequestResolution =
  { ok: true; file: string; mimeType: string } | { ok: false; status: 400 | 403 | 404; reason: string }

const refuse = (status: 400 | 403 | 404, reason: string): AppRequestResolution => ({ ok: false, status, reason })

/**
 * Pure: which known file (a `/`-separated path relative to the renderer folder) a request URL names, and its
 * type. The URL parser already folds plain and `%2e` dot segments; the checks below also refuse what only
 * appears after decoding (`..%2f`, `%5c`, NUL), absolute and drive paths, and any name not in `knownFiles`.
 */
export function resolveAppRequest(requestUrl: string, knownFiles: ReadonlySet<string>): AppRequestResolution {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return refuse(400, 'not a URL')
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(403, 'not the app origin')
  if (url.username !== '' || url.password !== '') return refuse(403, 'credentials in the URL')
  let decoded: string
  try {
    decoded = decodeURIComponent(url.pathname)
  } catch {
    return refuse(400, 'malformed escape')
  }
  if (/[\0\\]/.test(decoded)) return refuse(403, 'forbidden character')
  const relative = decoded.replace(/^\//, '')
  if (relative === '') return resolveKnown('index.html', knownFiles)
  if (relative.startsWith('/') || /^[a-zA-Z]:/.test(relative)) return refuse(403, 'absolute path')
  const segments = relative.split('/')
  if (segments.some((segment) => segment === '..' || segment === '.' || segment === ''))
    return refuse(403, 'path traversal')
  return resolveKnown(relative, knownFiles)
}

function resolveKnown(relative: string, knownFiles: ReadonlySet<string>): AppRequestResolution {
  if (!knownFiles.has(relative)) return refuse(404, 'unknown file')
  const mimeType = mimeTypeFor(relative)
  if (mimeType === null) return refuse(403, 'unserved file type')
  return { ok: true, file: relative, mimeType }
}

/** Every file under `root` as `/`-separated relative paths (bounded depth; links are not followed). */
export function listRendererFiles(root: string, maxDepth = 8): Set<string> {
  const files = new Set<string>()
  const walk = (dir: string, prefix: string, depth: number): void => {
    if (depth > maxDepth) return
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name)
      const stats = statSync(full, { throwIfNoEntry: false })
      if (!stats) continue
      const relative = prefix === '' ? name : `${prefix}/${name}`
      if (stats.isDirectory()) walk(full, relative, depth + 1)
      else if (stats.isFile()) files.add(relative)
    }
  }
  walk(root, '', 0)
  return files
}

export interface AppProtocolHandlerDeps {
  /** The built renderer folder (`out/renderer`, inside the asar when packaged). */
  root: string
  knownFiles: ReadonlySet<string>
  readFile: (file: string) => Promise<Uint8Array>
  onRefused?: (url: string, reason: string) => void
}

/** The `protocol.handle` callback: a known file with its type and the CSP header, or an empty refusal. */
export function createAppProtocolHandler(deps: AppProtocolHandlerDeps): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 })
    const resolved = resolveAppRequest(request.url, deps.knownFiles)
    if (!resolved.ok) {
      deps.onRefused?.(request.url, resolved.reason)
      return new Response(null, { status: resolved.status })
    }
    let body: Uint8Array
    try {
      body = await deps.readFile(path.join(deps.root, ...resolved.file.split('/')))
    } catch {
      deps.onRefused?.(request.url, 'unreadable file')
      return new Response(null, { status: 404 })
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: {
        'content-type': resolved.mimeType,
        'content-security-policy': APP_CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    })
  }
}

/** The part of Electron's `protocol` module the scheme needs (structural, so tests pass a recorder). */
export interface ProtocolModule {
  registerSchemesAsPrivileged(
    schemes: Array<{
      scheme: string
      privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean; corsEnabled: boolean }
    }>,
  ): void
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void
}

/**
 * Before `ready`: `standard` gives the scheme real origins and relative URLs, `secure` makes it a secure
 * context like https. No `bypassCSP`, no service workers, no streaming: the renderer needs none of them.
 */
export function registerAppScheme(protocol: Pick<ProtocolModule, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false } },
  ])
}
