import { expect, test } from '@playwright/test'
import { compileSchedule } from '../../src/core/schedule/cron-schedule.js'
import { runLabel } from '../../src/core/schedule/run-label.js'
import { buildTrayMenuTemplate, trayTooltip } from '../../src/main/tray/tray-menu.js'
import type { SimulatedController } from '../../src/simulator/unifi/index.js'
import { expectAccessible, openDesktop, screenshotBothSchemes, startDesktopBackdrop } from './desktop-harness.js'
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

const noop = () => undefined
const trayActions = {
  generateReport: noop,
  cancelReport: noop,
  openSettings: noop,
  openReportsFolder: noop,
  quit: noop,
  setSchedulePaused: noop,
}

test('set a daily schedule in the editor: the next three runs, then the next run in the window and the tray', async ({
  page,
}, testInfo) => {
  const app = await openDesktop(page, server, { settings: { report: { timezone: 'America/New_York' } } })
  try {
    await page.getByRole('tab', { name: 'Settings' }).click()
    const state = page.getByTestId('schedule-state')
    await expect(state).toHaveText('No schedule: reports are made when you ask for one.')

    await page.getByTestId('schedule-enabled').check()
    await page.getByTestId('schedule-kind').selectOption('daily')
    await page.getByTestId('schedule-time').fill('06:45')
    await page.getByTestId('schedule-timezone').fill('Europe/Berlin')

    // The three runs main computed for the draft, in the schedule's own timezone (not the report's).
    const expected = compileSchedule({ kind: 'daily', time: '06:45' }, 'Europe/Berlin')
      .nextRuns(Date.now(), 3)
      .map((at) => runLabel(at, 'Europe/Berlin'))
    const runs = page.getByTestId('schedule-next-runs').getByRole('listitem')
    await expect(runs).toHaveText(expected)
    await expect(page.getByTestId('schedule-preview')).toContainText('cron 45 6 * * *')
    await expectAccessible(page)
    await screenshotBothSchemes(page, testInfo, 'settings-schedule')
    await page.getByTestId('section-schedule').screenshot({ path: testInfo.outputPath('schedule-editor.png') })

    await page.getByTestId('save-schedule').click()
    await expect(page.getByTestId('save-schedule-message')).toHaveText('Schedule saved.')
    expect(app.settings.read().schedule).toMatchObject({
      enabled: true,
      preset: { kind: 'daily', time: '06:45' },
      timezone: 'Europe/Berlin',
    })

    // The window shows the armed next run from the status push; the tray shows the same from the same status.
    await expect(state).toHaveText(`Next report: ${expected[0]}`)
    const status = app.services.status.get()
    expect(status.schedule?.nextRunLabel).toBe(expected[0])
    expect(trayTooltip(status)).toContain(`Next report: ${expected[0]}`)
    const menu = buildTrayMenuTemplate(status, trayActions)
    expect(menu.map((item) => item.label)).toEqual(
      expect.arrayContaining([`Next report: ${expected[0]}`, 'Pause schedule']),
    )

    // Paused from the tray: the window says so, and no next run is armed.
    app.services.scheduler.setPaused(true)
    await expect(state).toHaveText('Schedule paused (resume it from the tray menu).')
    expect(buildTrayMenuTemplate(app.services.status.get(), trayActions).map((item) => item.label)).toContain(
      'Resume schedule',
    )
  } finally {
    await app.close()
  }
})

test('a cron expression croner refuses is explained at the field, and nothing is saved', async ({ page }) => {
  const app = await openDesktop(page, server)
  try {
    await page.getByRole('tab', { name: 'Settings' }).click()
    await page.getByTestId('schedule-enabled').check()
    await page.getByTestId('schedule-kind').selectOption('cron')
    await page.getByTestId('schedule-cron').fill('0 7 * * 1-5')
    await expect(page.getByTestId('schedule-next-runs').getByRole('listitem')).toHaveCount(3)

    await page.getByTestId('schedule-cron').fill('61 7 * * *')
    const section = page.getByTestId('section-schedule')
    await expect(section).toContainText('Cron expression "61 7 * * *" is not a valid cron expression')
    await expect(page.getByTestId('schedule-preview')).toContainText('Fix the schedule to see its next runs.')

    await page.getByTestId('save-schedule').click()
    await expect(section.locator('.field-error').first()).toContainText('is not a valid cron expression')
    expect(app.settings.read().schedule.enabled).toBe(false)
  } finally {
    await app.close()
  }
})
