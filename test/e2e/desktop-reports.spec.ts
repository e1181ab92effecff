import { existsSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import type { SimulatedController } from '../../src/simulator/unifi/index.js'
import {
  consoleSettings,
  expectAccessible,
  openDesktop,
  recordingOpener,
  rendererBoundText,
  screenshotBothSchemes,
  startDesktopBackdrop,
} from './desktop-harness.js'
import type { StaticServer } from './static-server.js'

type Controller = SimulatedController

let server: StaticServer
let controller: Controller

test.beforeAll(async () => {
  ;({ server, controller } = await startDesktopBackdrop())
})

test.afterAll(async () => {
  await controller?.close()
  await server?.close()
})

test('generating a report shows its progress, then the history entry; open, reveal and delete', async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000)
  const { opener, opened, revealed } = recordingOpener()
  const app = await openDesktop(page, server, {
    settings: {
      unifi: consoleSettings(controller, 'password'),
    },
    opener,
  })
  try {
    await page.getByRole('tab', { name: 'Reports' }).click()
    const empty = page.getByTestId('reports-empty')
    await expect(empty).toContainText('No reports yet')
    await expect(empty.getByRole('button', { name: 'Try with demo data' })).toBeVisible()
    await expect(empty).toContainText('simulated controller')
    await expectAccessible(page)
    await screenshotBothSchemes(page, testInfo, 'reports-empty')

    // A slow controller keeps the run going long enough to watch its progress.
    controller.setFaults([{ type: 'slow', delayMs: 250 }])
    await page.getByTestId('reports-generate').click()
    const progress = page.getByTestId('report-progress')
    await expect(progress.getByRole('progressbar', { name: 'Report progress' })).toBeVisible()
    await expect(page.getByTestId('reports-generate')).toBeDisabled()
    await screenshotBothSchemes(page, testInfo, 'reports-running')
    controller.setFaults([])

    const entry = page.getByTestId('report-list').getByRole('listitem').first()
    await expect(entry).toBeVisible({ timeout: 30_000 })
    await expect(progress.getByRole('progressbar')).toHaveCount(0)
    await expect(entry).toContainText(/\d+ severe/)
    await expect(entry).toContainText(/\d+ threats/)
    await expect(entry).toContainText('UniFi (default): ok')
    const phases = app.traffic
      .filter((t) => t.channel === 'status:changed')
      .map((t) => (t.payload as { progress: unknown }).progress)
      .filter((progress) => progress !== null)
    expect(phases.length).toBeGreaterThan(2)
    await expectAccessible(page)
    await screenshotBothSchemes(page, testInfo, 'reports-history')

    await entry.getByRole('button', { name: 'Open in browser' }).click()
    await expect.poll(() => opened.length).toBe(1)
    expect(opened[0]).toMatch(/\.html$/)
    expect(opened[0]!.startsWith(app.dataDir)).toBe(true)
    await entry.getByRole('button', { name: 'Show in folder' }).click()
    await expect.poll(() => revealed.length).toBe(1)

    // Delete asks first; Cancel keeps the report.
    await entry.getByRole('button', { name: 'Delete…' }).click()
    const confirm = page.getByRole('alertdialog')
    await expect(confirm).toContainText('Delete the report of')
    await expect(confirm.getByRole('button', { name: 'Delete' })).toBeFocused()
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    await expect(entry).toBeVisible()
    await entry.getByRole('button', { name: 'Delete…' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click()
    await expect(page.getByTestId('reports-empty')).toBeVisible()
    expect(existsSync(opened[0]!)).toBe(false)

    expect(rendererBoundText(app.traffic)).not.toContain(controller.credentials.password)
  } finally {
    controller.setFaults([])
    await app.close()
  }
})
