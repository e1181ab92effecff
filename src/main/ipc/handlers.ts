import type { InvokeChannel, InvokeResponse, ValidInvokeRequest } from '../../shared/ipc/contract.js'
import type { AppInfo } from '../../shared/ipc/payloads.js'
import { toSettingsView } from '../../shared/ipc/settings-view.js'
import type { ReportJob } from '../reports/report-job.js'
import type { SettingsSource } from '../settings/settings-source.js'
import type { StatusStore } from '../status/status-store.js'
import { isUnifiConfigured } from '../status/unifi-configured.js'

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
  settings: SettingsSource
  status: StatusStore
  reports: ReportJob
}

export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlers {
  return {
    'app:get-info': () => deps.appInfo(),
    'status:get': () => deps.status.get(),
    'status:refresh': () => deps.status.update({ unifiConfigured: isUnifiConfigured(deps.settings.read()) }),
    'settings:get': () => toSettingsView(deps.settings.read()),
    'report:generate': () => deps.reports.generate(),
  }
}
