/**
 * Typed errors of the engine. Every error the engine throws is a `ScannerError`: it carries a `kind`
 * (which decides breaker counting, UI state and CLI exit code), a user-facing message that says what to
 * do, and the underlying `cause`. Messages must never contain a secret (passwords, keys, tokens, cookies).
 */
import type { IpcFailure } from '../shared/result.js'

/** How a call failed, which decides whether a breaker counts it and what the user is told. */
export type ErrorKind =
  | 'auth' // bad credentials, MFA required, token invalid/expired (needs attention, never counted)
  | 'rate-limited' // HTTP 429 (counted)
  | 'config' // 400/403/404, wrong URL/site, missing permission, invalid settings (needs attention)
  | 'tls-untrusted' // self-signed / unknown CA / pin mismatch (needs a trust decision)
  | 'unreachable' // DNS, refused, reset, connect timeout (counted)
  | 'server' // 5xx, 408, HTML instead of JSON (counted)
  | 'timeout' // the call's time budget ran out (counted)
  | 'too-large' // response over the size cap (counted)
  | 'parse' // invalid JSON or an unexpected shape (counted)
  | 'aborted' // cancelled by the caller (not a failure of the upstream)
  | 'internal' // a bug of ours

export class ScannerError extends Error {
  readonly kind: ErrorKind
  /** Stable machine-readable code, e.g. `UNIFI_LOGIN_RATE_LIMITED`, `ERR_TLS_PIN_MISMATCH`. */
  readonly code: string

  constructor(kind: ErrorKind, code: string, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
    this.kind = kind
    this.code = code
  }
}

/** Non-2xx HTTP status. `retryAfterMs` is parsed from `Retry-After` when present. */
export class HttpStatusError extends ScannerError {
  constructor(
    readonly statusCode: number,
    readonly url: string,
    message: string,
    readonly retryAfterMs: number | null = null,
    options?: { cause?: unknown; kind?: ErrorKind; code?: string },
  ) {
    super(options?.kind ?? kindForStatus(statusCode), options?.code ?? `HTTP_${statusCode}`, message, options)
  }
}

export function kindForStatus(status: number): ErrorKind {
  if (status === 429) return 'rate-limited'
  if (status === 401 || status === 499) return 'auth'
  if (status === 408 || status >= 500) return 'server'
  return 'config'
}

export class NetworkError extends ScannerError {
  constructor(message: string, options?: { cause?: unknown; code?: string }) {
    super('unreachable', options?.code ?? 'NETWORK', message, options)
  }
}

export class RequestTimeoutError extends ScannerError {
  constructor(
    message: string,
    readonly timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super('timeout', 'ETIMEDOUT', message, options)
  }
}

export class TlsTrustError extends ScannerError {
  constructor(
    message: string,
    /** SHA-256 fingerprint the server presented (`AA:BB:…`), so the caller can offer to pin it. */
    readonly presentedFingerprint: string | null,
    readonly expectedFingerprint: string | null,
    options?: { cause?: unknown; code?: string },
  ) {
    super('tls-untrusted', options?.code ?? 'ERR_TLS_UNTRUSTED', message, options)
  }
}

export class ResponseTooLargeError extends ScannerError {
  constructor(
    message: string,
    readonly limitBytes: number,
    options?: { cause?: unknown },
  ) {
    super('too-large', 'UND_ERR_RES_EXCEEDED_MAX_SIZE', message, options)
  }
}

export class ResponseParseError extends ScannerError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('parse', 'PARSE', message, options)
  }
}

export class AbortedError extends ScannerError {
  constructor(message = 'The operation was cancelled.', options?: { cause?: unknown }) {
    super('aborted', 'ABORTED', message, options)
  }
}

export class ConfigError extends ScannerError {
  constructor(
    message: string,
    /** Every problem found, each naming the setting and what to do. */
    readonly problems: string[] = [message],
    options?: { cause?: unknown; code?: string },
  ) {
    super('config', options?.code ?? 'CONFIG', message, options)
  }
}

export class AuthError extends ScannerError {
  constructor(message: string, options?: { cause?: unknown; code?: string }) {
    super('auth', options?.code ?? 'AUTH', message, options)
  }
}

const INTERNAL_MESSAGE = 'Something went wrong inside UniFi Scanner. Try again; if it keeps happening, check the log.'

/**
 * What a window (or any other outside reader) may learn about an error. Engine errors carry a user-facing
 * message written not to contain secrets; anything else is a bug of ours whose message could hold anything, so
 * only a generic line goes out.
 */
export function toPublicFailure(error: unknown): IpcFailure {
  if (error instanceof ScannerError && error.kind !== 'internal') {
    return { code: error.code, kind: error.kind, message: error.message }
  }
  return { code: 'INTERNAL', kind: 'internal', message: INTERNAL_MESSAGE }
}

/** Wraps anything thrown into a ScannerError without losing it (kind `internal` unless known). */
export function toScannerError(error: unknown): ScannerError {
  if (error instanceof ScannerError) return error
  const message = error instanceof Error ? error.message : String(error)
  return new ScannerError('internal', 'INTERNAL', `Unexpected error: ${message}`, { cause: error })
}

/**
 * Whether a failure counts toward a circuit breaker: outages count, configuration
 * problems (auth, 4xx, TLS trust decisions) and caller cancellations do not.
 */
export function countsAsFailure(error: unknown): boolean {
  const kind = toScannerError(error).kind
  return (
    kind === 'unreachable' ||
    kind === 'server' ||
    kind === 'timeout' ||
    kind === 'rate-limited' ||
    kind === 'too-large' ||
    kind === 'parse' ||
    kind === 'internal'
  )
}
