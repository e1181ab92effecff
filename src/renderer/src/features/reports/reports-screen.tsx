import { useState } from 'react'
import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import type { IntegrationDescriptor } from '../../../../shared/ipc/integration-descriptor.js'
import type { AppStatus, ReportView } from '../../../../shared/ipc/payloads.js'
import { Banner } from '../../components/banner.js'
import { useReportHistory } from '../../hooks/use-report-history.js'
import { EmptyReports } from './empty-reports.js'
import { GenerateReport } from './generate-report.js'
import { ReportRow } from './report-row.js'
import { ReportViewer } from './report-viewer.js'

interface ReportsScreenProps {
  api: BridgeApi
  status: AppStatus | null
  integrations?: readonly IntegrationDescriptor[]
}

/** "Generate report now" with live progress, and the history: view in the app, open, reveal in folder, delete. */
export function ReportsScreen({ api, status, integrations = [] }: ReportsScreenProps) {
  const names = Object.fromEntries(integrations.map((descriptor) => [descriptor.id, descriptor.displayName]))
  const { history, error, accept } = useReportHistory(api)
  const [failure, setFailure] = useState<string | null>(null)
  const [viewing, setViewing] = useState<ReportView | null>(null)

  async function view(id: string): Promise<void> {
    setFailure(null)
    const result = await api.viewReport({ id })
    if (result.ok) setViewing(result.value)
    else setFailure(result.error.message)
  }

  async function openInBrowser(id: string): Promise<void> {
    setFailure(null)
    const result = await api.openReport({ id })
    if (!result.ok) setFailure(result.error.message)
  }

  // A report deleted meanwhile (here or by retention) is no longer shown.
  const shown = viewing && history?.entries.some((entry) => entry.id === viewing.id) ? viewing : null

  return (
    <div className="stack" data-testid="reports-screen">
      <GenerateReport api={api} status={status} />
      {error && <Banner level="error">{error.message}</Banner>}
      {history?.warning && <Banner level="warning">{history.warning}</Banner>}
      {failure && (
        <Banner level="error" testId="reports-error">
          {failure}
        </Banner>
      )}
      {shown && (
        <ReportViewer
          report={shown}
          onOpenInBrowser={() => void openInBrowser(shown.id)}
          onClose={() => setViewing(null)}
        />
      )}
      <section className="card" aria-labelledby="history-title">
        <div className="card-header">
          <h2 id="history-title">Report history</h2>
          {history && history.entries.length > 0 && (
            <span className="muted small">
              {history.entries.length} report{history.entries.length === 1 ? '' : 's'}
            </span>
          )}
        </div>
        {history === null ? (
          !error && <p aria-live="polite">Loading history…</p>
        ) : history.entries.length === 0 ? (
          <EmptyReports api={api} onFailure={setFailure} />
        ) : (
          <ul className="report-list" data-testid="report-list">
            {history.entries.map((entry) => (
              <ReportRow
                key={entry.id}
                api={api}
                entry={entry}
                onHistory={accept}
                onFailure={setFailure}
                names={names}
                onView={(id) => void view(id)}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
