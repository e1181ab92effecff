/**
 * Bootstrap of the tray app: single instance, lifecycle, hardening, then composition of tray, window and IPC
 * around the Electron-free services (`services.ts`).
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { app, ipcMain, protocol, session, shell } from 'electron'
import type { ReportSummary } from '../shared/ipc/payloads.js'
import type { Settings } from '../shared/settings.js'
import { devRendererUrl } from './app/dev-renderer-url.js'
import { buildDiagnostics } from './app/diagnostics.js'
import { loginItemFor, type LoginItem } from './app/login-item.js'
import { RotatingLogFile } from './app/rotating-log.js'
import { shellActions } from './app/shell-actions.js'
import { createMainLogger } from './app/main-logger.js'
import { appPaths } from './app/paths.js'
import { createPush } from './ipc/push.js'
import { createDemoRunner } from './reports/demo-runner.js'
import { createEngineReportRunner } from './reports/engine-runner.js'
import { startSimulatorProcess } from './reports/simulator-process.js'
import { utilityProcessLauncher } from './reports/utility-launcher.js'
import { registerIpc } from './ipc/register.js'
import { APP_SCHEME, createAppProtocolHandler, listRendererFiles, registerAppScheme } from './security/app-protocol.js'
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
  // Privileges can only be granted before 'ready'.
  registerAppScheme(protocol)
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

  const devServer = devRendererUrl(app.isPackaged, process.env['ELECTRON_RENDERER_URL'])
  if (devServer && 'ignored' in devServer) logger.warn('ELECTRON_RENDERER_URL ignored', { reason: devServer.ignored })
  const paths = appPaths({
    mainDir: import.meta.dirname,
    appPath: app.getAppPath(),
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    devServerUrl: devServer && 'url' in devServer ? devServer.url : undefined,
  })
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      root: paths.rendererDir,
      knownFiles: listRendererFiles(paths.rendererDir),
      readFile: (file) => readFile(file),
      onRefused: (url, reason) => logger.warn('app:// request refused', { url, reason }),
    }),
  )
  const dataDir = app.getPath('userData')
  const logsDir = app.getPath('logs')
  const settings = createElectronSettingsSource(dataDir, logger)
  logger.attachFile(new RotatingLogFile({ dir: logsDir, knownSecrets: () => knownSecrets(settings.read()) }))
  const reportsDirFor = (outputDir: string | undefined): string => outputDir ?? path.join(dataDir, 'reports')
  const reportsDir = (): string => reportsDirFor(settings.read().report.outputDir)
  const desktop = shellActions(logger, reportsDir)

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
    onReportFinished: (outcome) => desktop.notifyReport(outcome),
    demo: createDemoRunner({
      startBackends: () => startSimulatorProcess({ cliEntry: paths.cliEntry, launch: utilityProcessLauncher }),
      logger,
      appVersion: app.getVersion(),
      dataDir,
      reportsDir,
    }),
  })
  window = new SettingsWindow({
    preloadPath: paths.preload,
    pageUrl: paths.pageUrl,
    isPackaged: app.isPackaged,
    trustedSenders: services.trustedSenders,
  })
  const settingsWindow = window
  registerIpc(ipcMain, services.dispatch)

  const loginItem = loginItemFor(app)
  const tray: AppTray = new AppTray(
    (state) => trayIconPath(paths.trayDir, process.platform, state),
    {
      // A second click while running finds the item disabled; the job refuses a second run anyway.
      generateReport: () => {
        if (!services.reports.isRunning()) void services.reports.generate().catch(() => undefined)
      },
      openSettings: () => settingsWindow.show(),
      openReportsFolder: () => void desktop.openFolder(reportsDir()),
      openLastReport: () => {
        const file = lastReportFile(services.status.get().lastReport)
        if (file) desktop.openReportFile(file)
      },
      setStartAtLogin: (enabled) => {
        try {
          loginItem.setEnabled(enabled)
        } catch (error) {
          logger.warn('start at login not changed', { reason: error instanceof Error ? error.message : 'unknown' })
        }
        tray.redraw()
      },
      openLogsFolder: () => void desktop.openFolder(logsDir),
      copyDiagnostics: () =>
        desktop.copyText(
          buildDiagnostics({
            versions: { app: app.getVersion(), electron: process.versions.electron, node: process.versions.node },
            platform: `${process.platform} ${process.arch}`,
            settings: settings.view(),
            status: services.status.get(),
            knownSecrets: knownSecrets(settings.read()),
            now: Date.now(),
          }),
        ),
      quit: () => app.quit(),
    },
    services.status.get(),
    () => ({ startAtLogin: safeIsEnabled(loginItem) }),
  )
  services.status.subscribe((status) => tray.update(status))
  app.on('second-instance', () => settingsWindow.show())
  app.on('before-quit', () => {
    services.reports.cancel()
    void services.close()
  })

  const recovery = settings.getRecovery()
  if (recovery) desktop.notify('Settings were reset', recovery.message)

  // First run, nothing usable configured, a recovered file, or the e2e flag: open the window.
  const openAtStart = !services.status.get().unifiConfigured || recovery !== null
  if (openAtStart || process.argv.includes('--open-settings')) settingsWindow.show()
}

function lastReportFile(summary: ReportSummary | null): string | null {
  return summary?.files.find((file) => file.endsWith('.html')) ?? summary?.files[0] ?? null
}

function knownSecrets(settings: Settings): string[] {
  return [settings.unifi.password, settings.unifi.apiKey, settings.cloudflare.apiToken].filter(
    (value): value is string => value !== undefined,
  )
}

function safeIsEnabled(item: LoginItem): boolean {
  try {
    return item.isEnabled()
  } catch {
    return false
  }
}
