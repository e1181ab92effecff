/**
 * Dispatch of one request: flavour-specific paths, authentication (session cookie or API key), the
 * session-expiry and CSRF faults, then the legacy, v2 and Integration routes.
 */
import { headerString, type SimRequest } from './request.js'
import { json, legacyError, legacyNotFound, unifiOsUnauthorized, v2Error, type SimResponse } from './responses.js'
import { login, logout, rootPage, statusDocument, systemDocument } from './routes-auth.js'
import { integrationRoute } from './routes-integration.js'
import { legacyRoute } from './routes-legacy.js'
import { v2Route } from './routes-v2.js'
import type { ControllerState } from './state.js'
import { unifiOsUser } from './login-user.js'

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const NETWORK_PREFIX = '/proxy/network'

function unauthorized(state: ControllerState): SimResponse {
  return state.persona.unifiOs ? unifiOsUnauthorized() : legacyError(401, 'api.err.LoginRequired')
}

function notFound(state: ControllerState, path: string): SimResponse {
  return path.includes('/v2/')
    ? v2Error(404, 'Not Found')
    : state.persona.unifiOs
      ? json(404, { error: { code: 404, message: 'Not Found' } })
      : legacyNotFound()
}

/** The Network API path below its root, or null when the path is not part of the Network API. */
function networkPath(state: ControllerState, path: string): string | null {
  if (state.persona.unifiOs) return path.startsWith(`${NETWORK_PREFIX}/`) ? path.slice(NETWORK_PREFIX.length) : null
  return path.startsWith('/api/') || path.startsWith('/v2/') || path === '/status' ? path : null
}

export function route(state: ControllerState, req: SimRequest): SimResponse {
  const { path, method } = req
  const unifiOs = state.persona.unifiOs
  if (path === '/' && method === 'GET') return rootPage(state)
  if (!unifiOs && path.startsWith('/manage'))
    return { status: 200, text: '<html><body>UniFi Network</body></html>', contentType: 'text/html' }
  const loginPath = unifiOs ? '/api/auth/login' : '/api/login'
  if (path === loginPath) return method === 'POST' ? login(state, req) : notFound(state, path)
  const logoutPaths = unifiOs ? ['/api/auth/logout'] : ['/api/logout', '/logout']
  if (logoutPaths.includes(path)) return logout(state, req)
  if (unifiOs && path === '/api/system') return systemDocument(state)
  if (unifiOs && path === '/api/users/self') {
    return req.auth.kind === 'session' ? json(200, unifiOsUser(req.auth.session.username)) : unauthorized(state)
  }

  const rest = networkPath(state, path)
  if (rest === null) return notFound(state, path)
  if (rest === '/status') return statusDocument(state, state.sites[0]?.ctx)
  if (unifiOs && rest.startsWith('/integration/')) return integrationRoute(state, req, rest)

  const auth = req.auth
  if (auth.kind === 'none' || auth.kind === 'bad-api-key') return unauthorized(state)
  if (auth.kind === 'session') {
    if (state.faults.takeSessionExpiry()) {
      state.sessions.drop(auth.session)
      return unauthorized(state)
    }
    if (unifiOs && state.faults.csrfRequired && WRITE_METHODS.has(method)) {
      const token = headerString(req.headers, 'x-csrf-token')
      if (!state.sessions.acceptsCsrf(auth.session, token)) {
        return json(403, { message: 'Invalid CSRF Token' })
      }
    }
  }
  if (rest.startsWith('/v2/')) return v2Route(state, req, rest)
  return legacyRoute(state, req, rest)
}
