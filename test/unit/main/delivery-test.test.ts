/**
 * "Send test" (IPC `delivery:test`): whose stored secrets a draft may use, and that the real test send reaches a
 * loopback receiver marked as a test, signed with the secret saved for that webhook, while no answer carries a
 * secret.
 */
import { createHmac } from 'node:crypto'
import { createServer, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeliveryChannel } from '../../../src/core/delivery/channels.js'
import type { sendTestMessage } from '../../../src/core/delivery/test-send.js'
import { createMemoryLogger } from '../../../src/core/logger.js'
import { testDeliveryDraft, type DeliveryTestDraft } from '../../../src/main/delivery/delivery-tester.js'
import { settingsSchema, type SettingsInput } from '../../../src/shared/settings.js'
import {
  startSmtpReceiver,
  startWebhookReceiver,
  type SmtpReceiver,
  type WebhookReceiver,
} from '../../integration/delivery/receivers.js'
import { memorySettings, servicesFor, TRUSTED } from './helpers.js'

const SMTP_PASSWORD = 'smtp-Stored-5ecret'
const SECRET_A = 'hmac-A-Stored-5ecret'
const SECRET_B = 'hmac-B-Stored-5ecret'

let hooks: WebhookReceiver
let other: WebhookReceiver
let smtp: SmtpReceiver

beforeAll(async () => {
  hooks = await startWebhookReceiver()
  other = await startWebhookReceiver()
  smtp = await startSmtpReceiver({ credentials: { username: 'mailer', password: SMTP_PASSWORD }, starttls: false })
})
afterAll(async () => {
  await hooks?.close()
  await other?.close()
  await smtp?.close()
})

function stored(): SettingsInput {
  return {
    breaker: { timeoutMs: 3_000 },
    delivery: {
      email: {
        host: '127.0.0.1',
        port: smtp.port,
        tls: 'none',
        username: 'mailer',
        password: SMTP_PASSWORD,
        from: 'scanner@example.com',
        to: ['admin@example.com'],
      },
      webhooks: [
        { id: 'hooka1', name: 'a', format: 'json', url: `${hooks.origin}/hook-a-token`, secret: SECRET_A },
        { id: 'hookb2', name: 'b', format: 'json', url: `${hooks.origin}/hook-b-token`, secret: SECRET_B },
      ],
    },
  }
}

const EMAIL_DRAFT = {
  host: '127.0.0.1',
  port: 0,
  tls: 'none',
  username: 'mailer',
  from: 'scanner@example.com',
  to: ['admin@example.com'],
  bcc: [],
  breaker: {},
}

/** What a draft would send, without sending it. */
async function channelFor(draft: DeliveryTestDraft): Promise<DeliveryChannel | null> {
  let seen: DeliveryChannel | null = null
  const send: typeof sendTestMessage = (channel) => {
    seen = channel
    return Promise.resolve({ ok: true, message: 'sent' })
  }
  await testDeliveryDraft(settingsSchema.parse(stored()), draft, { logger: createMemoryLogger(), send })
  return seen
}

describe('delivery:test uses a stored secret only for its own channel', () => {
  it('the SMTP password goes only to the server it was saved for; a typed one always wins', async () => {
    const same = await channelFor({ kind: 'email', email: { ...EMAIL_DRAFT, port: smtp.port } })
    expect(same?.kind === 'email' && same.email.password).toBe(SMTP_PASSWORD)
    const moved = await channelFor({ kind: 'email', email: { ...EMAIL_DRAFT, port: smtp.port + 1 } })
    expect(moved?.kind === 'email' && moved.email.password).toBeUndefined()
    const typed = await channelFor({ kind: 'email', email: { ...EMAIL_DRAFT, port: smtp.port + 1 }, password: 'typed' })
    expect(typed?.kind === 'email' && typed.email.password).toBe('typed')
  })

  it("a webhook's URL and signing secret are its own: never another webhook's, never on another origin", async () => {
    const b = await channelFor({ kind: 'webhook', id: 'hookb2', webhook: { name: 'b', format: 'json', breaker: {} } })
    expect(b?.kind === 'webhook' && [b.webhook.url, b.webhook.secret]).toEqual([
      `${hooks.origin}/hook-b-token`,
      SECRET_B,
    ])
    // A new webhook has no stored secrets at all, whatever its name.
    const fresh = await channelFor({ kind: 'webhook', webhook: { name: 'a', format: 'json', breaker: {} } })
    expect(fresh).toBeNull()
    const typedUrl = await channelFor({
      kind: 'webhook',
      webhook: { name: 'c', format: 'json', breaker: {} },
      url: `${hooks.origin}/new`,
    })
    expect(typedUrl?.kind === 'webhook' && typedUrl.webhook.secret).toBeUndefined()
    // The saved webhook aimed at another server keeps its secret at home.
    const elsewhere = await channelFor({
      kind: 'webhook',
      id: 'hooka1',
      webhook: { name: 'a', format: 'json', breaker: {} },
      url: `${other.origin}/x`,
    })
    expect(elsewhere?.kind === 'webhook' && elsewhere.webhook.secret).toBeUndefined()
  })

  it('a new webhook without a URL is answered with what to do, and nothing is sent', async () => {
    const result = await testDeliveryDraft(
      settingsSchema.parse(stored()),
      { kind: 'webhook', webhook: { name: 'new', format: 'slack', breaker: {} } },
      { logger: createMemoryLogger() },
    )
    expect(result).toEqual({
      ok: false,
      message: 'Slack webhook "new" has no URL yet: enter the webhook URL, then test again.',
    })
  })
})

