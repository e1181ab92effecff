import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, type Page, type TestInfo } from '@playwright/test'
import { createMemoryLogger } from '../../src/core/logger.js'
import type { Dialogs } from '../../src/main/desktop-actions.js'
import { createPush } from '../../src/main/ipc/push.js'
import { createEngineReportRunner } from '../../src/main/reports/engine-runner.js'
import type { FileOpener } from '../../src/main/reports/report-history.js'
import { createMainServices, type MainServices } from '../../src/main/services.js'
import { createMemorySettingsService } from '../../src/main/settings/create-settings-service.js'
import type { SettingsService } from '../../src/main/settings/settings-service.js'
import type { SettingsInput } from '../../src/shared/settings.js'
import { installBridge, type BridgeTraffic } from './bridge-harness.js'
import { startSimulatedController, type SimulatedController } from '../../src/simulator/unifi/index.js'
import { serveStatic, type StaticServer } from './static-server.js'

const WEB_CONTENTS_ID = 1
export const RENDERER_DIR = path.resolve(process.cwd(), 'out/renderer')

/** The built renderer on a loopback HTTP server plus a small simulated controller: every desktop spec's backdrop. */
export async function startDesktopBackdrop(): Promise<{ server: StaticServer; controller: SimulatedController }> {
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/renderer is missing: run "npm run build" before the e2e tests (npm test does).')
  }
  const server = await serveStatic(RENDERER_DIR)
  const controller = await startSimulatedController({ events: 200, threats: 20, devices: 6 })
  return { server, controller }
}

export interface DesktopOptions {
  settings?: SettingsInput
  /** A ready settings service (e.g. file-backed for the recovery test); wins over `settings`. */
  settingsService?: SettingsService
  /** The real engine pipeline behind "Generate report now" (default), or none. */
  engine?: boolean
  dialogs?: Partial<Dialogs>
  /** Records "open" / "show in folder" instead of a desktop shell. */
  opener?: FileOpener
}

export interface DesktopApp {
  services: MainServices
  settings: SettingsService
  traffic: BridgeTraffic[]
  dataDir: string
  close(): Promise<void>
}

/**
 * The desktop window in Chromium with the REAL main-process services behind `window.api`: settings service,
 * integration runtime with breakers, UniFi tester, report job on the engine pipeline, history.
 */
export async function openDesktop(page: Page, server: StaticServer, options: DesktopOptions = {}): Promise<DesktopApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-desktop-e2e-'))
  const reportsDir = path.join(dataDir, 'reports')
  const logger = createMemoryLogger()
  const settings = options.settingsService ?? createMemorySettingsService(options.settings ?? {})
  let services: MainServices | null = null
  const harness = await installBridge(
    page,
    (channel, sender, payload) => services!.dispatch(channel, sender, payload),
    WEB_CONTENTS_ID,
  )
  services = createMainServices({
    settings,
    dataDir,
    reportsDir: () => settings.read().report.outputDir ?? reportsDir,
    runner:
      options.engine === false
        ? null
        : createEngineReportRunner({
            logger,
            appVersion: '0.1.0-e2e',
            folders: (current) => ({ dataDir, reportsDir: current.report.outputDir ?? reportsDir }),
          }),
    appInfo: () => ({
      name: 'unifi-scanner',
      version: '0.1.0-e2e',
      platform: process.platform,
      electronVersion: null,
      reportsDir,
    }),
    push: createPush(() => [harness.target]),
    pageUrl: server.url,
    logger,
    ...(options.opener ? { opener: options.opener } : {}),
    dialogs: {
      chooseFolder: options.dialogs?.chooseFolder ?? (() => Promise.resolve(null)),
      chooseCaFile: options.dialogs?.chooseCaFile ?? (() => Promise.resolve(null)),
    },
  })
  services.trustedSenders.add(WEB_CONTENTS_ID)
  await page.goto(server.url)
  const ready = services
  return {
    services: ready,
    settings,
    traffic: harness.traffic,
    dataDir,
    async close() {
      await harness.settle()
      await ready.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Every payload main sent to the renderer (invoke results and pushes) as one string. */
export function rendererBoundText(traffic: readonly BridgeTraffic[]): string {
  return traffic
    .filter((entry) => entry.direction !== 'invoke')
    .map((entry) => JSON.stringify(entry.payload))
    .join('\n')
}

const AXE_SOURCE = readFileSync(path.resolve(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: unknown[] }[]
}

/**
 * axe-core on the current screen: no serious or critical violation. The page's CSP refuses inline scripts, so
 * axe is evaluated through the DevTools protocol instead of a `<script>` tag.
 */
export async function expectAccessible(page: Page): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async () => {
    const scope = globalThis as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }
    const result = await scope.axe.run()
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }))
  })
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(blocking, JSON.stringify(blocking, null, 2)).toEqual([])
}

/** Full-page screenshots of the current screen in light and dark mode under test-results/. */
export async function screenshotBothSchemes(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.screenshot({ path: testInfo.outputPath(`${name}-${scheme}.png`), fullPage: true })
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

/** Clicks "Generate report now" on the Status screen and waits until the run is over. */
export async function runReportFromStatus(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Generate report now' })
  await expect(button).toBeEnabled()
  await button.click()
  await expect(page.getByTestId('status-state')).not.toHaveText('Running', { timeout: 30_000 })
  await expect(button).toBeEnabled()
}

/** The UniFi settings that reach the backdrop's simulated console, site `default`, its certificate pinned. */
export function consoleSettings(
  controller: SimulatedController,
  auth: 'api-key' | 'password',
): NonNullable<SettingsInput['unifi']> {
  const login =
    auth === 'api-key'
      ? { apiKey: controller.credentials.apiKey }
      : { username: controller.credentials.username, password: controller.credentials.password }
  return { url: controller.url, site: 'default', ...login, tlsFingerprint: controller.fingerprint }
}

/** A file opener that records what main asked it to open or show, instead of handing it to the system. */
export function recordingOpener(): { opener: FileOpener; opened: string[]; revealed: string[] } {
  const opened: string[] = []
  const revealed: string[] = []
  return {
    opener: {
      openPath: (file) => {
        opened.push(file)
        return Promise.resolve('')
      },
      showItemInFolder: (file) => void revealed.push(file),
    },
    opened,
    revealed,
  }
}
