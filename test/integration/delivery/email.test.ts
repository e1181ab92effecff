/**
 * Email delivery against a real SMTP server on loopback (smtp-server), every mail parsed with mailparser:
 * subject, recipients and BCC, HTML and text parts, no secret anywhere; and the faults: 4xx, 5xx, refused
 * sign-in, STARTTLS required but not offered, a server that hangs past the timeout, then the retry at the
 * next run.
 */
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDeliveryRuntime, type DeliveryRuntime } from '../../../src/core/delivery/runtime.js'
import { PENDING_FILE } from '../../../src/core/delivery/pending.js'
import { createMemoryLogger } from '../../../src/core/logger.js'
import { deliverySettings, sampleReport, tempData } from './fixtures.js'
import { startSmtpReceiver, type SmtpReceiver } from './receivers.js'

const CREDENTIALS = { username: 'scanner', password: 'smtp-pass-Secret-9173' }

let smtp: SmtpReceiver
let plain: SmtpReceiver
let data: Awaited<ReturnType<typeof tempData>>
let runtime: DeliveryRuntime
const logger = createMemoryLogger()

beforeAll(async () => {
  smtp = await startSmtpReceiver({ credentials: CREDENTIALS, starttls: false })
  plain = await startSmtpReceiver({ starttls: false })
})
afterAll(async () => {
  await smtp?.close()
  await plain?.close()
})
afterEach(async () => {
  await runtime?.close()
  await data?.remove()
  smtp.mails.length = 0
  smtp.fault = 'none'
})

async function fresh(): Promise<void> {
  data = await tempData()
  runtime = createDeliveryRuntime({ logger })
}

function emailSettings(overrides: Record<string, unknown> = {}) {
  return deliverySettings({
    email: {
      host: '127.0.0.1',
      port: smtp.port,
      tls: 'none',
      username: CREDENTIALS.username,
      password: CREDENTIALS.password,
      from: 'scanner@example.test',
      to: ['admin@example.test', 'second@example.test'],
      bcc: ['audit@example.test'],
      ...overrides,
    },
  })
}

async function pendingEntries(): Promise<{ channel: string; attempts: number }[]> {
  try {
    const file = JSON.parse(await readFile(join(data.path, PENDING_FILE), 'utf8')) as {
      entries: { channel: string; attempts: number }[]
    }
    return file.entries
  } catch {
    return []
  }
}

