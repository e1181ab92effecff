import { expect, test } from '@playwright/test'
import type { SimulatedController } from '../../src/simulator/unifi/index.js'
import {
  consoleSettings,
  expectAccessible,
  openDesktop,
  screenshotBothSchemes,
  startDesktopBackdrop,
} from './desktop-harness.js'
import type { StaticServer } from './static-server.js'

let server: StaticServer
let controller: SimulatedController

test.beforeAll(async () => {
  ;({ server, controller } = await startDesktopBackdrop())
})

test.afterAll(async () => {
  await controller?.close()
  await server?.close()
})

test('two reports through the real main services: the history marks what changed, Trends draws both, and a new client is marked as known', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000)
  const revealed: string[] = []
  const app = await openDesktop(page, server, {
    settings: {
      unifi: consoleSettings(controller, 'password'),
    },
    opener: { openPath: () => Promise.resolve(''), showItemInFolder: (file) => void revealed.push(file) },
  })
  try {
    await page.getByRole('tab', { name: 'Reports' }).click()
    await page.getByTestId('reports-generate').click()
    const list = page.getByTestId('report-list')
    await expect(list.locator(':scope > li')).toHaveCount(1, { timeout: 30_000 })
    await expect(list.locator(':scope > li').first()).toContainText('Baseline: the first report of this site')

    // Between the reports a Raspberry Pi is plugged into the LAN.
    controller.setDrift({ joinedClients: [{ mac: 'b8:27:eb:12:34:56', hostname: 'mystery-pi', wired: true }] })
    await expect(page.getByTestId('reports-generate')).toBeEnabled({ timeout: 30_000 })
    await page.getByTestId('reports-generate').click()
    await expect(list.locator(':scope > li')).toHaveCount(2, { timeout: 30_000 })
    await expect(list.locator(':scope > li').first()).toContainText(
      /\d+ new, \d+ resolved since the previous report · 1 new client/,
    )

    await page.getByRole('tab', { name: 'Trends' }).click()
    const site = page.getByTestId('trends-real-default')
    await expect(site).toContainText('2 reports')
    const chart = site.getByRole('img', { name: 'Findings by severity' })
    await expect(chart).toBeVisible()
    // The chart's description reads every report's numbers; the table beside it has them too.
    await expect(site.locator('desc').first()).toContainText('severe')
    await expect(site.getByRole('table')).toContainText('Score')
    await page.getByRole('radio', { name: '7 days' }).check()
    await expect(site).toContainText('2 reports')
    await expectAccessible(page)
    await screenshotBothSchemes(page, testInfo, 'trends')

    await page.getByRole('tab', { name: 'Clients' }).click()
    const row = page.getByTestId('client-b8:27:eb:12:34:56')
    await expect(row).toContainText('Raspberry Pi')
    await expect(row).toContainText('Wired')
    await row.getByRole('textbox', { name: 'Name for b8:27:eb:12:34:56 (optional)' }).fill('Lab Pi')
    await row.getByRole('button', { name: 'Mark as known' }).click()
    await expect(row).toContainText('Known: Lab Pi')
    await expect(page.getByTestId('clients-notice')).toContainText('Lab Pi is marked as known')
    await expectAccessible(page)
    await screenshotBothSchemes(page, testInfo, 'clients-known')

    await page.getByRole('button', { name: 'Export CSV' }).click()
    await expect.poll(() => revealed.length).toBe(1)
    expect(revealed[0]).toMatch(/clients-\d{4}-\d{2}-\d{2}-\d{6}\.csv$/)
  } finally {
    controller.setDrift({})
    await app.close()
  }
})
