import { expect, test, type Page } from '@playwright/test'
import {
  PLANTED_SECRETS,
  startSimulatedController,
  type PostureProfileName,
  type SimulatedController,
} from '../../src/simulator/unifi/index.js'
import {
  consoleSettings,
  expectAccessible,
  openDesktop,
  rendererBoundText,
  runReportFromStatus,
  screenshotBothSchemes,
  startDesktopBackdrop,
  type DesktopApp,
} from './desktop-harness.js'
import type { StaticServer } from './static-server.js'

let server: StaticServer
let wellKept: SimulatedController
const controllers: SimulatedController[] = []

test.beforeAll(async () => {
  ;({ server, controller: wellKept } = await startDesktopBackdrop())
})

test.afterAll(async () => {
  for (const controller of controllers) await controller.close()
  await wellKept?.close()
  await server?.close()
})

/** A small simulated controller set up as one of the posture profiles (closed after the file). */
async function controllerWith(posture: PostureProfileName): Promise<SimulatedController> {
  const controller = await startSimulatedController({ events: 200, threats: 20, devices: 6, posture })
  controllers.push(controller)
  return controller
}

/** The desktop window reading `controller` with its API key (the key is what a refusing console turns away). */
function openAgainst(page: Page, controller: SimulatedController): Promise<DesktopApp> {
  return openDesktop(page, server, {
    settings: {
      unifi: consoleSettings(controller, 'api-key'),
    },
  })
}

function expectNoSecret(app: DesktopApp, controller: SimulatedController): void {
  const sent = rendererBoundText(app.traffic)
  for (const secret of Object.values(PLANTED_SECRETS)) expect(sent).not.toContain(secret)
  expect(sent).not.toContain(controller.credentials.apiKey)
}

test('a neglected site: the card shows a low score, its grade and the most severe gaps first', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000)
  const controller = await controllerWith('neglected')
  const app = await openAgainst(page, controller)
  try {
    await expect(page.getByTestId('posture-card')).toHaveCount(0)
    await runReportFromStatus(page)
    const card = page.getByTestId('posture-card')
    await expect(card.getByRole('heading', { name: 'Configuration posture' })).toBeVisible()
    const score = card.getByTestId('posture-score')
    await expect(score).toHaveText(/^\d{1,3}\/100 · [A-F][+-]?$/)
    const value = Number(/^(\d+)/.exec((await score.textContent()) ?? '')?.[1])
    expect(value).toBeLessThan(60)
    await expect(score).toContainText('· F')

    // Three gaps, most severe first: the neglected site has critical ones (management open to the internet).
    const gaps = card.getByTestId('posture-gaps').locator('li')
    await expect(gaps).toHaveCount(3)
    const severities = (await gaps.locator('strong').allTextContents()).map((s) => s.trim())
    expect(severities[0]).toBe('critical')
    const order = ['critical', 'high', 'medium', 'low', 'info']
    expect([...severities].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(severities)
    for (const text of await gaps.allTextContents()) expect(text.length).toBeGreaterThan(severities[0]!.length + 5)

    // The same score as the run's summary that main handed to the window.
    const summary = app.services.status.get().lastReport?.posture
    expect(summary?.score).toBe(value)
    expect(summary?.topGaps.map((gap) => gap.severity)).toEqual(severities)

    await expectAccessible(page)
    await screenshotBothSchemes(page, testInfo, 'status-posture-neglected')
    expectNoSecret(app, controller)
  } finally {
    await app.close()
  }
})

test('a well-kept site: a high score and, on the second report, the drift sentence', async ({ page }, testInfo) => {
  test.setTimeout(90_000)
  const app = await openAgainst(page, wellKept)
  try {
    await runReportFromStatus(page)
    const card = page.getByTestId('posture-card')
    const score = card.getByTestId('posture-score')
    await expect(score).toHaveText(/^\d{1,3}\/100 · A[+-]?$/)
    expect(Number(/^(\d+)/.exec((await score.textContent()) ?? '')?.[1])).toBeGreaterThanOrEqual(90)
    await expect(card.getByTestId('posture-drift')).toHaveCount(0)

    // The second report of the same site compares with the first.
    await runReportFromStatus(page)
    await expect(card.getByTestId('posture-drift')).toContainText('Score unchanged at')
    await expectAccessible(page)
    await screenshotBothSchemes(page, testInfo, 'status-posture-well-kept')
    expectNoSecret(app, wellKept)
  } finally {
    await app.close()
  }
})

test('a console that refuses the settings to the API key: "Could not check" and why, no score', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000)
  const controller = await controllerWith('settings-refused')
  const app = await openAgainst(page, controller)
  try {
    await runReportFromStatus(page)
    const card = page.getByTestId('posture-card')
    const score = card.getByTestId('posture-score')
    await expect(score).toHaveText('Could not check')
    await expect(score).not.toContainText('/100')
    await expect(card.getByTestId('posture-unchecked')).toContainText(
      'the controller refused rest/setting to the API key; a local read-only admin account can read it',
    )
    const summary = app.services.status.get().lastReport?.posture
    expect(summary?.score).toBeNull()
    expect(summary?.unchecked?.count).toBeGreaterThan(0)

    await expectAccessible(page)
    await screenshotBothSchemes(page, testInfo, 'status-posture-refused')
    expectNoSecret(app, controller)
  } finally {
    await app.close()
  }
})
