/**
 * One authenticated session with one controller. A password session logs in once,
 * shared by every concurrent caller (single flight); after a 401 it logs in again at most once per
 * request, and concurrent 401s share that one re-login. A login 429 stops all further logins until the
 * console's wait is over. API-key sessions send `X-API-KEY` and never log in or out. The login flavours, cookies
 * and CSRF rules: docs/controller-api.md#authentication.
 */
import { upstreamText } from '../upstream-text.js'
import type { Dispatcher } from 'undici'
import { AuthError, HttpStatusError, ScannerError } from '../errors.js'
import { headerValue, httpRequest, parseRetryAfterMs, type HttpMethod, type HttpResponse } from '../http/index.js'
import type { Logger } from '../logger.js'
import { CookieJar, csrfFromHeaders, csrfFromJwt } from './credentials.js'
import { apiKeyRejectedError, LoginRateLimitedError, sessionRejectedError } from './errors.js'
import { loginFailure } from './login-response.js'
import type { ControllerKind } from './model.js'
import type { RequestLimiter } from './request-limiter.js'
import { SharedTasks } from './shared-tasks.js'

export type AuthConfig =
  { method: 'api-key'; apiKey: string } | { method: 'password'; username: string; password: string }

export interface SessionOptions {
  kind: ControllerKind
  baseUrl: string
  auth: AuthConfig
  dispatcher: Dispatcher
  timeoutMs: number
  maxResponseBytes: number
  logger: Logger
  now: () => number
  /** Shared by every request to this console, login and logout included. */
  limiter: RequestLimiter
  /** Told when a request could not reach the console at all (refused, reset, timed out). */
  onConnectionFailure?: () => void
  /** Told of every exchange with the console once it ended (the Status tab's last calls and latencies). */
  onExchange?: (record: UnifiExchangeRecord) => void
}

/** One request to the console as it ended: its time in flight (queueing for a slot not counted) and result. */
export interface UnifiExchangeRecord {
  /** Epoch ms when it was answered or failed. */
  at: number
  latencyMs: number
  /** The HTTP status, or null when no answer came. */
  status: number | null
  /** Why no answer came (timeout, refused, cancelled …); null when the console answered. */
  error: ScannerError | null
}

export interface SessionRequest {
  method?: HttpMethod
  json?: unknown
}

/** How often a request is repeated after `403 Invalid CSRF Token` because the token rotated meanwhile. */
const CSRF_RETRIES = 2

export class UnifiSession {
  private readonly jar = new CookieJar()
  private readonly logins = new SharedTasks()
  private csrf: string | null = null
  private generation = 0
  private loginRefusal: ScannerError | null = null
  private rateLimit: { until: number; error: ScannerError } | null = null
  /** Set after the console rejected a rotated CSRF token: requests then go one at a time. */
  private serial: Promise<unknown> | null = null

  constructor(private readonly options: SessionOptions) {}

  /** Controller text made safe to copy into a message: flattened, cut short, this session's secrets removed. */
  upstream(text: string): string {
    const auth = this.options.auth
    return upstreamText(text, auth.method === 'api-key' ? [auth.apiKey] : [auth.password, auth.username])
  }

  get kind(): ControllerKind {
    return this.options.kind
  }

  get baseUrl(): string {
    return this.options.baseUrl
  }

  /** `/proxy/network` on UniFi OS, nothing on classic controllers. */
  get networkPrefix(): string {
    return this.options.kind === 'unifi-os' ? '/proxy/network' : ''
  }

  get authMethod(): AuthConfig['method'] {
    return this.options.auth.method
  }

  /** The console's bound on requests in flight: how many pages of one list are worth fetching at once. */
  get maxConcurrentRequests(): number {
    return this.options.limiter.limit
  }

  get loginCount(): number {
    return this.generation
  }

  async ensureLoggedIn(signal: AbortSignal): Promise<void> {
    if (this.options.auth.method === 'api-key' || this.generation > 0) return
    await this.login(0, signal)
  }

