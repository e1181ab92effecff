/**
 * A loopback upstream for runtime tests, and small test integrations that call it through src/core/http the way
 * real integrations do (ctx.signal and ctx.dispatcher on every request, HTTP errors as HttpStatusError).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { HttpStatusError } from '../../../src/core/errors.js'
import { headerValue, httpRequest, parseJsonBody, parseRetryAfterMs } from '../../../src/core/http/index.js'
import { z } from 'zod'
import type { Integration, IntegrationField } from '../../../src/core/integrations/contract.js'

export interface Upstream {
  origin: string
  /** Requests seen per path. */
  hits: Map<string, number>
  /** Resolves when the socket that carried a request to `path` has closed. */
  socketClosed(path: string): Promise<void>
  close(): Promise<void>
}

type Route = (req: IncomingMessage, res: ServerResponse) => void

export const routes: Record<string, Route> = {
  '/ok': (req, res) => {
    const delay = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('delay') ?? 0)
    setTimeout(() => json(res, 200, { value: 42 }), delay)
  },
  '/hang': () => undefined,
  '/500': (_req, res) => json(res, 500, { error: 'boom' }),
  '/429': (_req, res) => {
    res.setHeader('retry-after', '120')
    json(res, 429, { error: 'slow down' })
  },
  '/401': (_req, res) => json(res, 401, { error: 'bad token' }),
  '/403': (_req, res) => json(res, 403, { error: 'missing permission' }),
  '/400': (_req, res) => json(res, 400, { error: 'malformed' }),
  '/badjson': (_req, res) => {
    res.setHeader('content-type', 'text/html')
    res.end('<html><body>Restarting…</body></html>')
  },
  '/big': (_req, res) => json(res, 200, { blob: 'x'.repeat(256 * 1024) }),
}

function json(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return
  res.statusCode = status
  res.setHeader('content-type', 'application/json')
  res.end(JSON.stringify(body))
}

export async function startUpstream(overrides: Record<string, Route> = {}): Promise<Upstream> {
  const hits = new Map<string, number>()
  const sockets = new Set<Socket>()
  const closedWaiters = new Map<string, Promise<void>>()
  const table = { ...routes, ...overrides }
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    hits.set(path, (hits.get(path) ?? 0) + 1)
    const socket = req.socket
    if (!closedWaiters.has(path)) {
      closedWaiters.set(path, new Promise<void>((resolve) => socket.once('close', () => resolve())))
    }
    const route = table[path]
    if (route) route(req, res)
    else json(res, 404, { error: 'no route' })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    socketClosed: (path) => closedWaiters.get(path) ?? Promise.reject(new Error(`no request to ${path}`)),
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** A port with nothing listening (bound, then released). */
export async function refusedOrigin(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `http://127.0.0.1:${port}`
}

export interface TestIntegrationOptions {
  id: string
  url: () => string
  /** Defaults to none: an integration without settings of its own is always runnable. */
  fields?: IntegrationField[]
}

/** An integration that GETs one URL and expects JSON `{ value }`. */
export function testIntegration(options: TestIntegrationOptions): Integration<{ value: number }> {
  const displayName = options.id.charAt(0).toUpperCase() + options.id.slice(1)
  return {
    id: options.id,
    displayName,
    description: 'Test integration',
    settingsSchema: z.object({ token: z.string().optional(), accountId: z.string().optional() }),
    fields: options.fields ?? [],
    async fetch(ctx) {
      const url = options.url()
      const response = await httpRequest({
        url,
        dispatcher: ctx.dispatcher,
        signal: ctx.signal,
        maxResponseBytes: 64 * 1024,
      })
      if (response.status >= 400) {
        const retryAfter = parseRetryAfterMs(headerValue(response.headers, 'retry-after'))
        throw new HttpStatusError(response.status, url, `${displayName} answered HTTP ${response.status}.`, retryAfter)
      }
      return parseJsonBody(response) as { value: number }
    },
    renderSection(data) {
      return {
        id: `integration-${options.id}`,
        title: displayName,
        tone: 'good',
        blocks: [{ type: 'paragraph', text: `Value ${data.value}` }],
      }
    },
    async testConnection(ctx) {
      const response = await httpRequest({ url: options.url(), dispatcher: ctx.dispatcher, signal: ctx.signal })
      return response.status === 200
        ? { ok: true, message: `${displayName} answers.` }
        : { ok: false, message: `${displayName} answered HTTP ${response.status}.` }
    },
  }
}
