import { existsSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type Page, type TestInfo } from '@playwright/test'
import { createMemoryLogger } from '../../src/core/logger.js'
import { createPush } from '../../src/main/ipc/push.js'
import type { ReportRunner } from '../../src/main/reports/report-job.js'
import { createMainServices, type MainServices } from '../../src/main/services.js'
import { createMemorySettingsService } from '../../src/main/settings/create-settings-service.js'
import type { BridgeApi } from '../../src/shared/ipc/bridge.js'
import type { ReportProgress, ReportSummary } from '../../src/shared/ipc/payloads.js'
import { settingsSchema, type SettingsInput } from '../../src/shared/settings.js'
import { installBridge } from './bridge-harness.js'
import { serveStatic, type StaticServer } from './static-server.js'

const RENDERER_DIR = path.resolve(process.cwd(), 'out/renderer')
const WEB_CONTENTS_ID = 1
const CONFIGURED: SettingsInput = { unifi: { url: 'https://192.0.2.1', apiKey: 'e2e-key-not-a-real-secret' } }

let server: StaticServer

test.beforeAll(async () => {
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/renderer is missing: run "npm run build" before the e2e tests (npm test does).')
  }
  server = await serveStatic(RENDERER_DIR)
})

test.afterAll(async () => {
  await server?.close()
})

/** A report run the test releases by hand, so the page can be observed while it is running. */
function gatedRunner() {
  let release: (summary: ReportSummary) => void = () => undefined
  let progress: (update: ReportProgress) => void = () => undefined
  let markStarted: () => void = () => undefined
  const started = new Promise<void>((resolve) => (markStarted = resolve))
  const runner: ReportRunner = (_settings, onProgress) => {
    progress = onProgress
    markStarted()
    return new Promise<ReportSummary>((resolve) => (release = resolve))
  }
  return {
    runner,
    started,
    progress: (update: ReportProgress) => progress(update),
    finish: (summary: ReportSummary) => release(summary),
  }
}

async function openApp(page: Page, options: { settings: SettingsInput; runner: ReportRunner | null }) {
  const settings = createMemorySettingsService(options.settings)
  let services: MainServices | null = null
  const harness = await installBridge(
    page,
    (channel, sender, payload) => services!.dispatch(channel, sender, payload),
    WEB_CONTENTS_ID,
  )
  services = createMainServices({
    settings,
    dataDir: '/tmp/unifi-scanner-e2e',
    reportsDir: () => '/tmp/unifi-scanner-e2e/reports',
    runner: options.runner,
    appInfo: () => ({
      name: 'unifi-scanner',
      version: '0.1.0-e2e',
      platform: process.platform,
      electronVersion: null,
      reportsDir: '/tmp/unifi-scanner-e2e/reports',
    }),
    push: createPush(() => [harness.target]),
    pageUrl: server.url,
    logger: createMemoryLogger(),
  })
  services.trustedSenders.add(WEB_CONTENTS_ID)
  await page.goto(server.url)
  return {
    services,
    harness,
    setSettings: (input: SettingsInput) => {
      settings.replace(settingsSchema.parse(input))
    },
  }
}

async function screenshot(page: Page, testInfo: TestInfo, name = 'screenshot'): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true })
}

test('first run: the status from main says UniFi is not configured and why reports are unavailable', async ({
  page,
}, testInfo) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  const { harness } = await openApp(page, { settings: {}, runner: null })

  await expect(page.getByRole('heading', { name: 'UniFi is not configured' })).toBeVisible()
  await expect(page.getByTestId('app-info')).toContainText('Version 0.1.0-e2e')
  await expect(page.getByRole('button', { name: 'Generate report now' })).toBeDisabled()
  await expect(page.getByTestId('generate-blocked-reason')).toContainText('Set up the UniFi connection first')
  // The page really talked to the handler layer, and the strict CSP did not block the app.
  expect(harness.traffic.filter((t) => t.direction === 'invoke').map((t) => t.channel)).toEqual(
    expect.arrayContaining(['app:get-info', 'status:get']),
  )
  expect(errors).toEqual([])
  await screenshot(page, testInfo)
  await harness.settle()
})

test('clicking "Generate report now" reaches the real handler and pushes from main update the page', async ({
  page,
}, testInfo) => {
  const gate = gatedRunner()
  const { harness, services } = await openApp(page, { settings: CONFIGURED, runner: gate.runner })
  await expect(page.getByRole('heading', { name: 'Ready' })).toBeVisible()

  await page.getByRole('button', { name: 'Generate report now' }).click()
  await gate.started
  // The invoke has not answered yet (the run is held open): only a push can have changed the page.
  await expect(page.getByTestId('status-headline')).toHaveText('Generating report…')
  gate.progress({ phase: 'collecting threats', percent: 40 })
  await expect(page.getByTestId('status-detail')).toHaveText('collecting threats 40 %')
  await expect(page.getByRole('progressbar')).toBeVisible()
  expect(harness.traffic.some((t) => t.channel === 'report:generate' && t.direction === 'result')).toBe(false)
  await screenshot(page, testInfo, 'running')

  gate.finish({ id: 'r-1', finishedAt: Date.UTC(2026, 10, 28, 12), headline: '3 severe findings', files: [] })
  await expect(page.getByTestId('status-headline')).toHaveText('Ready')
  await expect(page.getByTestId('last-report')).toContainText('3 severe findings')
  expect(services.status.get().lastReport?.id).toBe('r-1')
  expect(
    harness.traffic.find((t) => t.channel === 'report:generate' && t.direction === 'result')?.payload,
  ).toMatchObject({ ok: true, value: { id: 'r-1' } })
  await screenshot(page, testInfo)
  await harness.settle()
})

test('"Check again" re-reads the settings in main; a failed call shows its message', async ({ page }, testInfo) => {
  const { harness, setSettings } = await openApp(page, { settings: {}, runner: null })
  await expect(page.getByRole('heading', { name: 'UniFi is not configured' })).toBeVisible()

  setSettings(CONFIGURED)
  await page.getByRole('button', { name: 'Check again' }).click()
  await expect(page.getByRole('heading', { name: 'Ready' })).toBeVisible()
  // Configured, but this build has no engine: the reason is shown and the button stays disabled.
  await expect(page.getByTestId('generate-blocked-reason')).toContainText('no report engine')
  await expect(page.getByRole('button', { name: 'Generate report now' })).toBeDisabled()

  // The same call from the page, forced past the disabled button, comes back as a Result, not an exception.
  const result = await page.evaluate(() => (globalThis as unknown as { api: BridgeApi }).api.generateReport())
  expect(result).toMatchObject({ ok: false, error: { code: 'NO_REPORT_ENGINE', kind: 'config' } })
  await screenshot(page, testInfo)
  await harness.settle()
})

test('the handler layer refuses a payload that breaks the contract', async ({ page }, testInfo) => {
  const { harness } = await openApp(page, { settings: {}, runner: null })
  await expect(page.getByRole('heading', { name: 'UniFi is not configured' })).toBeVisible()
  const result = await page.evaluate(() =>
    (
      (globalThis as unknown as { api: BridgeApi }).api.refreshStatus as unknown as (
        request: unknown,
      ) => Promise<unknown>
    )({ injected: true }),
  )
  expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
  await screenshot(page, testInfo)
  await harness.settle()
})

test('dark mode follows the system colour scheme', async ({ page }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  const { harness } = await openApp(page, { settings: CONFIGURED, runner: null })
  await expect(page.getByRole('heading', { name: 'Ready' })).toBeVisible()
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(15, 20, 25)')
  await screenshot(page, testInfo)
  await harness.settle()
})