describe('delivery:test sends a real test message', () => {
  it('posts to the saved webhook, signed with its own secret, marked as a test; the answer has no secret', async () => {
    const { services, target } = servicesFor({ settings: memorySettings(stored()) })
    hooks.requests.length = 0
    const result = await services.dispatch('delivery:test', TRUSTED, {
      kind: 'webhook',
      id: 'hookb2',
      webhook: { name: 'b', format: 'json', breaker: {} },
    })
    expect(result).toEqual({ ok: true, value: { ok: true, message: 'JSON webhook "b" accepted the test message.' } })
    expect(hooks.requests).toHaveLength(1)
    const request = hooks.requests[0]!
    expect(request.path).toBe('/hook-b-token')
    const body = JSON.parse(request.raw) as { test?: boolean; subject: string }
    expect(body.test).toBe(true)
    expect(body.subject).toMatch(/^\[UniFi Scanner\] Test message/)
    const signature = `sha256=${createHmac('sha256', SECRET_B).update(request.raw, 'utf8').digest('hex')}`
    expect(request.headers['x-unifi-scanner-signature']).toBe(signature)
    const crossed = JSON.stringify([result, target.sent])
    for (const secret of [SMTP_PASSWORD, SECRET_A, SECRET_B, 'hook-a-token', 'hook-b-token']) {
      expect(crossed).not.toContain(secret)
    }
    await services.close()
  })

  it('a refusing webhook is a failed test whose message does not name the URL', async () => {
    const { services } = servicesFor({ settings: memorySettings(stored()) })
    hooks.respond = { status: 403, headers: {} }
    try {
      const result = await services.dispatch('delivery:test', TRUSTED, {
        kind: 'webhook',
        id: 'hooka1',
        webhook: { name: 'a', format: 'json', breaker: {} },
      })
      expect(result).toEqual({
        ok: true,
        value: {
          ok: false,
          message: 'JSON webhook "a" refused the message (HTTP 403): check the webhook URL and its permissions.',
        },
      })
    } finally {
      hooks.respond = { status: 200, headers: {} }
      await services.close()
    }
  })

  it('a webhook that never answers is reported as a timeout of its own timeout, not as a cancellation', async () => {
    const sockets: Socket[] = []
    const silent = createServer((socket) => void sockets.push(socket))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const address = silent.address()
    const port = typeof address === 'object' && address ? address.port : 0
    try {
      const result = await testDeliveryDraft(
        settingsSchema.parse({}),
        {
          kind: 'webhook',
          webhook: { name: 'slow', format: 'json', breaker: { timeoutMs: 300 } },
          url: `http://127.0.0.1:${port}/never`,
        },
        { logger: createMemoryLogger() },
      )
      expect(result).toEqual({ ok: false, message: 'JSON webhook "slow" did not answer in time.' })
    } finally {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => silent.close(resolve))
    }
  })

  it('sends a test mail with the stored password to the server it was saved for', async () => {
    const { services } = servicesFor({ settings: memorySettings(stored()) })
    smtp.mails.length = 0
    const result = await services.dispatch('delivery:test', TRUSTED, {
      kind: 'email',
      email: { ...EMAIL_DRAFT, port: smtp.port },
    })
    expect(result).toEqual({
      ok: true,
      value: { ok: true, message: 'Test message sent to admin@example.com. Check that it arrived.' },
    })
    expect(smtp.mails).toHaveLength(1)
    expect(smtp.mails[0]?.parsed.subject).toMatch(/^\[UniFi Scanner\] Test message/)
    expect(smtp.mails[0]?.parsed.text).toContain('This is a test message from UniFi Scanner')
    expect(JSON.stringify(result)).not.toContain(SMTP_PASSWORD)
    await services.close()
  })
})
