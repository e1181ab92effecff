/** Response values the route handlers return, and the real UniFi envelopes and error bodies. */

export interface SimResponse {
  status: number
  /** JSON body (serialised by the server) … */
  json?: unknown
  /** … or a raw body with its content type. */
  text?: string
  contentType?: string
  headers?: Record<string, string | string[]>
}

export function json(status: number, body: unknown, headers?: Record<string, string | string[]>): SimResponse {
  return headers ? { status, json: body, headers } : { status, json: body }
}

/** Legacy `{meta:{rc:'ok'},data:[…]}`; `count` is the untruncated total when rows were capped. */
export function legacyOk(data: readonly unknown[], count?: number): SimResponse {
  return json(200, { meta: count === undefined ? { rc: 'ok' } : { rc: 'ok', count }, data })
}

/** Legacy error envelope, e.g. `api.err.LoginRequired`; often sent with HTTP 200 by real consoles. */
export function legacyError(status: number, msg: string, data: unknown[] = []): SimResponse {
  return json(status, { meta: { rc: 'error', msg }, data })
}

export function v2Error(status: number, message: string): SimResponse {
  return json(status, { errorCode: status, message })
}

/** What UniFi OS answers on `/proxy/network/…` without a valid session or key. */
export function unifiOsUnauthorized(): SimResponse {
  return json(401, { error: { code: 401, message: 'Unauthorized' } })
}

export function legacyNotFound(): SimResponse {
  return legacyError(404, 'api.err.NotFound')
}

export function html(status: number, body: string, headers?: Record<string, string>): SimResponse {
  return { status, text: body, contentType: 'text/html; charset=utf-8', ...(headers ? { headers } : {}) }
}

export function integrationError(
  status: number,
  statusName: string,
  code: string,
  message: string,
  path: string,
): SimResponse {
  return json(status, {
    statusCode: status,
    statusName,
    code,
    message,
    timestamp: new Date().toISOString(),
    requestPath: path,
    requestId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  })
}
