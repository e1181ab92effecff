/**
 * Turns the answer to `POST /api/auth/login` (UniFi OS) or `/api/login` (classic) into success or a typed
 * error. Legacy errors often arrive with HTTP 200, so the body decides too.
 */
import { AuthError, ConfigError, HttpStatusError, type ScannerError } from '../errors.js'
import { headerValue, parseRetryAfterMs, type HttpResponse } from '../http/index.js'
import { isPlainObject } from './schemas/primitives.js'
import { LoginRateLimitedError, MfaRequiredError, badCredentialsError, startingUpError } from './errors.js'

const DEFAULT_LOGIN_BACKOFF_MS = 60_000
const MIN_LOGIN_BACKOFF_MS = 1_000
const MAX_LOGIN_BACKOFF_MS = 5 * 60_000

/** Returns null when the login succeeded, else the error to throw. */
export function loginFailure(
  response: HttpResponse,
  username: string,
  baseUrl: string,
  now: number,
): ScannerError | null {
  const body = parseLoose(response.text)
  const code = isPlainObject(body) && typeof body.code === 'string' ? body.code : ''
  const legacyMsg = legacyMessage(body)
  if (response.status === 429 || code === 'AUTHENTICATION_FAILED_LIMIT_REACHED') {
    const header = parseRetryAfterMs(headerValue(response.headers, 'retry-after'), now)
    const wait = Math.min(MAX_LOGIN_BACKOFF_MS, Math.max(MIN_LOGIN_BACKOFF_MS, header ?? DEFAULT_LOGIN_BACKOFF_MS))
    return new LoginRateLimitedError(wait, now + wait)
  }
  if (
    response.status === 499 ||
    legacyMsg === 'api.err.Ubic2faTokenRequired' ||
    code.includes('2FA') ||
    code.includes('MFA')
  ) {
    return new MfaRequiredError()
  }
  if (legacyMsg === 'api.err.Invalid' || code.startsWith('AUTHENTICATION_FAILED')) return badCredentialsError(username)
  if (response.status === 401 || response.status === 403) return badCredentialsError(username)
  if (response.status === 404) {
    return new ConfigError(
      `${baseUrl} has no login endpoint where a UniFi controller has one (HTTP 404). Check that the address points ` +
        'at the console or Network application itself, not at a proxy path.',
      undefined,
      { code: 'UNIFI_LOGIN_NOT_FOUND' },
    )
  }
  if (response.status >= 400) {
    return new HttpStatusError(
      response.status,
      response.url,
      `The controller answered the login with HTTP ${response.status}. If it is restarting, try again in a few minutes.`,
    )
  }
  if (body === undefined) return startingUpError(baseUrl)
  if (legacyMsg !== null) {
    return new AuthError(`The controller refused the login (${legacyMsg}). Check the username and password.`, {
      code: 'UNIFI_LOGIN_REFUSED',
    })
  }
  return null
}

function parseLoose(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** `meta.msg` of a legacy error envelope (`rc: "error"`), else null. */
export function legacyMessage(body: unknown): string | null {
  if (!isPlainObject(body) || !isPlainObject(body.meta)) return null
  if (body.meta.rc !== 'error') return null
  return typeof body.meta.msg === 'string' && body.meta.msg !== '' ? body.meta.msg : 'api.err.Unknown'
}
