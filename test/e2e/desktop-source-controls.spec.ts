import { expect, test } from '@playwright/test'
import { createMemorySettingsService } from '../../src/main/settings/create-settings-service.js'
import { startFakeCloudflare, type FakeCloudflare } from '../../src/simulator/cloudflare/index.js'
import type { SimulatedController } from '../../src/simulator/unifi/index.js'
import {
  consoleSettings,
  expectAccessible,
  openDesktop,
  runReportFromStatus,
  screenshotBothSchemes,
  startDesktopBackdrop,
} from './desktop-harness.js'
import type { StaticServer } from './static-server.js'

let server: StaticServer
let controller: SimulatedController
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

test('why a source is off, what the reports lost, and Pause that survives a reload and a restart', async ({
  page: firstPage,
  context,
}, testInfo) => {
  test.setTimeout(120_000)
  cloudflare.setFaults([{ kind: 'server-error' }])
  // One settings store for both "app starts": the pause lives there, the breaker state does not.
  const settings = createMemorySettingsService({
    unifi: consoleSettings(controller, 'api-key'),
    integrations: { cloudflare: { apiToken: cloudflare.token, apiUrl: cloudflare.url } },
    breaker: { failMax: 2, resetTimeoutMs: 60_000, timeoutMs: 2000 },
  })
  let page = firstPage
  let app = await openDesktop(page, server, { settingsService: settings })
  try {
    const card = page.getByTestId('card-cloudflare')
    await runReportFromStatus(page)
    await runReportFromStatus(page)
    await expect(page.getByTestId('card-cloudflare-breaker')).toHaveText('Breaker: Open')

    // The trip in words and class, the timeline entry that records it, and what the reports lost.
    await expect(page.getByTestId('card-cloudflare-trip')).toContainText(
      'outage Outage: Cloudflare could not be reached or answered with an error. After 2 failures in a row the breaker opened',
    )
    await expect(page.getByTestId('card-cloudflare-timeline-changes').getByRole('listitem')).toHaveText([
      /Open\. Opened after 2 of 2 consecutive failures/,
    ])
    await expect(page.getByTestId('card-cloudflare-lost')).toHaveText('The last 2 reports have no Cloudflare section.')
    // The UniFi card shows the report's contact with the console, not "Not checked yet".
    await expect(page.getByTestId('card-unifi-connection')).toHaveText('Connected')
    await expect(page.getByTestId('card-unifi-checked')).toContainText('by the last report')
    // The console's own record: its requests of the two reports with their latencies, the last calls, the contacts.
    await expect(page.getByTestId('card-unifi-latency')).toContainText(/^\d+ requests in the last 10 min · p50 /)
    await page.getByTestId('card-unifi-contacts').getByText('2 contacts in the last 24 h').click()
    await expect(page.getByTestId('card-unifi-contacts').getByRole('listitem')).toHaveText([
      /Connected, by a report$/,
      /Connected, by a report$/,
    ])
    await page
      .getByTestId('card-unifi-calls')
      .getByText(/^Last 20 calls$/)
      .click()
    await expect(
      page.getByRole('table', { name: 'Last 20 calls to the UniFi console, newest first' }).getByRole('row'),
    ).toHaveCount(21)
    await expect(page.getByTestId('status-announcer')).toContainText('Cloudflare: breaker open.')
    await expectAccessible(page)
    await screenshotBothSchemes(page, testInfo, 'source-open-trip')

    // Pause: saved, shown as the admin's own decision.
    await card.getByRole('button', { name: 'Pause' }).click()
    await expect(page.getByTestId('card-cloudflare-paused')).toContainText('Paused by you')
    await expect(page.getByTestId('status-announcer')).toHaveText('Cloudflare is paused by you.')
    expect(settings.read().sources.cloudflare?.paused).toBe(true)
    await expectAccessible(page)
    await screenshotBothSchemes(page, testInfo, 'source-paused')

    // A paused source is not called by a report, and the report says so.
    const callsBefore = cloudflare.requests.length
    await runReportFromStatus(page)
    expect(cloudflare.requests.length).toBe(callsBefore)
    await expect(page.getByTestId('card-cloudflare-lost')).toHaveText('The last 3 reports have no Cloudflare section.')

    // A window reload asks main again: still paused.
    await page.reload()
    await expect(page.getByTestId('card-cloudflare-paused')).toContainText('Paused by you')

    // A restarted app (new main services, a new window) on the same settings: breakers start closed, the pause
    // is kept.
    await app.close()
    await page.close()
    page = await context.newPage()
    app = await openDesktop(page, server, { settingsService: settings })
    await expect(page.getByTestId('card-cloudflare-paused')).toContainText('Paused by you')
    await expect(page.getByTestId('card-cloudflare-breaker')).toHaveText('Breaker: Closed')

    // Resume, with Cloudflare healthy again: the next report has its section and the lost line goes away.
    cloudflare.setFaults([])
    await page.getByTestId('card-cloudflare').getByRole('button', { name: 'Resume' }).click()
    await expect(page.getByTestId('card-cloudflare-paused')).toHaveCount(0)
    expect(settings.read().sources.cloudflare?.paused).toBe(false)
    await runReportFromStatus(page)
    await expect(page.getByTestId('card-cloudflare-lost')).toHaveCount(0)
    await expect(page.getByTestId('card-cloudflare-trip')).toHaveCount(0)
    expect(cloudflare.requests.length).toBeGreaterThan(callsBefore)
    await expectAccessible(page)
    await screenshotBothSchemes(page, testInfo, 'source-resumed')
  } finally {
    cloudflare.setFaults([])
    await app.close()
  }
})
