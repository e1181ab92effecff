/**
 * Login, logout and the unauthenticated probes (`/`, `/status`, `/api/system`), per flavour: classic
 * `/api/login` with a `unifises` cookie, UniFi OS `/api/auth/login` with a JWT cookie and a CSRF header.
 */
import { randomBytes } from 'node:crypto'
import { unifiOsUser } from './login-user.js'
import { field, headerString, parseCookies, type SimRequest } from './request.js'
import { html, json, legacyError, legacyOk, type SimResponse } from './responses.js'
import type { ControllerState } from './state.js'

const RATE_LIMITED = {
  code: 'AUTHENTICATION_FAILED_LIMIT_REACHED',
  message: "You've reached the login attempt limit",
  level: 'debug',
}

export function rootPage(state: ControllerState): SimResponse {
  if (!state.persona.unifiOs) return { status: 302, text: '', headers: { Location: '/manage' } }
  return html(200, '<!DOCTYPE html><html><head><title>UniFi OS</title></head><body><div id="root"></div></body></html>')
}

export function statusDocument(state: ControllerState, site: { siteId: string } | undefined): SimResponse {
  const meta: Record<string, unknown> = { rc: 'ok', up: true, uuid: site?.siteId ?? '' }
  if (state.persona.statusHasVersion) meta.server_version = state.persona.version
  return json(200, { meta, data: [] })
}

export function systemDocument(state: ControllerState): SimResponse {
  return json(200, {
    hardware: { shortname: 'UDMPRO' },
    name: state.persona.hostname,
    mac: state.sites[0]?.gatewayMac.replaceAll(':', '') ?? '',
    deviceState: 'setup',
    cloudConnected: false,
    isSsoEnabled: false,
    isSingleUser: false,
  })
}

function badCredentials(state: ControllerState): SimResponse {
  if (!state.persona.unifiOs) return legacyError(400, 'api.err.Invalid')
  return json(403, {
    code: 'AUTHENTICATION_FAILED_INVALID_CREDENTIALS',
    message: 'Invalid username or password',
    level: 'debug',
  })
}

export function login(state: ControllerState, req: SimRequest): SimResponse {
  state.counters.logins += 1
  const limited = state.faults.first('login-429')
  if (limited) {
    const headers = limited.retryAfterSec === undefined ? undefined : { 'Retry-After': String(limited.retryAfterSec) }
    return json(429, RATE_LIMITED, headers)
  }
  const username = field(req.body, 'username')
  const password = field(req.body, 'password')
  if (req.bodyInvalid || typeof username !== 'string' || typeof password !== 'string') return badCredentials(state)
  const { credentials } = state
  if (state.faults.first('bad-credentials') || username !== credentials.username || password !== credentials.password) {
    return badCredentials(state)
  }
  const mfa = state.faults.first('mfa-required')
  if (mfa?.variant === 'sso-499') {
    return json(499, {
      data: { mfaCookie: `UBIC_2FA=${randomBytes(12).toString('hex')}` },
      meta: { rc: 'ok', msg: '' },
    })
  }
  if (mfa?.variant === 'token-required') {
    // The only recorded form (aiounifi's tests) is the legacy envelope with HTTP 200, on both flavours.
    return legacyError(200, 'api.err.Ubic2faTokenRequired', [
      {
        default_mfa: 'email-1',
        mfa_cookie: `UBIC_2FA=${randomBytes(12).toString('hex')}`,
        authenticators: [{ id: 'email-1', type: 'email', status: 'active' }],
      },
    ])
  }
  const session = state.sessions.create(username)
  if (!state.persona.unifiOs) {
    return {
      ...legacyOk([]),
      headers: {
        'Set-Cookie': [
          `unifises=${session.id}; Path=/; Secure; HttpOnly`,
          `csrf_token=${session.csrfToken}; Path=/; Secure`,
        ],
      },
    }
  }
  const jwt = state.sessions.jwtFor(session)
  return json(200, unifiOsUser(username), {
    'Set-Cookie': `${state.persona.cookieName}=${jwt}; path=/; samesite=none; secure; httponly; partitioned`,
    'X-CSRF-Token': session.csrfToken,
  })
}

export function logout(state: ControllerState, req: SimRequest): SimResponse {
  state.counters.logouts += 1
  const cookie = parseCookies(headerString(req.headers, 'cookie')).get(state.persona.cookieName)
  const session = state.sessions.find(cookie)
  if (session && state.faults.csrfRequired && state.persona.unifiOs) {
    if (!state.sessions.acceptsCsrf(session, headerString(req.headers, 'x-csrf-token'))) {
      return json(403, { message: 'Invalid CSRF Token' })
    }
  }
  if (session) state.sessions.drop(session)
  const expired = `${state.persona.cookieName}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`
  return state.persona.unifiOs
    ? json(200, {}, { 'Set-Cookie': expired })
    : { ...legacyOk([]), headers: { 'Set-Cookie': expired } }
}
