/**
 * Delivery in the real window, with the real main handlers behind `window.api`: a loopback SMTP server
 * (smtp-server, mails parsed with mailparser) and a loopback webhook receiver. Configure email and one webhook in
 * the Settings screen, "Send test" each (before saving, with the typed secrets; after saving, with the stored
 * ones), see the receivers get messages marked as tests, then make reports and see the delivery cards and an
 * undelivered report on the Status tab. Only 127.0.0.1 is contacted; no secret ever reaches the renderer.
 */
import { createHmac } from 'node:crypto'
import { expect, test } from '@playwright/test'
import type { SimulatedController } from '../../src/simulator/unifi/index.js'
import {
  startSmtpReceiver,
  startWebhookReceiver,
  type SmtpReceiver,
  type WebhookReceiver,
} from '../integration/delivery/receivers.js'
import {
  consoleSettings,
  expectAccessible,
  openDesktop,
  rendererBoundText,
  runReportFromStatus,
  screenshotBothSchemes,
  startDesktopBackdrop,
} from './desktop-harness.js'
import type { StaticServer } from './static-server.js'

const SMTP_USER = 'scanner'
const SMTP_PASSWORD = 'smtp-E2e-5ecret-7731'
const HOOK_TOKEN = 'e2e-hook-token-4410'
const SIGNING_SECRET = 'hmac-E2e-5ecret-2208'

let server: StaticServer
let controller: SimulatedController
let smtp: SmtpReceiver
let hooks: WebhookReceiver

test.beforeAll(async () => {
  ;({ server, controller } = await startDesktopBackdrop())
  smtp = await startSmtpReceiver({ credentials: { username: SMTP_USER, password: SMTP_PASSWORD }, starttls: false })
  hooks = await startWebhookReceiver()
})

test.afterAll(async () => {
  await hooks?.close()
  await smtp?.close()
  await controller?.close()
  await server?.close()
})