  /** Sends an authenticated request; never throws for HTTP statuses other than auth failures and 429. */
  async send(path: string, request: SessionRequest, signal: AbortSignal): Promise<HttpResponse> {
    this.assertNotRateLimited()
    await this.ensureLoggedIn(signal)
    const generation = this.generation
    let response = await this.sendWithCsrf(path, request, signal)
    if (isAuthFailure(response)) {
      if (this.options.auth.method === 'api-key') throw apiKeyRejectedError(response.status)
      this.options.logger.info('UniFi session expired; logging in again', { path })
      await this.login(generation, signal)
      response = await this.sendWithCsrf(path, request, signal)
      if (isAuthFailure(response)) throw sessionRejectedError(path)
    }
    if (response.status === 429) throw this.noteRateLimit(response)
    return response
  }

  /** Best-effort logout of a password session; errors are logged and swallowed. */
  async logout(): Promise<void> {
    if (this.options.auth.method !== 'password' || this.jar.sessionCookie() === null) return
    const path = this.options.kind === 'unifi-os' ? '/api/auth/logout' : '/api/logout'
    try {
      const response = await this.raw(path, { method: 'POST', json: {} }, AbortSignal.timeout(5_000), 5_000)
      this.options.logger.debug('UniFi logout', { status: response.status })
    } catch (error) {
      this.options.logger.debug('UniFi logout failed (ignored)', { code: (error as ScannerError).code ?? 'unknown' })
    } finally {
      this.jar.clear()
      this.csrf = null
    }
  }

  private async login(seenGeneration: number, signal: AbortSignal): Promise<void> {
    if (this.generation > seenGeneration) return
    await this.logins.run(`login-${seenGeneration}`, (taskSignal) => this.performLogin(taskSignal), signal, {
      forgetWhenSettled: true,
    })
  }

  private async performLogin(signal: AbortSignal): Promise<void> {
    const auth = this.options.auth
    if (auth.method !== 'password') return
    if (this.loginRefusal !== null) throw this.loginRefusal
    this.assertNotRateLimited()
    const path = this.options.kind === 'unifi-os' ? '/api/auth/login' : '/api/login'
    this.options.logger.debug('UniFi login', { path, username: auth.username })
    this.jar.clear()
    this.csrf = null
    const response = await this.exchange(
      () =>
        httpRequest({
          url: `${this.options.baseUrl}${path}`,
          method: 'POST',
          json: { username: auth.username, password: auth.password, remember: true, rememberMe: true },
          dispatcher: this.options.dispatcher,
          signal,
          timeoutMs: this.options.timeoutMs,
          maxResponseBytes: this.options.maxResponseBytes,
        }),
      signal,
    )
    const failure = loginFailure(response, auth.username, this.options.baseUrl, this.options.now())
    if (failure !== null) {
      if (failure instanceof LoginRateLimitedError) {
        this.rateLimit = { until: failure.retryAt, error: failure }
      } else if (failure.kind === 'auth' || failure.kind === 'config') {
        // Retrying refused credentials only burns the console's login budget.
        this.loginRefusal = failure
      }
      this.options.logger.warn('UniFi login failed', { code: failure.code, status: response.status })
      throw failure
    }
    this.jar.absorb(response.headers)
    const session = this.jar.sessionCookie()
    if (session === null) {
      throw new AuthError(
        'The controller accepted the login but did not return a session cookie. Check that the address points at the ' +
          'console itself (not a reverse proxy that strips cookies).',
        { code: 'UNIFI_NO_SESSION' },
      )
    }
    if (this.options.kind === 'unifi-os') this.csrf = csrfFromHeaders(response.headers) ?? csrfFromJwt(session.value)
    this.generation += 1
    this.options.logger.info('UniFi login succeeded', { cookie: session.name, csrf: this.csrf !== null })
  }