describe('email delivery', { timeout: 30_000 }, () => {
  it('sends the report: subject with site and counts, recipients and BCC, email-safe HTML and the text report', async () => {
    await fresh()
    const report = sampleReport()
    const run = await runtime.deliver({
      settings: emailSettings(),
      dataDir: data.path,
      report,
      signal: new AbortController().signal,
    })
    expect(run.results).toEqual([
      { channel: 'email', status: 'sent', breaker: 'closed', late: false, message: null },
      { channel: 'webhook', status: 'not-configured', breaker: 'closed', late: false, message: null },
    ])
    expect(smtp.mails).toHaveLength(1)
    const mail = smtp.mails[0]!
    const counts = report.model.summary.counts
    expect(mail.parsed.subject).toBe(
      `[UniFi Scanner] ${report.model.header.site}: ${counts.severe} severe, ${counts.medium} medium — ` +
        new Intl.DateTimeFormat('en-GB', {
          timeZone: 'America/New_York',
          day: 'numeric',
          month: 'short',
          year: 'numeric',
        }).format(Date.parse(report.model.header.generatedAtIso)),
    )
    expect(counts.severe).toBeGreaterThan(0)
    const to = Array.isArray(mail.parsed.to) ? mail.parsed.to : [mail.parsed.to]
    expect(to.flatMap((group) => group?.value.map((v) => v.address) ?? [])).toEqual([
      'admin@example.test',
      'second@example.test',
    ])
    // BCC goes in the envelope only, never in the headers the other recipients see.
    expect(mail.envelope.to.sort()).toEqual(['admin@example.test', 'audit@example.test', 'second@example.test'])
    expect(mail.raw.toLowerCase()).not.toContain('audit@example.test')
    const html = typeof mail.parsed.html === 'string' ? mail.parsed.html : ''
    expect(html).toContain('style="')
    expect(html).not.toMatch(/<script|<style|<link|src="https?:|<img/i)
    expect(html).toContain(report.model.summary.urgentActions[0]!.title.replace(/&/g, '&amp;'))
    expect(mail.parsed.text?.trim()).toBe(report.text?.trim())
    expect(mail.raw).not.toContain(CREDENTIALS.password)
    expect(JSON.stringify(run)).not.toContain(CREDENTIALS.password)
  })

  it('keeps a deferred mail (4xx) and sends it, marked late, with the next run', async () => {
    await fresh()
    smtp.fault = 'defer-4xx'
    const settings = emailSettings()
    const first = await runtime.deliver({
      settings,
      dataDir: data.path,
      report: sampleReport(),
      signal: new AbortController().signal,
    })
    expect(first.results[0]).toMatchObject({ channel: 'email', status: 'failed', late: false, breaker: 'closed' })
    expect(first.results[0]!.message).toContain('451')
    expect(await pendingEntries()).toMatchObject([{ channel: 'email', attempts: 1 }])
    expect((await stat(join(data.path, PENDING_FILE))).mode & 0o777).toBe(0o600)
    smtp.fault = 'none'
    const second = await runtime.deliver({
      settings,
      dataDir: data.path,
      report: sampleReport(),
      signal: new AbortController().signal,
    })
    expect(second.results.filter((r) => r.channel === 'email')).toMatchObject([
      { status: 'sent', late: true },
      { status: 'sent', late: false },
    ])
    expect(smtp.mails).toHaveLength(2)
    expect(await pendingEntries()).toEqual([])
  })

  it('a rejected mail (5xx) and a refused sign-in are failures that need attention: kept, breaker not counting', async () => {
    await fresh()
    smtp.fault = 'reject-5xx'
    const settings = emailSettings()
    const rejected = await runtime.deliver({
      settings,
      dataDir: data.path,
      report: sampleReport(),
      signal: new AbortController().signal,
    })
    expect(rejected.results[0]).toMatchObject({ status: 'failed', breaker: 'closed' })
    expect(rejected.results[0]!.message).toContain('550')
    smtp.fault = 'none'
    const wrong = emailSettings({ password: 'not-the-password-4411' })
    for (let run = 0; run < 3; run++) {
      const refused = await runtime.deliver({
        settings: wrong,
        dataDir: data.path,
        report: null,
        signal: new AbortController().signal,
      })
      expect(refused.results[0]).toMatchObject({ status: 'failed', breaker: 'closed', late: true })
      expect(refused.results[0]!.message).toMatch(/refused the sign-in/)
      expect(refused.results[0]!.message).not.toContain('not-the-password-4411')
    }
    expect(smtp.mails).toHaveLength(0)
    expect(await pendingEntries()).toHaveLength(1)
  })

  it('refuses to send without TLS when STARTTLS is required and the server does not offer it', async () => {
    await fresh()
    const settings = emailSettings({ tls: 'starttls' })
    const run = await runtime.deliver({
      settings,
      dataDir: data.path,
      report: sampleReport(),
      signal: new AbortController().signal,
    })
    expect(run.results[0]).toMatchObject({ channel: 'email', status: 'failed' })
    expect(run.results[0]!.message).toMatch(/STARTTLS|TLS/)
    expect(smtp.mails).toHaveLength(0)
    const check = await runtime.test(settings, new AbortController().signal)
    expect(check).toMatchObject([{ channel: 'email', ok: false }])
  })

  it('a server that hangs is cut off by the channel timeout; the breaker opens after failMax and the channel is skipped', async () => {
    await fresh()
    smtp.fault = 'hang'
    const settings = emailSettings({ breaker: { timeoutMs: 500, resetTimeoutMs: 600_000, failMax: 2 } })
    const first = await runtime.deliver({
      settings,
      dataDir: data.path,
      report: sampleReport(),
      signal: new AbortController().signal,
    })
    expect(first.results[0]).toMatchObject({ status: 'failed', breaker: 'closed' })
    expect(first.results[0]!.message).toMatch(/did not finish|did not answer/)
    const second = await runtime.deliver({
      settings,
      dataDir: data.path,
      report: sampleReport(),
      signal: new AbortController().signal,
    })
    expect(second.results.filter((r) => r.channel === 'email')).toMatchObject([
      { status: 'failed', late: true, breaker: 'open' },
      { status: 'skipped', late: false, breaker: 'open' },
    ])
    const third = await runtime.deliver({
      settings,
      dataDir: data.path,
      report: sampleReport(),
      signal: new AbortController().signal,
    })
    const email = third.results.filter((r) => r.channel === 'email')
    expect(email[0]).toMatchObject({ status: 'skipped', breaker: 'open', late: true })
    expect(email[0]!.message).toMatch(/paused after repeated failures/)
    expect(await pendingEntries()).toHaveLength(3)
  })

  it('check connects and signs in without sending', async () => {
    await fresh()
    const ok = await runtime.test(emailSettings(), new AbortController().signal)
    expect(ok).toEqual([{ channel: 'email', label: 'Email', ok: true, message: 'Connected and signed in.' }])
    const refused = await runtime.test(emailSettings({ password: 'wrong-0000' }), new AbortController().signal)
    expect(refused[0]).toMatchObject({ ok: false })
    const open = await runtime.test(
      deliverySettings({
        email: { host: '127.0.0.1', port: plain.port, tls: 'none', from: 'a@example.test', to: ['b@example.test'] },
      }),
      new AbortController().signal,
    )
    expect(open).toEqual([{ channel: 'email', label: 'Email', ok: true, message: 'Connected.' }])
    expect(smtp.mails).toHaveLength(0)
  })
})
