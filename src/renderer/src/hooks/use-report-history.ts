import { useMemo, useSyncExternalStore } from 'react'
import type { BridgeApi } from '../../../shared/ipc/bridge.js'
import type { ReportHistory } from '../../../shared/ipc/payloads.js'
import type { IpcFailure } from '../../../shared/result.js'
import { createPushStore } from '../lib/push-store.js'

export interface ReportHistoryState {
  history: ReportHistory | null
  error: IpcFailure | null
  accept: (history: ReportHistory) => void
}

/** The report history index, seeded by `listReports` and replaced by every `reports:changed` push. */
export function useReportHistory(api: BridgeApi): ReportHistoryState {
  const store = useMemo(
    () =>
      createPushStore<ReportHistory>({
        load: () => api.listReports(),
        listen: (listener) => api.onReportsChanged(listener),
      }),
    [api],
  )
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot)
  return { history: snapshot.value, error: snapshot.error, accept: store.accept }
}
