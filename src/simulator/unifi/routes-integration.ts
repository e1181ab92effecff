/**
 * The slice of the official Integration API (`/proxy/network/integration/v1`) a client uses to verify an
 * API key: `info` and `sites`. API key only; sessions are refused like on a console.
 */
import { createHash } from 'node:crypto'
import { integrationError, json, type SimResponse } from './responses.js'
import type { SimRequest } from './request.js'
import type { ControllerState } from './state.js'

function uuidFor(text: string): string {
  const h = createHash('sha256').update(text).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}

export function integrationRoute(state: ControllerState, req: SimRequest, rest: string): SimResponse {
  const path = `/integration${rest.slice('/integration'.length)}`
  if (req.auth.kind === 'bad-api-key') {
    return integrationError(401, 'UNAUTHORIZED', 'api.authentication.invalid-credentials', 'Invalid credentials', path)
  }
  if (req.auth.kind !== 'api-key') {
    return integrationError(401, 'UNAUTHORIZED', 'api.authentication.missing-credentials', 'Missing credentials', path)
  }
  if (rest === '/integration/v1/info') return json(200, { applicationVersion: state.persona.version })
  if (rest === '/integration/v1/sites') {
    const data = state.sites.map((s) => ({
      id: uuidFor(s.ctx.siteId),
      internalReference: s.ctx.name,
      name: s.ctx.description,
    }))
    return json(200, { offset: 0, limit: 25, count: data.length, totalCount: data.length, data })
  }
  return integrationError(404, 'NOT_FOUND', 'api.request.not-found', `No handler for ${req.method} ${path}`, path)
}
