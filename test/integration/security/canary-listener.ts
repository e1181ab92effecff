/**
 * Loopback listeners that stand for a server a secret was never saved for: they accept anything (an HTTPS one
 * with its own self-signed certificate, so a hostile pin lets the TLS handshake pass) and record every byte of
 * every request, so a test can assert that no canary secret ever arrived.
 */
import { X509Certificate } from 'node:crypto'
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo, Server } from 'node:net'
import { generate } from 'selfsigned'

export interface CanaryListener {
  url: string
  /** SHA-256 fingerprint of the HTTPS certificate; null for the plain HTTP listener. */
  fingerprint: string | null
  /** Every request seen so far: method, URL, headers and body as text. */
  received(): string[]
  close(): Promise<void>
}

/** Answers every request with this status and body; the body may be built from what was sent. */
export type Answer = (request: { text: string }) => { status: number; body: unknown }

function recorder(seen: string[], answer?: Answer) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= 1024 * 1024) chunks.push(chunk)
    })
    req.on('end', () => {
      const text = `${req.method} ${req.url}\n${JSON.stringify(req.headers)}\n${Buffer.concat(chunks).toString('utf8')}`
      seen.push(text)
      // Success-shaped for both upstreams by default, so a client that trusted us would carry on and send more.
      const reply = answer?.({ text }) ?? {
        status: 200,
        body: { success: true, errors: [], messages: [], result: {}, meta: { rc: 'ok' } },
      }
      res.statusCode = reply.status
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify(reply.body))
    })
  }
}

function closer(server: Server & { closeAllConnections?: () => void }): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections?.()
      server.close(() => resolve())
    })
}

export async function startHttpsCanaryListener(answer?: Answer): Promise<CanaryListener> {
  const pems = await generate([{ name: 'commonName', value: 'not-your-console' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  })
  const seen: string[] = []
  const server = createHttpsServer({ key: pems.private, cert: pems.cert }, recorder(seen, answer))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `https://127.0.0.1:${port}`,
    fingerprint: new X509Certificate(pems.cert).fingerprint256,
    received: () => [...seen],
    close: closer(server),
  }
}

export async function startHttpCanaryListener(answer?: Answer): Promise<CanaryListener> {
  const seen: string[] = []
  const server = createHttpServer(recorder(seen, answer))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    fingerprint: null,
    received: () => [...seen],
    close: closer(server),
  }
}
