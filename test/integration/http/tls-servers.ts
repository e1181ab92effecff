import { createServer, type Server } from 'node:https'
import { X509Certificate } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { generate } from 'selfsigned'

export interface TestTlsServer {
  url: string
  fingerprint: string
  certPem: string
  close(): Promise<void>
}

/** A loopback HTTPS server with a fresh self-signed certificate, answering every request with `{ ok: true }`. */
export async function startSelfSignedServer(commonName = 'test-console'): Promise<TestTlsServer> {
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  })
  const server: Server = createServer({ key: pems.private, cert: pems.cert }, (_req, res) => {
    res.setHeader('content-type', 'application/json')
    res.end('{"ok":true}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `https://127.0.0.1:${port}/`,
    fingerprint: new X509Certificate(pems.cert).fingerprint256,
    certPem: pems.cert,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
