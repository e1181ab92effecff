import type { BridgeApi } from '../../../shared/ipc/bridge.js'
import type { ReportHistory } from '../../../shared/ipc/payloads.js'
import type { IpcFailure } from '../../../shared/result.js'
import { usePushed, type PushedSource } from './use-pushed.js'

export interface ReportHistoryState {
  history: ReportHistory | null
  error: IpcFailure | null
  accept: (history: ReportHistory) => void
}

const reports: PushedSource<ReportHistory> = (api) => ({
  load: () => api.listReports(),
  listen: (listener) => api.onReportsChanged(listener),
})

/** The report history index, seeded by `listReports` and replaced by every `reports:changed` push. */
export function useReportHistory(api: BridgeApi): ReportHistoryState {
  const { value, error, accept } = usePushed(api, reports)
  return { history: value, error, accept }
}
