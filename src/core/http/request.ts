/**
 * The one HTTP call of the engine: undici `request` with a caller AbortSignal, a per-request timeout,
 * bodies always consumed, and every failure mapped onto a typed ScannerError.
 */
import { request, type Dispatcher } from 'undici'
import type { IncomingHttpHeaders } from 'node:http'
import {
  AbortedError,
  NetworkError,
  RequestTimeoutError,
  ResponseParseError,
  ResponseTooLargeError,
  ScannerError,
} from '../errors.js'
import { formatTimeout } from '../time.js'

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE'

export interface HttpRequest {
  url: string
  method?: HttpMethod
  headers?: Record<string, string>
  /** Serialised as JSON with `content-type: application/json`. */
  json?: unknown
  /** A body sent exactly as given (when its bytes are signed); the caller sets its content-type. */
  body?: string
  dispatcher: Dispatcher
  /** The caller's signal (breaker budget, run cancellation). */
  signal?: AbortSignal | undefined
  /** Per-request deadline; covers headers and the whole body. */
  timeoutMs?: number
  /** Only used to word the size error; the dispatcher enforces the cap. */
  maxResponseBytes?: number
}

export interface HttpResponse {
  status: number
  headers: IncomingHttpHeaders
  /** The whole body as text (already size-capped by the dispatcher). */
  text: string
  url: string
}

/** Performs the request and reads the body; never throws for HTTP statuses (the caller decides). */
export async function httpRequest(req: HttpRequest): Promise<HttpResponse> {
  const timeoutMs = req.timeoutMs ?? 30_000
  const timeout = new AbortController()
  const timer = setTimeout(
    () =>
      timeout.abort(
        new RequestTimeoutError(`${describe(req.url)} did not answer within ${formatTimeout(timeoutMs)}.`, timeoutMs),
      ),
    timeoutMs,
  )
  const signal = req.signal ? AbortSignal.any([req.signal, timeout.signal]) : timeout.signal
  try {
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers }
    let body: string | undefined = req.body
    if (req.json !== undefined) {
      body = JSON.stringify(req.json)
      headers['content-type'] = 'application/json'
    }
    const response = await request(req.url, {
      method: req.method ?? 'GET',
      headers,
      body,
      signal,
      dispatcher: req.dispatcher,
    })
    const text = await response.body.text()
    return { status: response.statusCode, headers: response.headers, text, url: req.url }
  } catch (error) {
    throw mapTransportError(error, req, signal)
  } finally {
    clearTimeout(timer)
  }
}

/** Parses a JSON body; invalid JSON (e.g. an HTML error page from a restarting console) is a parse error. */
export function parseJsonBody(response: HttpResponse): unknown {
  try {
    return JSON.parse(response.text) as unknown
  } catch (error) {
    const snippet = response.text.slice(0, 80).replace(/\s+/g, ' ')
    throw new ResponseParseError(
      `${describe(response.url)} returned invalid JSON (HTTP ${response.status}, starts with "${snippet}").`,
      { cause: error },
    )
  }
}

/** First value of a header. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()]
  return Array.isArray(value) ? value[0] : value
}

/** `Retry-After` in milliseconds (delta-seconds or HTTP date), or null. */
export function parseRetryAfterMs(value: string | undefined, now: number = Date.now()): number | null {
  if (value === undefined || value.trim() === '') return null
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETDOWN',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EHOSTUNREACH',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
])

function mapTransportError(error: unknown, req: HttpRequest, signal: AbortSignal): ScannerError {
  if (signal.aborted) {
    const reason: unknown = signal.reason
    if (reason instanceof ScannerError) return reason
    return new AbortedError(`Request to ${describe(req.url)} was cancelled.`, { cause: reason })
  }
  if (error instanceof ScannerError) return error
  const code = errorCode(error)
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
    const limit = req.maxResponseBytes
    return new ResponseTooLargeError(
      `${describe(req.url)} sent a response larger than ${limit ? formatBytes(limit) : 'the configured limit'}. ` +
        'Shorten the report window or raise the response size limit in the settings.',
      limit ?? 0,
      { cause: error },
    )
  }
  const tlsCause = findTlsTrustCause(error)
  if (tlsCause !== null) return tlsCause
  if (code !== undefined && (NETWORK_CODES.has(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL'))) {
    return new NetworkError(`Cannot reach ${describe(req.url)} (${code}). Check the address and that it is online.`, {
      cause: error,
      code,
    })
  }
  const message = error instanceof Error ? error.message : String(error)
  return new NetworkError(`Request to ${describe(req.url)} failed: ${message}`, { cause: error })
}

function findTlsTrustCause(error: unknown): ScannerError | null {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (current instanceof ScannerError) return current
    current = current.cause
  }
  return null
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = error.code
    return typeof code === 'string' ? code : undefined
  }
  return undefined
}

/** Origin and path of a URL without query string (queries may carry tokens). */
export function describe(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.origin}${parsed.pathname}`
  } catch {
    return 'the server'
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${Math.round(bytes / 1024)} KiB`
}
