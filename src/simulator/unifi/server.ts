/**
 * The HTTPS server of the simulated controller: records every request, applies the transport faults
 * (slow, hang, reset) before routing and the body faults (invalid JSON, oversize) after, rotates the CSRF
 * token when the `csrf-required` fault is on, and tears every socket down on close.
 */
import { createServer, type Server } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { headerString, parseCookies, readBody, type AuthState, type SimRequest } from './request.js'
import type { SimResponse } from './responses.js'
import { route } from './router.js'
import type { ControllerState } from './state.js'
import type { RecordedRequest } from './types.js'

const CHUNK = 64 * 1024

export interface RunningServer {
  server: Server
  port: number
  requests: RecordedRequest[]
  openConnections: () => number
  inFlight: () => number
  maxInFlight: () => number
  resetMaxInFlight: () => void
  close: () => Promise<void>
}

export function resolveAuth(state: ControllerState, req: IncomingMessage): AuthState {
  const key = headerString(req.headers, 'x-api-key')
  if (key !== undefined && state.persona.unifiOs)
    return key === state.credentials.apiKey ? { kind: 'api-key' } : { kind: 'bad-api-key' }
  const session = state.sessions.find(parseCookies(headerString(req.headers, 'cookie')).get(state.persona.cookieName))
  return session ? { kind: 'session', session } : { kind: 'none' }
}

async function writeOversize(res: ServerResponse, bytes: number): Promise<void> {
  res.writeHead(200, { 'Content-Type': 'application/json' })
  const head = '{"meta":{"rc":"ok"},"data":["'
  const tail = '"]}'
  let remaining = Math.max(0, bytes - head.length - tail.length)
  res.write(head)
  const filler = 'x'.repeat(CHUNK)
  while (remaining > 0 && !res.destroyed) {
    const piece = remaining >= CHUNK ? filler : filler.slice(0, remaining)
    remaining -= piece.length
    if (!res.write(piece)) await new Promise<void>((resolve) => res.once('drain', resolve).once('close', resolve))
  }
  if (!res.destroyed) res.end(tail)
}

function send(
  res: ServerResponse,
  response: SimResponse,
  extraHeaders: Record<string, string>,
  invalidJson: boolean,
): void {
  const isJson = response.json !== undefined
  let body = isJson ? JSON.stringify(response.json) : (response.text ?? '')
  // A truncated document: what a proxy that cut the connection mid-body would hand over.
  if (invalidJson)
    body = body.length > 2 ? body.slice(0, Math.max(1, Math.floor(body.length / 2))) : '{"meta":{"rc":"ok"},"data":[{'
  const headers: Record<string, string | string[]> = {
    'Content-Type': invalidJson || isJson ? 'application/json; charset=utf-8' : (response.contentType ?? 'text/plain'),
    'Content-Length': String(Buffer.byteLength(body)),
    ...response.headers,
    ...extraHeaders,
  }
  res.writeHead(response.status, headers)
  res.end(body)
}

export async function startServer(
  state: ControllerState,
  tls: { certPem: string; keyPem: string },
  host: string,
  port: number,
  latencyMs: number,
): Promise<RunningServer> {
  const requests: RecordedRequest[] = []
  let open = 0
  let maxOpen = 0
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  const delay = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer)
        resolve()
      }, ms)
      timers.add(timer)
    })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawPath = req.url ?? '/'
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: rawPath,
      status: 0,
      at: Date.now(),
      endedAt: null,
    }
    requests.push(record)
    open += 1
    maxOpen = Math.max(maxOpen, open)
    // Open until the answer is handed over (not until its 'finish', which a busy process may see only after
    // the client's next request on the same socket), or until the connection drops.
    const answered = (): void => {
      if (record.endedAt !== null) return
      open -= 1
      record.endedAt = Date.now()
    }
    res.on('finish', () => {
      record.status = res.statusCode
    })
    res.on('close', answered)
    const auth = resolveAuth(state, req)
    if (state.faults.forPath('hang', rawPath)) return
    if (state.faults.forPath('reset', rawPath)) {
      req.socket.destroy()
      return
    }
    const slow = state.faults.forPath('slow', rawPath)
    if (slow) await delay(slow.delayMs)
    const { body, invalid } = await readBody(req)
    if (body !== undefined) record.body = body
    if (res.destroyed) return
    const url = new URL(rawPath, 'https://simulator.invalid')
    const simReq: SimRequest = {
      method: record.method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      bodyInvalid: invalid,
      auth,
    }
    const response = route(state, simReq)
    // The answer leaves `latencyMs` after the request arrived: the time spent building it is part of that wait.
    const wait = record.at + latencyMs - Date.now()
    if (wait > 0) await delay(wait)
    if (res.destroyed) return
    const extra: Record<string, string> = {}
    if (
      state.persona.unifiOs &&
      state.faults.csrfRequired &&
      auth.kind === 'session' &&
      state.sessions.isLive(auth.session)
    ) {
      extra['x-updated-csrf-token'] = state.sessions.rotate(auth.session)
    }
    const oversize = state.faults.forPath('oversize', rawPath)
    if (oversize) await writeOversize(res, oversize.bytes)
    else send(res, response, extra, state.faults.forPath('invalid-json', rawPath) !== undefined)
    answered()
  }

  const server = createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'Content-Type': 'application/json' })
        res.end('{"meta":{"rc":"error","msg":"api.err.Internal"},"data":[]}')
      } else {
        res.destroy()
      }
    })
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  // Clients that hang up mid-handshake are normal in fault tests.
  server.on('tlsClientError', () => undefined)

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  const boundPort = typeof address === 'object' && address !== null ? address.port : port

  return {
    server,
    port: boundPort,
    requests,
    openConnections: () => sockets.size,
    inFlight: () => open,
    maxInFlight: () => maxOpen,
    resetMaxInFlight: () => {
      maxOpen = open
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      for (const socket of sockets) socket.destroy()
      await closed
    },
  }
}
