import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../src/core/http/dispatcher.js'
import { httpRequest } from '../../../src/core/http/request.js'
import { normaliseFingerprint } from '../../../src/core/http/tls-trust.js'
import { TlsTrustError } from '../../../src/core/errors.js'
import { startSelfSignedServer, type TestTlsServer } from './tls-servers.js'

describe('TLS trust for self-signed consoles', () => {
  let console: TestTlsServer
  let otherCertificate: TestTlsServer

  beforeAll(async () => {
    console = await startSelfSignedServer('console')
    otherCertificate = await startSelfSignedServer('impostor')
  })
  afterAll(async () => {
    await console.close()
    await otherCertificate.close()
  })

  async function get(trust: Parameters<typeof createDispatcher>[0]) {
    const dispatcher = createDispatcher(trust)
    try {
      return await httpRequest({ url: console.url, dispatcher, timeoutMs: 5000 })
    } finally {
      await dispatcher.close()
    }
  }

  it('rejects an unknown self-signed certificate by default and reports the presented fingerprint', async () => {
    const error = await get({}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TlsTrustError)
    const tlsError = error as TlsTrustError
    expect(tlsError.kind).toBe('tls-untrusted')
    expect(tlsError.presentedFingerprint).toBe(console.fingerprint)
    expect(tlsError.message).toContain(console.fingerprint)
  })

  it('accepts the certificate when its fingerprint is pinned (any case, with or without colons)', async () => {
    const bare = console.fingerprint.replace(/:/g, '').toLowerCase()
    const response = await get({ trust: { fingerprint: bare } })
    expect(response.status).toBe(200)
    expect(response.text).toBe('{"ok":true}')
  })

  it('fails closed on a pin mismatch and names both fingerprints', async () => {
    const error = await get({ trust: { fingerprint: otherCertificate.fingerprint } }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TlsTrustError)
    const tlsError = error as TlsTrustError
    expect(tlsError.code).toBe('ERR_TLS_PIN_MISMATCH')
    expect(tlsError.message).toContain(console.fingerprint)
    expect(tlsError.message).toContain(otherCertificate.fingerprint)
  })

  it('trusts a certificate through a custom CA file and rejects one the CA did not sign', async () => {
    const ok = await get({ trust: { caPem: console.certPem } })
    expect(ok.status).toBe(200)
    const error = await get({ trust: { caPem: otherCertificate.certPem } }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TlsTrustError)
  })

  it('normalises fingerprints to upper-case colon-separated hex', () => {
    expect(normaliseFingerprint('ab:cd:ef')).toBe('AB:CD:EF')
    expect(normaliseFingerprint('abcdef')).toBe('AB:CD:EF')
  })
})
