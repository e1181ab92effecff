/**
 * Bootstrap of the tray app: single instance, lifecycle, hardening, then composition of tray, window and IPC
 * around the Electron-free services (`services.ts`).
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { app, dialog, ipcMain, powerMonitor, protocol, session, shell } from 'electron'
import { restrictNewFilePermissions, tightenPermissions } from '../core/files/private-files.js'
import { runSecrets } from '../core/pipeline/run-secrets.js'
import type { ReportSummary } from '../shared/ipc/payloads.js'
import type { Settings } from '../shared/settings.js'
import { APP_ID, startedHidden } from './app/app-identity.js'
import { devRendererUrl } from './app/dev-renderer-url.js'
import { askStartAtLoginOnce, START_AT_LOGIN_QUESTION } from './app/login-prompt.js'
import { dbusTrayHostProbe, lacksTrayHost, NO_TRAY_HOST_MESSAGE } from './app/tray-host.js'
import { buildDiagnostics } from './app/diagnostics.js'
import { loginItemFor, type LoginItem } from './app/login-item.js'
import { RotatingLogFile } from './app/rotating-log.js'
import { shellActions } from './app/shell-actions.js'
import { createMainLogger } from './app/main-logger.js'
import { appPaths } from './app/paths.js'
import { createPush } from './ipc/push.js'
import { followPowerEvents } from './schedule/power-events.js'
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
import { loadUpdater } from './updates/load-updater.js'
import { SettingsWindow } from './windows/settings-window.js'
import { electronDialogs } from './windows/dialogs.js'

const logger = createMainLogger()

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the tray; it opens its settings window on 'second-instance'.
  app.quit()
} else {
  // Privileges can only be granted before 'ready'.
  registerAppScheme(protocol)
  // Before any notification: Windows shows them only for the AppUserModelID of the installer's shortcut.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID)
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

async function start(): Promise<void> {
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
  // Before the first file is opened: new files 0600 and folders 0700; older ones tightened in the background.
  restrictNewFilePermissions()
  void tightenPermissions([{ dir: dataDir }, { dir: logsDir }], logger)
  const settings = createElectronSettingsSource(dataDir, logger)
  logger.attachFile(new RotatingLogFile({ dir: logsDir, knownSecrets: () => knownSecrets(settings.read()) }))
  const reportsDirFor = (outputDir: string | undefined): string => outputDir ?? path.join(dataDir, 'reports')
  const reportsDir = (): string => reportsDirFor(settings.read().report.outputDir)
  const desktop = shellActions(logger, reportsDir)

  let window: SettingsWindow | null = null
  const updater = await loadUpdater(app.isPackaged, logger)
  const services = createMainServices({
    settings,
    runner: createEngineReportRunner({
      logger,
      appVersion: app.getVersion(),
      folders: (current) => ({ dataDir, reportsDir: reportsDirFor(current.report.outputDir) }),
    }),
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
    updates: { updater, notify: (title, body) => desktop.notify(title, body) },
    demo: createDemoRunner({
      startBackends: () => startSimulatorProcess({ cliEntry: paths.cliEntry, launch: utilityProcessLauncher }),
      logger,
      appVersion: app.getVersion(),
      dataDir,
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
      // The same handler as the window's "Cancel": the run aborts through its AbortSignal and writes nothing.
      cancelReport: () => void services.handlers['report:cancel'](undefined),
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
      setSchedulePaused: (paused) => services.scheduler.setPaused(paused),
      ...(services.updates.enabled
        ? {
            checkForUpdates: () => services.updates.check(true),
            installUpdate: () => void services.updates.install(),
            postponeUpdate: () => void services.updates.later(),
          }
        : {}),
    },
    services.status.get(),
    () => ({ startAtLogin: safeIsEnabled(loginItem), update: services.updates.get() }),
  )
  services.status.subscribe((status) => tray.update(status))
  // No timer runs while asleep; on wake the scheduler makes one catch-up report if a slot was missed.
  followPowerEvents(powerMonitor, services.scheduler)
  services.updates.subscribe(() => tray.redraw())
  services.updates.start()
  app.on('second-instance', () => settingsWindow.show())
  app.on('before-quit', () => {
    services.reports.cancel()
    void services.close()
  })

  const recovery = settings.getRecovery()
  if (recovery) desktop.notify('Settings were reset', recovery.message)

  // Without a tray host the app would run invisibly: it keeps a window instead, and closing it quits.
  const noTrayHost = await lacksTrayHost(process.platform, dbusTrayHostProbe())
  if (noTrayHost) {
    logger.warn('no system tray host found; running with a window')
    app.on('window-all-closed', () => app.quit())
  }
  // Started at login: quietly, tray only. Otherwise first run, nothing usable configured, a recovered file, or
  // the e2e flag open the window.
  const hidden = startedHidden(process.argv, openedAtLogin())
  const openAtStart = !hidden && (!services.status.get().unifiConfigured || recovery !== null)
  if (noTrayHost || openAtStart || process.argv.includes('--open-settings')) settingsWindow.show()
  if (noTrayHost)
    void dialog.showMessageBox({
      type: 'warning',
      message: NO_TRAY_HOST_MESSAGE.title,
      detail: NO_TRAY_HOST_MESSAGE.body,
    })
  if (!hidden)
    void askStartAtLoginOnce({
      dataDir,
      isPackaged: app.isPackaged,
      loginItem,
      logger,
      ask: async () =>
        (
          await dialog.showMessageBox({
            type: 'question',
            message: START_AT_LOGIN_QUESTION.message,
            detail: START_AT_LOGIN_QUESTION.detail,
            buttons: START_AT_LOGIN_QUESTION.buttons,
            defaultId: 0,
            cancelId: 1,
          })
        ).response === 0,
    })
      .then(() => tray.redraw())
      .catch((error: unknown) =>
        logger.warn('start at login not asked', { reason: error instanceof Error ? error.message : 'unknown' }),
      )
}

function lastReportFile(summary: ReportSummary | null): string | null {
  return summary?.files.find((file) => file.endsWith('.html')) ?? summary?.files[0] ?? null
}

function knownSecrets(settings: Settings): string[] {
  return runSecrets(settings)
}

/** macOS says when the login item started the app; elsewhere the item passes `--hidden`. */
function openedAtLogin(): boolean {
  try {
    return app.getLoginItemSettings().wasOpenedAtLogin === true
  } catch {
    return false
  }
}

function safeIsEnabled(item: LoginItem): boolean {
  try {
    return item.isEnabled()
  } catch {
    return false
  }
}
