/**
 * A deliberately small HTTP helper for the simulator tests: real undici trusting the simulator's certificate, manual cookie handling, no retries — so every request the test makes is visible.
 */
import type { IncomingHttpHeaders } from 'node:http'
import { Agent } from 'undici'
import { httpRequest, type HttpMethod } from '../../../src/core/http/index.js'
import type { SimulatedController } from '../../../src/simulator/unifi/index.js'

export interface SimReply {
  status: number
  headers: IncomingHttpHeaders
  text: string
  /** Parsed JSON, or undefined when the body was not JSON. */
  body: unknown
}

export interface SimHttp {
  call(
    method: HttpMethod,
    path: string,
    options?: { json?: unknown; headers?: Record<string, string>; timeoutMs?: number },
  ): Promise<SimReply>
  /** Logs in with the flavour's endpoint and keeps the cookie (and CSRF token) for later calls. */
  login(credentials?: { username: string; password: string }): Promise<SimReply>
  /** Network API root: `/proxy/network` on UniFi OS, empty on classic. */
  readonly prefix: string
  cookie: string | undefined
  csrf: string | undefined
  close(): Promise<void>
}

export function header(reply: SimReply, name: string): string | undefined {
  const value = reply.headers[name.toLowerCase()]
  return Array.isArray(value) ? value[0] : value
}

export function setCookies(reply: SimReply): string[] {
  const value = reply.headers['set-cookie']
  return value === undefined ? [] : Array.isArray(value) ? value : [value]
}

export function simHttp(sim: SimulatedController, limits: { maxResponseBytes?: number } = {}): SimHttp {
  // Trust by the exact certificate (as a CA): chain and SAN are verified for 127.0.0.1.
  const dispatcher = new Agent({ connect: { ca: sim.certPem }, maxResponseSize: limits.maxResponseBytes ?? -1 })
  const classic = sim.persona === 'classic-8'
  const client: SimHttp = {
    prefix: classic ? '' : '/proxy/network',
    cookie: undefined,
    csrf: undefined,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers }
      if (client.cookie && headers.cookie === undefined) headers.cookie = client.cookie
      if (client.csrf && headers['x-csrf-token'] === undefined) headers['x-csrf-token'] = client.csrf
      const response = await httpRequest({
        url: `${sim.url}${path}`,
        method,
        headers,
        json: options.json,
        dispatcher,
        timeoutMs: options.timeoutMs ?? 20_000,
        ...(limits.maxResponseBytes === undefined ? {} : { maxResponseBytes: limits.maxResponseBytes }),
      })
      let body: unknown
      try {
        body = JSON.parse(response.text) as unknown
      } catch {
        body = undefined
      }
      // Follow CSRF rotation the way a correct client must.
      const rotated = response.headers['x-updated-csrf-token']
      if (typeof rotated === 'string') client.csrf = rotated
      return { status: response.status, headers: response.headers, text: response.text, body }
    },
    async login(credentials = sim.credentials) {
      const reply = await client.call('POST', classic ? '/api/login' : '/api/auth/login', {
        json: { username: credentials.username, password: credentials.password, rememberMe: true },
      })
      const session = setCookies(reply).find((c) => /^(unifises|TOKEN|UOS_TOKEN)=/.test(c))
      if (session) client.cookie = session.split(';')[0]
      client.csrf = header(reply, 'x-csrf-token') ?? client.csrf
      return reply
    },
    close: () => dispatcher.close(),
  }
  return client
}

/** The `data` array of a legacy envelope (throws when the body is not one). */
export function legacyData(reply: SimReply): Record<string, unknown>[] {
  const body = reply.body as { meta?: { rc?: string }; data?: unknown }
  if (body?.meta?.rc !== 'ok' || !Array.isArray(body.data))
    throw new Error(`not a legacy ok envelope: ${reply.text.slice(0, 200)}`)
  return body.data as Record<string, unknown>[]
}
