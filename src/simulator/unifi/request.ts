/** The parsed request a route handler sees. */
import type { IncomingMessage } from 'node:http'
import type { Session } from './sessions.js'

export type AuthState =
  { kind: 'none' } | { kind: 'api-key' } | { kind: 'bad-api-key' } | { kind: 'session'; session: Session }

export interface SimRequest {
  method: string
  /** Path without the query string, percent-decoding left to the router. */
  path: string
  query: URLSearchParams
  headers: IncomingMessage['headers']
  /** Parsed JSON body; undefined when none was sent; `invalid` when it was not JSON. */
  body: unknown
  bodyInvalid: boolean
  auth: AuthState
}

export const MAX_REQUEST_BODY = 1024 * 1024

export async function readBody(req: IncomingMessage): Promise<{ body: unknown; invalid: boolean }> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buf = chunk as Buffer
    size += buf.length
    if (size > MAX_REQUEST_BODY) return { body: undefined, invalid: true }
    chunks.push(buf)
  }
  if (size === 0) return { body: undefined, invalid: false }
  try {
    return { body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown, invalid: false }
  } catch {
    return { body: undefined, invalid: true }
  }
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>()
  if (!header) return cookies
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq <= 0) continue
    cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim())
  }
  return cookies
}

export function headerString(headers: IncomingMessage['headers'], name: string): string | undefined {
  const value = headers[name.toLowerCase()]
  return Array.isArray(value) ? value[0] : value
}

/** Body field helpers: the simulator tolerates what real controllers tolerate, nothing more. */
export function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)[name]
    : undefined
}

export function numberField(body: unknown, name: string): number | undefined {
  const value = field(body, name)
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value)
  return undefined
}
