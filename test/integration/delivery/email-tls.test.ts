/**
 * Email over TLS against a real smtp-server on loopback with a fresh self-signed certificate: implicit TLS and
 * STARTTLS both deliver when the mail server's certificate is trusted through the channel's CA file, and both
 * refuse (nothing sent, no password on the wire) when it is not — verification is never switched off.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDeliveryRuntime, type DeliveryRuntime } from '../../../src/core/delivery/runtime.js'
import { createMemoryLogger } from '../../../src/core/logger.js'
import { createServerCertificate } from '../../../src/simulator/unifi/certificate.js'
import { deliverySettings, sampleReport, tempData } from './fixtures.js'
import { startSmtpReceiver, type SmtpReceiver } from './receivers.js'

const CREDENTIALS = { username: 'scanner', password: 'smtp-tls-Secret-5531' }

let implicit: SmtpReceiver
let starttls: SmtpReceiver
let data: Awaited<ReturnType<typeof tempData>>
let caFile: string
let runtime: DeliveryRuntime

beforeAll(async () => {
  const certificate = await createServerCertificate('mail.test')
  const tls = { keyPem: certificate.keyPem, certPem: certificate.certPem }
  implicit = await startSmtpReceiver({ credentials: CREDENTIALS, tls: { mode: 'implicit', ...tls } })
  starttls = await startSmtpReceiver({ credentials: CREDENTIALS, tls: { mode: 'starttls', ...tls } })
  data = await tempData()
  caFile = join(data.path, 'mail-ca.pem')
  await writeFile(caFile, certificate.certPem)
})
afterAll(async () => {
  await implicit?.close()
  await starttls?.close()
  await data?.remove()
})
afterEach(async () => {
  await runtime?.close()
})

function settings(server: SmtpReceiver, tls: 'implicit' | 'starttls', trusted: boolean) {
  return deliverySettings({
    email: {
      host: '127.0.0.1',
      port: server.port,
      tls,
      ...CREDENTIALS,
      from: 'scanner@example.test',
      to: ['admin@example.test'],
      ...(trusted ? { caFile } : {}),
    },
  })
}

describe('email over TLS to a self-signed mail server', { timeout: 30_000 }, () => {
  it.each([
    ['implicit TLS', 'implicit' as const],
    ['STARTTLS', 'starttls' as const],
  ])('%s delivers when the CA file trusts the server certificate', async (_name, mode) => {
    const server = mode === 'implicit' ? implicit : starttls
    runtime = createDeliveryRuntime({ logger: createMemoryLogger() })
    const run = await runtime.deliver({
      settings: settings(server, mode, true),
      dataDir: data.path,
      report: sampleReport(),
      signal: new AbortController().signal,
    })
    expect(run.results[0]).toMatchObject({ channel: 'email', status: 'sent' })
    expect(server.mails).toHaveLength(1)
    expect(server.mails[0]!.parsed.subject).toMatch(/^\[UniFi Scanner\]/)
    expect(server.mails[0]!.raw).not.toContain(CREDENTIALS.password)
    const test = await runtime.test(settings(server, mode, true), new AbortController().signal)
    expect(test).toMatchObject([{ channel: 'email', ok: true, message: 'Connected and signed in.' }])
    server.mails.length = 0
  })

  it.each([
    ['implicit TLS', 'implicit' as const],
    ['STARTTLS', 'starttls' as const],
  ])('%s refuses the self-signed certificate without the CA file: nothing is sent', async (_name, mode) => {
    const server = mode === 'implicit' ? implicit : starttls
    runtime = createDeliveryRuntime({ logger: createMemoryLogger() })
    const run = await runtime.deliver({
      settings: settings(server, mode, false),
      dataDir: data.path,
      report: sampleReport(),
      signal: new AbortController().signal,
    })
    expect(run.results[0]).toMatchObject({ channel: 'email', status: 'failed' })
    expect(run.results[0]!.message).toMatch(/TLS connection to the mail server failed/)
    expect(server.mails).toHaveLength(0)
    expect(JSON.stringify(run)).not.toContain(CREDENTIALS.password)
  })

  it('names an unreadable CA file instead of connecting', async () => {
    runtime = createDeliveryRuntime({ logger: createMemoryLogger() })
    const broken = deliverySettings({
      email: {
        host: '127.0.0.1',
        port: implicit.port,
        tls: 'implicit',
        from: 'scanner@example.test',
        to: ['admin@example.test'],
        caFile: join(data.path, 'missing.pem'),
      },
    })
    const [test] = await runtime.test(broken, new AbortController().signal)
    expect(test).toMatchObject({ ok: false, message: expect.stringMatching(/CA file .* could not be read/) as unknown })
  })
})
