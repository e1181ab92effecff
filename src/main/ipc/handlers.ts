import type { InvokeChannel, InvokeResponse, ValidInvokeRequest } from '../../shared/ipc/contract.js'
import type { AppInfo } from '../../shared/ipc/payloads.js'
import type { SchedulePreview, SchedulePreviewRequest } from '../../shared/ipc/schedule-payloads.js'
import { aboutInfo } from '../app/about.js'
import type { DesktopActions } from '../desktop-actions.js'
import type { ReportJob } from '../reports/report-job.js'
import type { SettingsService } from '../settings/settings-service.js'
import type { StatusStore } from '../status/status-store.js'
import type { UpdateController } from '../updates/update-controller.js'

/**
 * One handler per invoke channel, receiving the already validated request. A missing channel is a compile error.
 * Handlers return the value or throw a ScannerError; the dispatcher turns both into a Result.
 */
export type IpcHandlers = {
  [C in InvokeChannel]: (request: ValidInvokeRequest<C>) => Promise<InvokeResponse<C>> | InvokeResponse<C>
}

/** Plain dependencies, so tests and the e2e harness drive the same handlers without Electron. */
export interface IpcHandlerDeps {
  appInfo: () => AppInfo
  settings: SettingsService
  status: StatusStore
  reports: ReportJob
  actions: DesktopActions
  updates: UpdateController
  /** The schedule editor's preview (next runs of a draft). */
  schedule: { preview(request: SchedulePreviewRequest): SchedulePreview }
}

export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlers {
  const { settings, actions } = deps
  return {
    'app:get-info': () => deps.appInfo(),
    'app:about': () => aboutInfo(deps.appInfo(), settings.describeIntegrations()),
    'status:get': () => deps.status.get(),
    'status:refresh': () => actions.refreshStatus(),
    'settings:get': () => settings.view(),
    'settings:update': (patch) => settings.update(patch),
    'secret:set': ({ key, value }) => settings.setSecret(key, value),
    'secret:clear': ({ key }) => settings.clearSecret(key),
    'secret:session-only': ({ enabled }) => settings.setSessionOnly(enabled),
    'unifi:test': (draft) => actions.testUnifi(draft),
    'unifi:trust-certificate': ({ fingerprint }) => actions.saveUnifi({ tlsFingerprint: fingerprint }),
    'unifi:use-ca-file': () => actions.chooseCaFile(),
    'unifi:choose-site': ({ site }) => actions.saveUnifi({ site }),
    'integrations:describe': () => settings.describeIntegrations(),
    'integration:test': ({ id, values }) => actions.testIntegration(id, values),
    'integration:retry-now': ({ id }) => ({ accepted: actions.retryNow(id) }),
    'integration:set-paused': ({ id, paused }) => actions.setPaused(id, paused),
    'report:generate': () => deps.reports.generate(),
    'report:cancel': () => ({ cancelled: deps.reports.cancel() }),
    'reports:list': () => actions.history.list(),
    'reports:open': ({ id, format }) => actions.history.open(id, format),
    'reports:view': ({ id }) => actions.history.view(id),
    'reports:reveal': ({ id }) => actions.history.reveal(id),
    'reports:delete': ({ id }) => actions.deleteReport(id),
    'reports:demo': () => actions.runDemo(),
    'trends:get': ({ days }) => actions.history.trends(days),
    'clients:list': () => actions.history.clients(),
    'clients:mark-known': ({ mac, name }) => actions.history.markKnown(mac, name),
    'clients:export': () => actions.history.exportClients(settings.read().report.timezone),
    'dialog:choose-folder': () => actions.chooseReportsFolder(),
    'update:get': () => deps.updates.get(),
    'update:install': () => deps.updates.install(),
    'update:later': () => deps.updates.later(),
    'schedule:preview': (request) => deps.schedule.preview(request),
    'delivery:test': (draft) => actions.testDelivery(draft),
  }
}
