/**
 * UniFi-specific typed errors. Each message tells the user what to do and never carries a secret
 * (no password, API key, cookie or CSRF token).
 */
import { AuthError, ConfigError, ScannerError } from '../errors.js'

const LOCAL_ACCOUNT_HINT =
  'Use a LOCAL admin account (ideally read-only), not a UI.com cloud account: create one in UniFi OS ' +
  'Console > Admins & Users, or use an API key (UniFi Network > Settings > Control Plane > Integrations).'

/** HTTP 429 `AUTHENTICATION_FAILED_LIMIT_REACHED`: no further login is attempted until `retryAt`. */
export class LoginRateLimitedError extends AuthError {
  constructor(
    readonly retryAfterMs: number,
    readonly retryAt: number,
    options?: { cause?: unknown },
  ) {
    super(
      `The console is refusing logins: the login attempt limit was reached. Wait until ` +
        `${new Date(retryAt).toISOString()} (about ${Math.ceil(retryAfterMs / 1000)} s) before trying again, ` +
        'or switch to an API key, which is not subject to the login limit.',
      { ...options, code: 'UNIFI_LOGIN_RATE_LIMITED' },
    )
  }
}

/** Cloud/SSO accounts and local 2FA (`Ubic2faTokenRequired`, HTTP 499) need a code we cannot supply. */
export class MfaRequiredError extends AuthError {
  constructor(options?: { cause?: unknown }) {
    super(
      `This account requires multi-factor authentication, which an unattended report cannot answer. ${LOCAL_ACCOUNT_HINT}`,
      {
        ...options,
        code: 'UNIFI_MFA_REQUIRED',
      },
    )
  }
}

export function badCredentialsError(username: string, cause?: unknown): AuthError {
  return new AuthError(
    `The controller rejected the username "${username}" or its password. Check both in the settings. ${LOCAL_ACCOUNT_HINT}`,
    { cause, code: 'UNIFI_BAD_CREDENTIALS' },
  )
}

export function apiKeyRejectedError(status: number, cause?: unknown): AuthError {
  return new AuthError(
    `The controller rejected the API key (HTTP ${status}). Create a new key in UniFi Network > Settings > ` +
      'Control Plane > Integrations with an admin that can read the Network application, and paste it in the settings.',
    { cause, code: 'UNIFI_API_KEY_REJECTED' },
  )
}

export function sessionRejectedError(path: string, cause?: unknown): AuthError {
  return new AuthError(
    `The controller still refused ${path} after logging in again. The account may lack permission for the ` +
      `Network application; give it at least read-only Network access. ${LOCAL_ACCOUNT_HINT}`,
    { cause, code: 'UNIFI_SESSION_REJECTED' },
  )
}

export function apiKeyOnClassicError(baseUrl: string): ConfigError {
  return new ConfigError(
    `${baseUrl} is a classic (self-hosted, non-UniFi-OS) Network controller, which does not support API keys. ` +
      'Remove the API key and enter a local admin username and password instead.',
    undefined,
    { code: 'UNIFI_API_KEY_UNSUPPORTED' },
  )
}

export function startingUpError(baseUrl: string, cause?: unknown): ScannerError {
  return new ScannerError(
    'server',
    'UNIFI_STARTING',
    `${baseUrl} answered the login with a web page instead of JSON; the Network application is probably still ` +
      'starting. Try again in a few minutes.',
    { cause },
  )
}

/**
 * An endpoint this console does not offer (404, 405, or a 400 that rejects the request shape). Collectors
 * catch it to fall back to the next source; it never reaches the user as such. `missing` says the endpoint
 * itself is absent (404, 405, a legacy `api.err.InvalidObject`), which is worth remembering for later runs,
 * rather than one request shape refused (a v2 400 or 422), which another shape may cure.
 */
export class EndpointUnsupportedError extends ScannerError {
  readonly missing: boolean

  constructor(
    readonly endpoint: string,
    readonly status: number,
    readonly detail: string,
    options?: { cause?: unknown; missing?: boolean },
  ) {
    super(
      'config',
      'UNIFI_ENDPOINT_UNSUPPORTED',
      `${endpoint} is not available on this controller (${detail}).`,
      options,
    )
    this.missing = options?.missing ?? (status === 404 || status === 405 || status === 501)
  }
}
