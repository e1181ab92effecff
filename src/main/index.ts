/**
 * Bootstrap of the tray app: single instance, lifecycle, hardening, then composition of tray, window and IPC
 * around the Electron-free services (`services.ts`).
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { app, ipcMain, session, shell } from 'electron'
import { createMainLogger } from './app/main-logger.js'
import { appPaths } from './app/paths.js'
import { createPush } from './ipc/push.js'
import { createEngineReportRunner } from './reports/engine-runner.js'
import { registerIpc } from './ipc/register.js'
import { denyAllPermissions, hardenWebContents } from './security/harden.js'
import { createMainServices } from './services.js'
import { createElectronSettingsSource } from './settings/electron-settings-source.js'
import { AppTray } from './tray/app-tray.js'
import { trayIconPath } from './tray/tray-icons.js'
import { SettingsWindow } from './windows/settings-window.js'
import { electronDialogs } from './windows/dialogs.js'

const logger = createMainLogger()

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the tray; it opens its settings window on 'second-instance'.
  app.quit()
} else {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))
  // A tray app lives on when its last window closes; only "Quit" ends it.
  app.on('window-all-closed', () => undefined)
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logger.error('startup failed', { error: error instanceof Error ? error.message : String(error) })
      app.exit(1)
    })
}

function start(): void {
  app.dock?.hide()
  denyAllPermissions(session.defaultSession)

  const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']
  const paths = appPaths(import.meta.dirname, app.getAppPath(), devServerUrl)
  const dataDir = app.getPath('userData')
  const settings = createElectronSettingsSource(dataDir, logger)
  const reportsDirFor = (outputDir: string | undefined): string => outputDir ?? path.join(dataDir, 'reports')
  const reportsDir = (): string => reportsDirFor(settings.read().report.outputDir)

  let window: SettingsWindow | null = null
  const services = createMainServices({
    settings,
    runner: createEngineReportRunner({ logger, appVersion: app.getVersion(), dataDir, reportsDir: reportsDirFor }),
    appInfo: () => ({
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      electronVersion: process.versions.electron ?? null,
      reportsDir: reportsDir(),
    }),
    push: createPush(() => window?.pushTargets() ?? []),
    pageUrl: paths.pageUrl,
    logger,
    dataDir,
    reportsDir,
    opener: shell,
    dialogs: electronDialogs(() => window?.browserWindow() ?? null),
  })
  window = new SettingsWindow({
    preloadPath: paths.preload,
    page: devServerUrl ? { url: devServerUrl } : { file: paths.rendererIndex },
    isPackaged: app.isPackaged,
    trustedSenders: services.trustedSenders,
  })
  const settingsWindow = window
  registerIpc(ipcMain, services.dispatch)

  const tray = new AppTray(
    (state) => trayIconPath(paths.trayDir, process.platform, state),
    {
      generateReport: () => void services.reports.generate().catch(() => undefined),
      openSettings: () => settingsWindow.show(),
      openReportsFolder: () => void openFolder(reportsDir()),
      quit: () => app.quit(),
    },
    services.status.get(),
  )
  services.status.subscribe((status) => tray.update(status))
  app.on('second-instance', () => settingsWindow.show())
  app.on('before-quit', () => {
    services.reports.cancel()
    void services.close()
  })

  // First run, or nothing usable configured: open the window so the admin sees what to do.
  if (!services.status.get().unifiConfigured) settingsWindow.show()
}

async function openFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true })
  const problem = await shell.openPath(dir)
  if (problem) logger.warn('could not open the reports folder', { dir, problem })
}
