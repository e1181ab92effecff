import { X509Certificate } from 'node:crypto'
import { generate } from 'selfsigned'

export interface ServerCertificate {
  certPem: string
  keyPem: string
  /** `AA:BB:…` SHA-256 fingerprint, as Node reports it for the peer certificate. */
  fingerprint: string
}

/** A throwaway EC P-256 certificate for 127.0.0.1/localhost, valid for two days. */
export async function createServerCertificate(commonName = 'unifi-simulator'): Promise<ServerCertificate> {
  const notBeforeDate = new Date(Date.now() - 60_000)
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    curve: 'P-256',
    // selfsigned defaults to sha1.
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + 2 * 24 * 3600 * 1000),
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
  return { certPem: pems.cert, keyPem: pems.private, fingerprint: new X509Certificate(pems.cert).fingerprint256 }
}
