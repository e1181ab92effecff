import { expect, test } from '@playwright/test'
import { startFakeCloudflare, type FakeCloudflare } from '../../src/simulator/cloudflare/index.js'
import type { SimulatedController } from '../../src/simulator/unifi/index.js'
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

type Controller = SimulatedController

let server: StaticServer
let controller: Controller
let cloudflare: FakeCloudflare

test.beforeAll(async () => {
  ;({ server, controller } = await startDesktopBackdrop())
  cloudflare = await startFakeCloudflare()
})

test.afterAll(async () => {
  await cloudflare?.close()
  await controller?.close()
  await server?.close()
})

test('breaker cards change live while the fake Cloudflare fails and recovers; "Retry now"', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000)
  cloudflare.setFaults([{ kind: 'server-error' }])
  const app = await openDesktop(page, server, {
    settings: {
      unifi: consoleSettings(controller, 'api-key'),
      integrations: { cloudflare: { apiToken: cloudflare.token, apiUrl: cloudflare.url } },
      // A short policy so the whole cycle takes seconds: open after 2 failures, trial after 3 s.
      breaker: { failMax: 2, resetTimeoutMs: 3000, timeoutMs: 2000 },
    },
  })
  try {
    const breaker = page.getByTestId('card-cloudflare-breaker')
    const countdown = page.getByTestId('card-cloudflare-countdown')
    await expect(breaker).toHaveText('Breaker: Closed')

    await runReportFromStatus(page)
    await expect(page.getByTestId('card-cloudflare-failures')).toHaveText('1 of 2 failures')
    await expect(page.getByTestId('card-cloudflare-error')).toContainText('server')
    await runReportFromStatus(page)
    await expect(breaker).toHaveText('Breaker: Open')
    await expect(countdown).toContainText('Next trial in')
    await expectAccessible(page)
    await screenshotBothSchemes(page, testInfo, 'status-breaker-open')

    // Nobody calls main: opossum's own timer moves the breaker to half-open and main pushes the change.
    const invokesBefore = app.traffic.filter((t) => t.direction === 'invoke').length
    await expect(breaker).toHaveText('Breaker: Half-open', { timeout: 10_000 })
    await expect(countdown).toHaveText('The next call is the trial')
    expect(app.traffic.filter((t) => t.direction === 'invoke').length).toBe(invokesBefore)

    // The trial fails while Cloudflare is still down: open again, with a new countdown.
    await runReportFromStatus(page)
    await expect(breaker).toHaveText('Breaker: Open')
    await expect(countdown).toContainText('Next trial in')

    // "Retry now" lets the next call through at once instead of waiting the countdown out.
    await page.getByTestId('card-cloudflare').getByRole('button', { name: 'Retry now' }).click()
    await expect(breaker).toHaveText('Breaker: Half-open')
    await expect(page.getByTestId('card-cloudflare')).toContainText('Trial call let through.')

    cloudflare.setFaults([])
    await runReportFromStatus(page)
    await expect(breaker).toHaveText('Breaker: Closed')
    await expect(page.getByTestId('card-cloudflare-failures')).toHaveText('0 of 2 failures')
    await expect(page.getByTestId('card-cloudflare-chart')).toContainText('p50')
    const chart = page.getByTestId('card-cloudflare-chart').getByRole('img')
    await expect(chart).toHaveAttribute('aria-label', /1 successes, \d+ failures/)
    await expect(page.getByTestId('card-cloudflare-timeout')).toContainText(/^timeout 2 s, slowest call /)
    await expect(page.getByTestId('card-cloudflare-cooldown')).toHaveText('cool-down 3 s')

    // The day's state changes, in words, behind the strip: opened, cooled down, the trial failed, "Retry now", closed.
    const strip = page.getByTestId('card-cloudflare-timeline')
    await expect(strip.getByRole('img')).toHaveAttribute('aria-label', /: 5 changes, now closed\./)
    const changes = page.getByTestId('card-cloudflare-timeline-changes').getByRole('listitem')
    await expect(changes).toHaveText([
      /Open\. Opened after 2 of 2 consecutive failures; calls are skipped for the cool-down of 3 s\.$/,
      /Half-open\. The cool-down of 3 s elapsed; the next call is the trial\.$/,
      /Open\. The trial call failed; calls are skipped for the cool-down of 3 s\.$/,
      /Half-open\. Retry now: the next call is the trial\.$/,
      /Closed\. The trial call succeeded; calls go through again\.$/,
    ])

    // The last calls, newest first, in a table behind a disclosure.
    const cardElement = page.getByTestId('card-cloudflare')
    await cardElement.getByText('Last 4 calls', { exact: true }).click()
    const calls = cardElement.getByRole('table', { name: 'Last 4 calls to Cloudflare, newest first' })
    await expect(calls.getByRole('row')).toHaveCount(5)
    await expect(calls.getByRole('row').nth(1)).toContainText('OK')
    await expect(calls.getByRole('row').nth(2)).toContainText('Error')
    await expectAccessible(page)
    await screenshotBothSchemes(page, testInfo, 'status-recovered')

    // The card updates arrived as pushes of one card each (reports also move the CyberSecure card); the token
    // never travelled back.
    const cardPushes = app.traffic
      .filter((t) => t.direction === 'push' && t.channel === 'integration:changed')
      .map((t) => t.payload as { id: string })
    expect(cardPushes.every((card) => !Array.isArray(card) && typeof card.id === 'string')).toBe(true)
    expect(cardPushes.filter((card) => card.id === 'cloudflare').length).toBeGreaterThan(3)
    expect(rendererBoundText(app.traffic)).not.toContain(cloudflare.token)
    expect(rendererBoundText(app.traffic)).not.toContain(controller.credentials.apiKey)
  } finally {
    await app.close()
  }
})

test('"Test connection" checks a typed Cloudflare token against the fake API without saving it', async ({ page }) => {
  cloudflare.setFaults([])
  const app = await openDesktop(page, server, {
    settings: { integrations: { cloudflare: { apiUrl: cloudflare.url } } },
  })
  try {
    await page.getByRole('tab', { name: 'Settings' }).click()
    const token = page.getByTestId('cloudflare-apiToken').locator('input')
    await token.fill('wrong-token-e2e')
    await page.getByRole('button', { name: 'Test connection to Cloudflare' }).click()
    await expect(page.getByTestId('cloudflare-test-result')).toContainText('✕')
    await token.fill(cloudflare.token)
    await page.getByRole('button', { name: 'Test connection to Cloudflare' }).click()
    await expect(page.getByTestId('cloudflare-test-result')).toContainText('✓')
    expect(app.settings.read().integrations['cloudflare']?.['apiToken']).toBeUndefined()
    await expect(page.getByTestId('cloudflare-apiToken-state')).toHaveText('Not set')
    expect(rendererBoundText(app.traffic)).not.toContain(cloudflare.token)
  } finally {
    await app.close()
  }
})
