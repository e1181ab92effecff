/**
 * Delivery through the built CLI: the environment configures an SMTP relay and a signed JSON webhook on
 * loopback; `report --json` delivers to both and lists them in its `delivery` array, `--no-deliver` skips them,
 * a failing webhook never changes the exit code of a written report and is sent late with the next run, and
 * `check` tests both channels without sending. No secret appears in any output.
 */
import { createHmac } from 'node:crypto'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runJsonSchema } from '../../../src/core/pipeline/run-json.js'
import {
  startSmtpReceiver,
  startWebhookReceiver,
  type SmtpReceiver,
  type WebhookReceiver,
} from '../delivery/receivers.js'
import { ensureCliBuilt } from './support/build-cli.js'
import { startFakes, tempDir, type Fakes } from './support/fakes.js'
import { runCli, type CliResult } from './support/run-cli.js'

const SMTP = { username: 'relay-user', password: 'relay-Pass-31337' }
const TOKEN = 'cli-hook-T0KEN-8080'
const SIGNING = 'cli-signing-Secret-2468'

let fakes: Fakes
let work: Awaited<ReturnType<typeof tempDir>>
let smtp: SmtpReceiver
let hooks: WebhookReceiver

beforeAll(async () => {
  await ensureCliBuilt()
  fakes = await startFakes()
  work = await tempDir('delivery')
  smtp = await startSmtpReceiver({ credentials: SMTP, starttls: false })
  hooks = await startWebhookReceiver()
}, 180_000)

afterAll(async () => {
  await fakes?.close()
  await smtp?.close()
  await hooks?.close()
  await work?.remove()
})

function env(): Record<string, string> {
  return fakes.env({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_TLS: 'none',
    SMTP_USERNAME: SMTP.username,
    SMTP_PASSWORD: SMTP.password,
    REPORT_EMAIL_FROM: 'scanner@example.test',
    REPORT_EMAIL_TO: 'admin@example.test, noc@example.test',
    REPORT_WEBHOOK_URL: `${hooks.origin}/in/${TOKEN}`,
    REPORT_WEBHOOK_FORMAT: 'json',
    REPORT_WEBHOOK_SECRET: SIGNING,
  })
}

function runJson(result: CliResult) {
  const lines = result.stdout.trim().split('\n')
  expect(lines, result.stderr).toHaveLength(1)
  return runJsonSchema.parse(JSON.parse(lines[0] ?? ''))
}

function expectNoSecrets(result: CliResult): void {
  for (const secret of [SMTP.password, TOKEN, SIGNING]) expect(result.stdout + result.stderr).not.toContain(secret)
}

describe('report delivery from the CLI', { timeout: 120_000 }, () => {
  it('report --json sends to email and the webhook and lists both in "delivery"', async () => {
    const dir = path.join(work.path, 'sent')
    const result = await runCli(['report', '--json', '--data-dir', dir], env())
    expect(result.code, result.stderr).toBe(0)
    const run = runJson(result)
    expect(run.delivery).toEqual([
      { channel: 'email', status: 'sent', breaker: 'closed', late: false, message: null },
      { channel: 'webhook', status: 'sent', breaker: 'closed', late: false, message: null },
    ])
    expect(smtp.mails).toHaveLength(1)
    expect(smtp.mails[0]!.envelope.to.sort()).toEqual(['admin@example.test', 'noc@example.test'])
    expect(smtp.mails[0]!.parsed.subject).toMatch(
      /^\[UniFi Scanner\] .+: \d+ severe, \d+ medium — \d{1,2} \w{3} \d{4}$/,
    )
    const hook = hooks.requests.at(-1)!
    expect(hook.headers['x-unifi-scanner-signature']).toBe(
      `sha256=${createHmac('sha256', SIGNING).update(hook.raw).digest('hex')}`,
    )
    expect(JSON.parse(hook.raw)).toMatchObject({ report: { html: run.report.html } })
    // The summary carries the run's posture score, as the report's JSON states it.
    expect(run.posture.score).not.toBeNull()
    expect(JSON.parse(hook.raw)).toMatchObject({
      postureScore: `${run.posture.score} / 100${run.posture.grade === null ? '' : ` (${run.posture.grade})`}`,
    })
    expectNoSecrets(result)
    expect(smtp.mails[0]!.raw).not.toContain(SMTP.password)
  })

  it('--no-deliver skips every channel', async () => {
    const before = { mails: smtp.mails.length, hooks: hooks.requests.length }
    const result = await runCli(['report', '--json', '--no-deliver', '--data-dir', path.join(work.path, 'off')], env())
    expect(result.code, result.stderr).toBe(0)
    expect(runJson(result).delivery.map((d) => [d.channel, d.status])).toEqual([
      ['email', 'skipped'],
      ['webhook', 'skipped'],
    ])
    expect({ mails: smtp.mails.length, hooks: hooks.requests.length }).toEqual(before)
  })

  it('a failing webhook leaves the exit code alone and is sent late with the next run', async () => {
    const dir = path.join(work.path, 'late')
    hooks.respond = { status: 500, headers: {} }
    const failed = await runCli(['report', '--json', '--data-dir', dir], env())
    expect(failed.code, failed.stderr).toBe(0)
    const first = runJson(failed)
    expect(first.exitCode).toBe(0)
    expect(first.delivery.find((d) => d.channel === 'webhook')).toMatchObject({ status: 'failed', late: false })
    expectNoSecrets(failed)
    hooks.respond = { status: 200, headers: {} }
    const next = await runCli(['report', '--json', '--data-dir', dir], env())
    expect(next.code, next.stderr).toBe(0)
    expect(runJson(next).delivery.filter((d) => d.channel === 'webhook')).toMatchObject([
      { status: 'sent', late: true },
      { status: 'sent', late: false },
    ])
  })

  it('check tests each channel without sending', async () => {
    const before = { mails: smtp.mails.length, posts: hooks.requests.filter((r) => r.method === 'POST').length }
    const result = await runCli(['check', '--json', '--data-dir', path.join(work.path, 'check')], env())
    expect(result.code, result.stderr).toBe(0)
    const json = JSON.parse(result.stdout) as { delivery: { channel: string; ok: boolean }[] }
    expect(json.delivery.map((d) => [d.channel, d.ok])).toEqual([
      ['email', true],
      ['webhook', true],
    ])
    expect({ mails: smtp.mails.length, posts: hooks.requests.filter((r) => r.method === 'POST').length }).toEqual(
      before,
    )
    expectNoSecrets(result)
  })
})
