import type { Logger } from '../core/logger.js'
import type { AppInfo } from '../shared/ipc/payloads.js'
import { createIpcDispatch, type IpcDispatch } from './ipc/dispatch.js'
import { createIpcHandlers, type IpcHandlers } from './ipc/handlers.js'
import type { Push } from './ipc/push.js'
import { ReportJob, type ReportRunner } from './reports/report-job.js'
import { TrustedSenders } from './security/trusted-senders.js'
import type { SettingsSource } from './settings/settings-source.js'
import { StatusStore } from './status/status-store.js'
import { isUnifiConfigured } from './status/unifi-configured.js'

export interface MainServicesDeps {
  settings: SettingsSource
  runner: ReportRunner | null
  appInfo: () => AppInfo
  /** Delivers pushes to the renderer(s); the app sends to its window, the e2e harness to a browser page. */
  push: Push
  /** The renderer page our windows show; IPC from anything else is refused. */
  pageUrl: string
  logger: Logger
  now?: () => number
}

export interface MainServices {
  status: StatusStore
  reports: ReportJob
  handlers: IpcHandlers
  trustedSenders: TrustedSenders
  dispatch: IpcDispatch
}

/**
 * The main process without Electron: status, report job, IPC handlers and dispatcher wired together. `index.ts`
 * glues it to ipcMain, the tray and the window; tests and the e2e harness use it as it is.
 */
export function createMainServices(deps: MainServicesDeps): MainServices {
  const status = new StatusStore(
    {
      unifiConfigured: isUnifiConfigured(deps.settings.read()),
      reportEngineAvailable: deps.runner !== null,
      progress: null,
      lastReport: null,
      lastError: null,
    },
    deps.now,
  )
  status.subscribe((next) => deps.push('status:changed', next))
  const reports = new ReportJob({
    runner: deps.runner,
    settings: deps.settings,
    status,
    onProgress: (progress) => deps.push('report:progress', progress),
    logger: deps.logger,
  })
  const handlers = createIpcHandlers({ appInfo: deps.appInfo, settings: deps.settings, status, reports })
  const trustedSenders = new TrustedSenders(deps.pageUrl)
  const dispatch = createIpcDispatch(handlers, {
    isTrustedSender: (sender) => trustedSenders.isTrusted(sender),
    logger: deps.logger,
  })
  return { status, reports, handlers, trustedSenders, dispatch }
}
