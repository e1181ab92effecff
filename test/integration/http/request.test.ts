import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../src/core/http/dispatcher.js'
import { httpRequest, parseJsonBody, parseRetryAfterMs } from '../../../src/core/http/request.js'
import {
  AbortedError,
  NetworkError,
  RequestTimeoutError,
  ResponseParseError,
  ResponseTooLargeError,
} from '../../../src/core/errors.js'

let server: Server | undefined
const sockets = new Set<Socket>()
let closedSockets = 0

async function serve(handler: (res: ServerResponse) => void): Promise<string> {
  server = createServer((_req, res) => handler(res))
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => {
      closedSockets += 1
      sockets.delete(socket)
    })
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/data`
}

afterEach(async () => {
  for (const socket of sockets) socket.destroy()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = undefined
  closedSockets = 0
})

describe('httpRequest', () => {
  it('returns the status and body without throwing for HTTP errors', async () => {
    const url = await serve((res) => {
      res.statusCode = 503
      res.end('busy')
    })
    const dispatcher = createDispatcher()
    const response = await httpRequest({ url, dispatcher })
    expect(response.status).toBe(503)
    expect(response.text).toBe('busy')
    await dispatcher.close()
  })

  it('times out a hanging server, and the socket is closed', async () => {
    const url = await serve(() => undefined)
    const dispatcher = createDispatcher()
    const error = await httpRequest({ url, dispatcher, timeoutMs: 150 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RequestTimeoutError)
    expect((error as RequestTimeoutError).message).toContain('150 ms')
    await expect.poll(() => closedSockets, { timeout: 5000 }).toBe(1)
    await dispatcher.close()
  })

  it('honours the caller signal as a cancellation', async () => {
    const url = await serve(() => undefined)
    const dispatcher = createDispatcher()
    const controller = new AbortController()
    const pending = httpRequest({ url, dispatcher, signal: controller.signal })
    setTimeout(() => controller.abort(), 50)
    await expect(pending).rejects.toBeInstanceOf(AbortedError)
    await dispatcher.close()
  })

  it('maps a refused connection to NetworkError (unreachable)', async () => {
    const url = await serve(() => undefined)
    await new Promise<void>((resolve) => server!.close(() => resolve()))
    server = undefined
    const dispatcher = createDispatcher()
    const error = await httpRequest({ url, dispatcher }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as NetworkError).kind).toBe('unreachable')
    expect((error as NetworkError).code).toBe('ECONNREFUSED')
    await dispatcher.close()
  })

  it('caps the response size with a clear error', async () => {
    const url = await serve((res) => res.end('x'.repeat(4096)))
    const dispatcher = createDispatcher({ maxResponseBytes: 1024 })
    const error = await httpRequest({ url, dispatcher, maxResponseBytes: 1024 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ResponseTooLargeError)
    expect((error as ResponseTooLargeError).message).toContain('1 KiB')
    await dispatcher.close()
  })

  it('reports invalid JSON as a parse error quoting the start of the body', async () => {
    const url = await serve((res) => res.end('<html>restarting</html>'))
    const dispatcher = createDispatcher()
    const response = await httpRequest({ url, dispatcher })
    expect(() => parseJsonBody(response)).toThrow(ResponseParseError)
    expect(() => parseJsonBody(response)).toThrow(/<html>restarting/)
    await dispatcher.close()
  })
})

describe('parseRetryAfterMs', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfterMs('120')).toBe(120_000)
    expect(parseRetryAfterMs('Thu, 01 Jan 2026 00:01:00 GMT', Date.parse('2026-01-01T00:00:00Z'))).toBe(60_000)
    expect(parseRetryAfterMs(undefined)).toBeNull()
    expect(parseRetryAfterMs('soon')).toBeNull()
  })
})