test('configure email and a webhook, send a test to each, then see the delivery cards on the Status tab', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000)
  const app = await openDesktop(page, server, {
    settings: {
      unifi: consoleSettings(controller, 'api-key'),
      breaker: { failMax: 3, resetTimeoutMs: 60_000, timeoutMs: 5_000 },
    },
  })
  try {
    await page.getByRole('tab', { name: 'Settings' }).click()
    const section = page.getByTestId('section-delivery')
    await section.getByRole('button', { name: 'Add email' }).click()
    await section.getByTestId('delivery-email-host').fill('127.0.0.1')
    await section.getByTestId('delivery-email-port').fill(String(smtp.port))
    await section.getByTestId('delivery-email-tls').selectOption('none')
    await section.getByTestId('delivery-email-username').fill(SMTP_USER)
    await section.getByTestId('delivery-email-password').getByLabel('SMTP password').fill(SMTP_PASSWORD)
    await section.getByTestId('delivery-email-from').fill('scanner@example.com')
    await section.getByTestId('delivery-email-to').fill('admin@example.com, noc@example.com')

    await section.getByRole('button', { name: 'Add webhook' }).click()
    const webhook = section.getByTestId('delivery-webhook-0')
    await webhook.getByTestId('delivery-webhook-0-name').fill('ops')
    await webhook.getByTestId('delivery-webhook-0-format').selectOption('json')
    await webhook
      .getByTestId('delivery-webhook-0-url')
      .getByLabel('Webhook URL')
      .fill(`${hooks.origin}/hook/${HOOK_TOKEN}`)
    await webhook.getByTestId('delivery-webhook-0-secret').getByLabel('Signing secret (optional)').fill(SIGNING_SECRET)

    // Before saving: the test uses what was typed.
    await section.getByRole('button', { name: 'Send test to email' }).click()
    await expect(section.getByTestId('delivery-email-test-result')).toHaveText(
      '✓ Test message sent to admin@example.com, noc@example.com. Check that it arrived.',
      { timeout: 15_000 },
    )
    expect(smtp.mails).toHaveLength(1)
    expect(smtp.mails[0]?.parsed.subject).toMatch(/^\[UniFi Scanner\] Test message: delivery works/)
    expect(smtp.mails[0]?.envelope.to).toEqual(['admin@example.com', 'noc@example.com'])

    await section.getByRole('button', { name: 'Send test to ops' }).click()
    await expect(section.getByTestId('delivery-webhook-0-test-result')).toHaveText(
      '✓ JSON webhook "ops" accepted the test message.',
      { timeout: 15_000 },
    )
    expect(hooks.requests).toHaveLength(1)
    const posted = hooks.requests[0]!
    expect(posted.path).toBe(`/hook/${HOOK_TOKEN}`)
    expect(JSON.parse(posted.raw)).toMatchObject({ test: true, subject: expect.stringMatching(/Test message/) })
    expect(posted.headers['x-unifi-scanner-signature']).toBe(
      `sha256=${createHmac('sha256', SIGNING_SECRET).update(posted.raw, 'utf8').digest('hex')}`,
    )

    await section.getByTestId('save-delivery').click()
    await expect(section.getByTestId('save-delivery-message')).toHaveText('Delivery settings saved.')
    await expect(section.getByTestId('delivery-email-password-state')).toHaveText('Set')
    await expect(section.getByTestId('delivery-webhook-0-url-state')).toHaveText('Set')
    await expect(section.getByTestId('delivery-webhook-0-secret-state')).toHaveText('Set')
    const stored = app.settings.read().delivery
    expect(stored.email?.password).toBe(SMTP_PASSWORD)
    expect(stored.webhooks[0]).toMatchObject({ name: 'ops', url: `${hooks.origin}/hook/${HOOK_TOKEN}` })

    // After saving: nothing typed, main fills in the stored secrets of that channel.
    await section.getByRole('button', { name: 'Send test to ops' }).click()
    await expect(section.getByTestId('delivery-webhook-0-test-result')).toHaveText(
      '✓ JSON webhook "ops" accepted the test message.',
    )
    await expect.poll(() => hooks.requests.length).toBe(2)
    expect(hooks.requests[1]?.headers['x-unifi-scanner-signature']).toBe(
      `sha256=${createHmac('sha256', SIGNING_SECRET).update(hooks.requests[1]!.raw, 'utf8').digest('hex')}`,
    )
    await expectAccessible(page)
    await section.scrollIntoViewIfNeeded()
    await screenshotBothSchemes(page, testInfo, 'settings-delivery')
    await section.screenshot({ path: testInfo.outputPath('delivery-section.png') })

    // A report goes to both channels; the Status tab shows each channel's result.
    await page.getByRole('tab', { name: 'Status' }).click()
    const cards = page.getByTestId('delivery-status')
    await expect(cards.getByTestId('delivery-card-0')).toContainText('Email')
    await runReportFromStatus(page)
    await expect(cards.getByTestId('delivery-card-0-last')).toContainText('Sent')
    await expect(cards.getByTestId('delivery-card-1')).toContainText('JSON webhook "ops"')
    await expect(cards.getByTestId('delivery-card-1-last')).toContainText('Sent')
    await expect(page.getByTestId('delivery-pending')).toContainText('None: every report went out.')
    await expect.poll(() => smtp.mails.length).toBe(2)
    expect(smtp.mails[1]?.parsed.subject).not.toMatch(/Test message/)
    expect(hooks.requests).toHaveLength(3)
    expect(JSON.parse(hooks.requests[2]!.raw)).not.toHaveProperty('test')

    // The webhook fails at the next report: the report waits in the pending deliveries, and the card says why.
    hooks.respond = { status: 503, headers: {} }
    await runReportFromStatus(page)
    await expect(cards.getByTestId('delivery-card-1-last')).toContainText('Failed')
    await expect(cards.getByTestId('delivery-card-1-reason')).toContainText(
      'JSON webhook "ops" failed on its side (HTTP 503)',
    )
    const entry = page.getByTestId('delivery-pending-entry')
    await expect(entry).toHaveCount(1)
    await expect(entry).toContainText('to JSON webhook "ops", waiting since')
    await expect(page.getByTestId('delivery-pending')).toContainText(
      'sent again, marked late, with the next report run',
    )
    await expectAccessible(page)
    await cards.scrollIntoViewIfNeeded()
    await screenshotBothSchemes(page, testInfo, 'status-delivery')

    const crossed = rendererBoundText(app.traffic)
    for (const secret of [SMTP_PASSWORD, HOOK_TOKEN, SIGNING_SECRET]) expect(crossed).not.toContain(secret)
  } finally {
    hooks.respond = { status: 200, headers: {} }
    await app.close()
  }
})
