/**
 * The two private API surfaces: legacy `/api/s/{site}/…` with its `{meta,data}`
 * envelope (errors often with HTTP 200) and v2 `/v2/api/site/{site}/…` with raw JSON. Both sit behind
 * `/proxy/network` on UniFi OS. A missing endpoint becomes EndpointUnsupportedError so collectors can fall
 * back; other failures keep their typed errors. Envelopes and value types:
 * docs/controller-api.md#response-envelopes-and-value-types.
 */
import { ConfigError, HttpStatusError } from '../errors.js'
import { parseJsonBody, type HttpResponse } from '../http/index.js'
import { EndpointUnsupportedError } from './errors.js'
import { legacyMessage } from './login-response.js'
import { isPlainObject, toNumber } from './schemas/primitives.js'
import type { UnifiSession } from './session.js'
import { asSentence } from '../../shared/text/message-parts.js'

export interface LegacyResult {
  data: unknown[]
  /** `meta.count`: the true total when the controller truncated the list. */
  count: number | null
}

export function legacyPath(session: UnifiSession, site: string, path: string): string {
  return `${session.networkPrefix}/api/s/${encodeURIComponent(site)}/${path}`
}

export function v2Path(session: UnifiSession, site: string, path: string): string {
  return `${session.networkPrefix}/v2/api/site/${encodeURIComponent(site)}/${path}`
}

/** Reads a legacy endpoint; `endpoint` is its short name for messages (`stat/device`). */
export async function legacyRead(
  session: UnifiSession,
  path: string,
  endpoint: string,
  signal: AbortSignal,
  body?: unknown,
): Promise<LegacyResult> {
  const response = await session.send(path, body === undefined ? {} : { method: 'POST', json: body }, signal)
  if (response.status === 404 || response.status === 405) {
    throw new EndpointUnsupportedError(endpoint, response.status, `HTTP ${response.status}`)
  }
  if (response.status === 400 && /InvalidObject|NotFound|InvalidPayload/i.test(response.text)) {
    // A legacy path the firmware lacks answers 400 InvalidObject (or NotFound); InvalidPayload refuses the body.
    throw new EndpointUnsupportedError(endpoint, 400, `HTTP 400 ${session.upstream(response.text)}`, {
      missing: /InvalidObject|NotFound/i.test(response.text),
    })
  }
  if (response.status >= 300) throw statusError(response, endpoint)
  const parsed = parseJsonBody(response)
  if (Array.isArray(parsed)) return { data: parsed, count: null }
  const error = legacyMessage(parsed)
  if (error !== null) {
    if (error === 'api.err.NoPermission') {
      throw new ConfigError(
        `The account may not read ${endpoint} (api.err.NoPermission). Give it read access to the Network application.`,
        undefined,
        { code: 'UNIFI_NO_PERMISSION' },
      )
    }
    if (/InvalidObject|NotFound|UnknownCommand/i.test(error)) {
      throw new EndpointUnsupportedError(endpoint, response.status, session.upstream(error), { missing: true })
    }
    const said = session.upstream(error)
    throw new HttpStatusError(
      response.status,
      response.url,
      asSentence(`The controller refused ${endpoint}: ${said}`),
      null,
      {
        kind: 'server',
        code: 'UNIFI_API_ERROR',
      },
    )
  }
  if (!isPlainObject(parsed) || !Array.isArray(parsed.data)) {
    throw new HttpStatusError(
      response.status,
      response.url,
      `${endpoint} returned an unexpected shape (no data list).`,
      null,
      {
        kind: 'parse',
        code: 'UNIFI_UNEXPECTED_SHAPE',
      },
    )
  }
  const count = isPlainObject(parsed.meta) ? toNumber(parsed.meta.count) : null
  return { data: parsed.data, count }
}

/** Sends a v2 read (POST with a query body, or GET) and returns the parsed JSON. */
export async function v2Read(
  session: UnifiSession,
  path: string,
  endpoint: string,
  signal: AbortSignal,
  body?: unknown,
): Promise<unknown> {
  const response = await session.send(path, body === undefined ? {} : { method: 'POST', json: body }, signal)
  if (response.status === 404 || response.status === 405 || response.status === 501) {
    throw new EndpointUnsupportedError(endpoint, response.status, `HTTP ${response.status}`)
  }
  if (response.status === 400 || response.status === 422) {
    throw new EndpointUnsupportedError(
      endpoint,
      response.status,
      `HTTP ${response.status} ${session.upstream(v2Message(response))}`,
    )
  }
  if (response.status >= 300) throw statusError(response, endpoint)
  return parseJsonBody(response)
}

function v2Message(response: HttpResponse): string {
  try {
    const parsed: unknown = JSON.parse(response.text)
    if (isPlainObject(parsed) && typeof parsed.message === 'string') return parsed.message
  } catch {
    // fall through to the raw text
  }
  return response.text
}

function statusError(response: HttpResponse, endpoint: string): HttpStatusError {
  const hint =
    response.status >= 500
      ? 'The console may be restarting; try again in a few minutes.'
      : response.status === 403
        ? 'The account may lack permission for this data; give it read access to the Network application.'
        : 'Check the controller address and site.'
  return new HttpStatusError(response.status, response.url, `${endpoint} failed with HTTP ${response.status}. ${hint}`)
}
