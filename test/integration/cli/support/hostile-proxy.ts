/**
 * A console that answers like the simulated one but puts terminal escape sequences into the strings it
 * returns: a TLS-terminating loopback proxy in front of the simulator (its own self-signed certificate, pinned
 * by the test) that rewrites every occurrence of one string in the responses.
 */
import { X509Certificate } from 'node:crypto'
import { createServer, request } from 'node:https'
import type { AddressInfo } from 'node:net'
import { generate } from 'selfsigned'

export interface HostileProxy {
  url: string
  fingerprint: string
  close(): Promise<void>
}

export async function startRewritingProxy(target: string, from: string, to: string): Promise<HostileProxy> {
  const pems = await generate([{ name: 'commonName', value: 'hostile-console' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  })
  const upstream = new URL(target)
  const replacement = JSON.stringify(to).slice(1, -1)
  const server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
        // The simulator's self-signed certificate, on loopback, inside the test: nothing to verify against.
        rejectUnauthorized: false,
      },
      (answer) => {
        const chunks: Buffer[] = []
        answer.on('data', (chunk: Buffer) => chunks.push(chunk))
        answer.on('end', () => {
          const body = Buffer.from(Buffer.concat(chunks).toString('utf8').split(from).join(replacement), 'utf8')
          const headers = { ...answer.headers, 'content-length': String(body.length) }
          delete headers['transfer-encoding']
          res.writeHead(answer.statusCode ?? 502, headers)
          res.end(body)
        })
      },
    )
    forward.on('error', () => res.destroy())
    req.pipe(forward)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `https://127.0.0.1:${port}`,
    fingerprint: new X509Certificate(pems.cert).fingerprint256,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
