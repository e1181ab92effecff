/**
 * Webhook delivery against a real HTTP receiver on loopback: each service's payload shape (Slack Block Kit,
 * Teams Adaptive Card, Discord embeds, ntfy's JSON publish, our signed JSON with the HMAC verified), then the
 * faults: 429 with Retry-After and 500, through the breaker and the retry at the next run.
 */
import { createHmac } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDeliveryRuntime, type DeliveryRuntime } from '../../../src/core/delivery/runtime.js'
import { createMemoryLogger } from '../../../src/core/logger.js'
import type { WebhookFormat } from '../../../src/shared/settings.js'
import { deliverySettings, sampleReport, tempData } from './fixtures.js'
import { startWebhookReceiver, type WebhookReceiver } from './receivers.js'

const TOKEN = 'T0KEN-in-the-path-5521'
const SIGNING = 'hmac-signing-Secret-7788'

let hooks: WebhookReceiver
let data: Awaited<ReturnType<typeof tempData>>
let runtime: DeliveryRuntime

beforeAll(async () => {
  hooks = await startWebhookReceiver()
})
afterAll(async () => {
  await hooks?.close()
})
afterEach(async () => {
  await runtime?.close()
  await data?.remove()
  hooks.requests.length = 0
  hooks.respond = { status: 200, headers: {} }
})

async function fresh(): Promise<void> {
  data = await tempData()
  runtime = createDeliveryRuntime({ logger: createMemoryLogger() })
}

function hookSettings(format: WebhookFormat, extra: Record<string, unknown> = {}) {
  return deliverySettings({
    webhooks: [{ name: 'ops', url: `${hooks.origin}/hooks/${TOKEN}/alerts`, format, secret: SIGNING, ...extra }],
  })
}

async function deliverOnce(format: WebhookFormat) {
  await fresh()
  const report = sampleReport({ alarms: { state: 'unavailable', records: 0, rejected: 0, reason: 'HTTP 500' } })
  const run = await runtime.deliver({
    settings: hookSettings(format),
    dataDir: data.path,
    report,
    signal: new AbortController().signal,
  })
  expect(run.results).toEqual([
    { channel: 'ops', status: 'sent', breaker: 'closed', late: false, message: null },
    { channel: 'email', status: 'not-configured', breaker: 'closed', late: false, message: null },
  ])
  expect(hooks.requests).toHaveLength(1)
  const request = hooks.requests[0]!
  // The URL's token reaches the receiver's path only; the payload never repeats it, nor the signing secret.
  expect(request.raw).not.toContain(TOKEN)
  expect(request.raw).not.toContain(SIGNING)
  return { report, request, body: JSON.parse(request.raw) as Record<string, unknown> }
}

describe('webhook payloads', { timeout: 30_000 }, () => {
  it('Slack: Block Kit with a header, the counts, the most urgent actions and the coverage problems', async () => {
    const { report, request, body } = await deliverOnce('slack')
    expect(request.path).toBe(`/hooks/${TOKEN}/alerts`)
    const blocks = body.blocks as { type: string; text?: { type: string; text: string } }[]
    expect(blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } })
    const text = blocks.map((block) => block.text?.text ?? '').join('\n')
    expect(text).toContain(`${report.model.summary.counts.severe} severe`)
    expect(text).toContain('Most urgent')
    expect(text).toContain('Alarms: could not be checked (HTTP 500)')
    expect(blocks.at(-1)).toMatchObject({ type: 'context' })
    expect(typeof body.text).toBe('string')
  })

  it('Teams: a Workflows message carrying an Adaptive Card', async () => {
    const { body } = await deliverOnce('teams')
    expect(body.type).toBe('message')
    const attachment = (body.attachments as { contentType: string; content: Record<string, unknown> }[])[0]!
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive')
    expect(attachment.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' })
    const texts = (attachment.content.body as { type: string; text: string }[]).map((block) => block.text)
    expect(texts.some((text) => text.includes('Full report: /reports/unifi-report-2026-12-03-080000.html'))).toBe(true)
  })

  it('Discord: one embed coloured by the worst severity, no mentions', async () => {
    const { body } = await deliverOnce('discord')
    const embed = (body.embeds as Record<string, unknown>[])[0]!
    expect(embed.color).toBe(0xdc3545)
    expect((embed.fields as { name: string }[]).map((field) => field.name)).toEqual([
      'Findings',
      'Most urgent',
      'Not fully read',
    ])
    expect(body.allowed_mentions).toEqual({ parse: [] })
  })

  it('ntfy: JSON publish to the server root with the topic, priority from the worst severity and tags', async () => {
    const { request, body } = await deliverOnce('ntfy')
    expect(request.path).toBe(`/hooks/${TOKEN}`)
    expect(body).toMatchObject({ topic: 'alerts', priority: 5, tags: ['rotating_light', 'unifi-scanner'] })
    expect(String(body.message)).toContain('severe')
  })

  it('JSON: the summary, signed with HMAC-SHA256 over the raw body and timestamped', async () => {
    const { report, request, body } = await deliverOnce('json')
    const expected = `sha256=${createHmac('sha256', SIGNING).update(request.raw).digest('hex')}`
    expect(request.headers['x-unifi-scanner-signature']).toBe(expected)
    expect(Number.isNaN(Date.parse(String(request.headers['x-unifi-scanner-timestamp'])))).toBe(false)
    expect(body).toMatchObject({
      schema: 'unifi-scanner.report-summary/1',
      site: report.model.header.site,
      findings: report.model.summary.counts,
      worst: 'severe',
      coverageProblems: ['Alarms: could not be checked (HTTP 500)'],
      postureScore: null,
    })
    expect((body.urgentActions as unknown[]).length).toBeLessThanOrEqual(3)
    // A tampered body does not verify.
    const tampered = createHmac('sha256', SIGNING).update(`${request.raw} `).digest('hex')
    expect(request.headers['x-unifi-scanner-signature']).not.toBe(`sha256=${tampered}`)
  })
})

