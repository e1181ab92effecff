import { readFileSync, writeFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import type { SimulatedController } from '../../src/simulator/unifi/index.js'
import {
  consoleSettings,
  expectAccessible,
  openDesktop,
  recordingOpener,
  screenshotBothSchemes,
  startDesktopBackdrop,
} from './desktop-harness.js'
import type { StaticServer } from './static-server.js'

/** The computed background of the report's header card, read inside the report's frame. */
const headerBackground = (node: unknown): string =>
  (globalThis as unknown as { getComputedStyle(element: unknown): { backgroundColor: string } }).getComputedStyle(node)
    .backgroundColor

let server: StaticServer
let controller: SimulatedController

test.beforeAll(async () => {
  ;({ server, controller } = await startDesktopBackdrop())
})

test.afterAll(async () => {
  await controller?.close()
  await server?.close()
})

test('a report opens inside the app, styled and script-less, with "Open in browser" beside it', async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000)
  const { opener, opened } = recordingOpener()
  const app = await openDesktop(page, server, {
    settings: {
      unifi: consoleSettings(controller, 'password'),
    },
    opener,
  })
  try {
    // Anything the report frame manages to run would report back here.
    await page.evaluate(() => {
      // The test files compile without the DOM library: the page's globals are typed by hand.
      const scope = globalThis as unknown as {
        reportFrameMessages: unknown[]
        addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
      }
      scope.reportFrameMessages = []
      scope.addEventListener('message', (event) => scope.reportFrameMessages.push(event.data))
    })
    await page.getByRole('tab', { name: 'Reports' }).click()
    await page.getByTestId('reports-generate').click()
    const entry = page.getByTestId('report-list').getByRole('listitem').first()
    await expect(entry).toBeVisible({ timeout: 30_000 })

    await entry.getByRole('button', { name: 'View', exact: true }).click()
    const viewer = page.getByTestId('report-viewer')
    await expect(viewer.getByRole('heading', { name: /^Report of / })).toBeFocused()
    const frameElement = viewer.locator('iframe')
    await expect(frameElement).toHaveAttribute('sandbox', '')
    const report = page.frameLocator('[data-testid="report-viewer"] iframe')
    await expect(report.getByRole('heading', { level: 1 })).toContainText('UniFi Network Report')
    await expect(report.getByText('Configuration posture').first()).toBeVisible()
    // The report's own stylesheet applies (allowed by its hash); nothing else inline would.
    expect(await report.locator('.header').first().evaluate(headerBackground)).toBe('rgb(34, 130, 255)')
    await expectAccessible(page)
    await screenshotBothSchemes(page, testInfo, 'report-viewer')

    await viewer.getByRole('button', { name: 'Open in browser' }).click()
    await expect.poll(() => opened.length).toBe(1)
    expect(opened[0]).toMatch(/\.html$/)

    // A report file tampered with on disk (the strings in a report come from the network) runs nothing in the app:
    // no script, no handler, no meta refresh, no navigation of the frame, no other stylesheet.
    const original = readFileSync(opened[0]!, 'utf8')
    const hostile = original.replace(
      '<body>',
      '<body><meta http-equiv="refresh" content="0;url=https://example.invalid/"/>' +
        '<script>parent.postMessage("script ran", "*")</script>' +
        '<img src="x" onerror="parent.postMessage(\'handler ran\', \'*\')" alt=""/>' +
        '<style>.header { background: rgb(1, 2, 3) !important; }</style>' +
        '<a id="away" href="https://example.invalid/">away</a>',
    )
    writeFileSync(opened[0]!, hostile)
    await viewer.getByRole('button', { name: 'Close' }).click()
    await expect(viewer).toHaveCount(0)
    await entry.getByRole('button', { name: 'View', exact: true }).click()
    await expect(report.locator('#away')).toBeVisible()
    // Give a meta refresh its chance to fire: it must not.
    await page.waitForTimeout(500)
    expect(await report.locator('.header').first().evaluate(headerBackground)).toBe('rgb(34, 130, 255)')
    expect(
      await page.evaluate(() => (globalThis as unknown as { reportFrameMessages: unknown[] }).reportFrameMessages),
    ).toEqual([])
    // A link does not load its page into the app (the window's policy blocks it; in Electron the navigation is
    // also cancelled in main, see harden.ts); the report says links work in the browser.
    await expect(viewer).toContainText('links work in your browser')
    await report.locator('#away').click()
    await page.waitForTimeout(500)
    const frames = page.frames().map((frame) => frame.url())
    expect(frames.filter((url) => url.includes('example.invalid'))).toEqual([])
    expect(page.url()).toBe(server.url)
    await viewer.getByRole('button', { name: 'Close' }).click()
    await entry.getByRole('button', { name: 'View', exact: true }).click()
    await expect(report.getByRole('heading', { level: 1 })).toContainText('UniFi Network Report')

    // Escape closes the viewer.
    await viewer.getByRole('heading', { name: /^Report of / }).focus()
    await page.keyboard.press('Escape')
    await expect(viewer).toHaveCount(0)
  } finally {
    await app.close()
  }
})