  private async sendWithCsrf(path: string, request: SessionRequest, signal: AbortSignal): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt += 1) {
      const response = await this.sendMaybeSerial(path, request, signal)
      if (!isCsrfRejection(response) || attempt >= CSRF_RETRIES || this.options.auth.method === 'api-key') {
        return response
      }
      this.options.logger.debug('UniFi CSRF token rejected; retrying with the latest one', { path })
      this.serial ??= Promise.resolve()
    }
  }

  private sendMaybeSerial(path: string, request: SessionRequest, signal: AbortSignal): Promise<HttpResponse> {
    if (this.serial === null) return this.raw(path, request, signal)
    const next = this.serial.then(() => this.raw(path, request, signal))
    this.serial = next.catch(() => undefined)
    return next
  }

  private async raw(
    path: string,
    request: SessionRequest,
    signal: AbortSignal,
    timeoutMs?: number,
  ): Promise<HttpResponse> {
    // The headers are built once the slot is granted, so a request that queued behind a re-login or a CSRF
    // rotation leaves with the newest cookie and token.
    const response = await this.exchange(
      () =>
        httpRequest({
          url: `${this.options.baseUrl}${path}`,
          method: request.method ?? 'GET',
          headers: this.authHeaders(),
          json: request.json,
          dispatcher: this.options.dispatcher,
          signal,
          timeoutMs: timeoutMs ?? this.options.timeoutMs,
          maxResponseBytes: this.options.maxResponseBytes,
        }),
      signal,
    )
    if (this.options.auth.method === 'password') {
      this.jar.absorb(response.headers)
      if (this.options.kind === 'unifi-os') this.absorbCsrf(response)
    }
    return response
  }

  /** One HTTP exchange in a slot of the console's request bound. */
  private async exchange(send: () => Promise<HttpResponse>, signal: AbortSignal): Promise<HttpResponse> {
    try {
      return await this.options.limiter.run(() => this.observed(send), signal)
    } catch (error) {
      if (error instanceof ScannerError && (error.kind === 'unreachable' || error.kind === 'timeout')) {
        this.options.onConnectionFailure?.()
      }
      throw error
    }
  }

  /** Runs one exchange and reports how it ended; an observer that throws never changes the exchange's result. */
  private async observed(send: () => Promise<HttpResponse>): Promise<HttpResponse> {
    const observe = this.options.onExchange
    if (!observe) return send()
    const startedAt = this.options.now()
    const report = (status: number | null, error: ScannerError | null): void => {
      const at = this.options.now()
      try {
        observe({ at, latencyMs: Math.max(0, at - startedAt), status, error })
      } catch {
        // The Status tab's record is not worth a failed request.
      }
    }
    try {
      const response = await send()
      report(response.status, null)
      return response
    } catch (error) {
      report(null, error instanceof ScannerError ? error : new ScannerError('internal', 'INTERNAL', String(error)))
      throw error
    }
  }

  /**
   * Keeps the newest token. A console that rotates it on every response may reject a request that was
   * sent with the previous token while another response was rotating it, so from the first rotation on
   * requests go one at a time.
   */
  private absorbCsrf(response: HttpResponse): void {
    const token = csrfFromHeaders(response.headers)
    if (token === null) return
    if (
      this.csrf !== null &&
      token !== this.csrf &&
      headerValue(response.headers, 'x-updated-csrf-token') !== undefined
    ) {
      if (this.serial === null)
        this.options.logger.debug('UniFi console rotates its CSRF token; sending requests one at a time')
      this.serial ??= Promise.resolve()
    }
    this.csrf = token
  }

  private authHeaders(): Record<string, string> {
    const auth = this.options.auth
    if (auth.method === 'api-key') return { 'x-api-key': auth.apiKey }
    const headers: Record<string, string> = {}
    const cookie = this.jar.header()
    if (cookie !== undefined) headers.cookie = cookie
    if (this.csrf !== null) headers['x-csrf-token'] = this.csrf
    return headers
  }

  private assertNotRateLimited(): void {
    if (this.rateLimit !== null && this.options.now() < this.rateLimit.until) throw this.rateLimit.error
  }

  private noteRateLimit(response: HttpResponse): ScannerError {
    const now = this.options.now()
    const wait = parseRetryAfterMs(headerValue(response.headers, 'retry-after'), now) ?? 60_000
    const error = new HttpStatusError(
      429,
      response.url,
      `The controller is rate-limiting requests (HTTP 429). Wait about ${Math.ceil(wait / 1000)} s before the next report.`,
      wait,
    )
    this.rateLimit = { until: now + wait, error }
    return error
  }
}

function isAuthFailure(response: HttpResponse): boolean {
  if (response.status === 401) return true
  // Legacy paths report an expired session in the body, often with HTTP 200.
  return response.text.length < 512 && response.text.includes('api.err.LoginRequired')
}

function isCsrfRejection(response: HttpResponse): boolean {
  return response.status === 403 && /csrf/i.test(response.text)
}