describe('webhook faults', { timeout: 30_000 }, () => {
  it('429 with Retry-After: failed with the wait named, kept, sent late with the next run', async () => {
    await fresh()
    hooks.respond = { status: 429, headers: { 'retry-after': '30' } }
    const settings = hookSettings('json')
    const first = await runtime.deliver({
      settings,
      dataDir: data.path,
      report: sampleReport(),
      signal: new AbortController().signal,
    })
    expect(first.results[0]).toMatchObject({ channel: 'ops', status: 'failed', breaker: 'closed', late: false })
    expect(first.results[0]!.message).toContain('asked to wait 30 s')
    expect(first.results[0]!.message).not.toContain(TOKEN)
    hooks.respond = { status: 204, headers: {} }
    const second = await runtime.deliver({
      settings,
      dataDir: data.path,
      report: sampleReport(),
      signal: new AbortController().signal,
    })
    expect(second.results.filter((r) => r.channel === 'ops')).toMatchObject([
      { status: 'sent', late: true },
      { status: 'sent', late: false },
    ])
    expect(hooks.requests).toHaveLength(3)
  })

  it('500s open the breaker after failMax; then the channel is skipped with the reason, nothing is posted', async () => {
    await fresh()
    hooks.respond = { status: 500, headers: {} }
    const settings = hookSettings('slack')
    const signal = new AbortController().signal
    const first = await runtime.deliver({ settings, dataDir: data.path, report: sampleReport(), signal })
    expect(first.results[0]).toMatchObject({ status: 'failed', breaker: 'closed' })
    const second = await runtime.deliver({ settings, dataDir: data.path, report: sampleReport(), signal })
    expect(second.results.filter((r) => r.channel === 'ops')).toMatchObject([
      { status: 'failed', late: true, breaker: 'open' },
      { status: 'skipped', late: false, breaker: 'open' },
    ])
    expect(hooks.requests).toHaveLength(2)
    const third = await runtime.deliver({ settings, dataDir: data.path, report: sampleReport(), signal })
    const ops = third.results.filter((r) => r.channel === 'ops')
    expect(ops).toHaveLength(3)
    expect(ops[0]).toMatchObject({ status: 'skipped', breaker: 'open', late: true })
    expect(ops[0]!.message).toMatch(/paused after repeated failures/)
    expect(hooks.requests).toHaveLength(2)
    // The channel's card keeps the same record as an integration's: its calls, newest first, and the opening.
    const card = runtime.cards(settings).find((candidate) => candidate.key === 'ops')
    // (Once the breaker is open, later runs skip the channel without calling through it at all.)
    expect(card?.activity?.recentCalls.map((call) => call.outcome)).toEqual(['short-circuited', 'error', 'error'])
    expect(card?.activity?.window).toMatchObject({ failures: 2, shortCircuits: 1 })
    expect(card?.activity?.timeline.transitions.map((change) => change.state)).toEqual(['open'])
  })

  it('check tests reachability without posting anything', async () => {
    await fresh()
    const result = await runtime.test(hookSettings('slack'), new AbortController().signal)
    expect(result).toEqual([
      { channel: 'ops', label: 'Slack webhook "ops"', ok: true, message: 'The service answers (nothing was posted).' },
    ])
    expect(hooks.requests.map((r) => [r.method, r.path])).toEqual([['HEAD', '/']])
  })

  it('--no-deliver: every configured channel is skipped and nothing is kept', async () => {
    await fresh()
    const run = await runtime.deliver({
      settings: hookSettings('json'),
      dataDir: data.path,
      report: sampleReport(),
      signal: new AbortController().signal,
      off: true,
    })
    expect(run.results[0]).toMatchObject({ channel: 'ops', status: 'skipped', late: false })
    expect(hooks.requests).toHaveLength(0)
  })
})
