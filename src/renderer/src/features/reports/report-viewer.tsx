import { useEffect, useRef } from 'react'
import type { ReportView } from '../../../../shared/ipc/payloads.js'
import { formatDateTime } from '../../lib/format.js'

interface ReportViewerProps {
  report: ReportView
  onOpenInBrowser: () => void
  onClose: () => void
}

/**
 * A report inside the app. The HTML carries attacker-controlled strings (event messages, hostnames, WAF paths),
 * so it is drawn in a frame sandboxed without any allowance: no scripts, no forms, no popups, no navigation of
 * this window, and an opaque origin that cannot reach the bridge. The text report is plain text in React.
 */
export function ReportViewer({ report, onOpenInBrowser, onClose }: ReportViewerProps) {
  const heading = useRef<HTMLHeadingElement>(null)
  const title = `Report of ${formatDateTime(report.generatedAt)}${report.demo ? ' (demo data)' : ''}`

  // Keyboard and screen-reader users land on the viewer they asked for, not at the top of the list.
  useEffect(() => heading.current?.focus(), [report.id])

  return (
    <section
      className="card report-viewer"
      aria-labelledby="report-viewer-title"
      data-testid="report-viewer"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose()
      }}
    >
      <div className="card-header">
        <h2 id="report-viewer-title" tabIndex={-1} ref={heading}>
          {title}
        </h2>
        <div className="button-row">
          <button type="button" className="primary" onClick={onOpenInBrowser}>
            Open in browser
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
      <p className="muted small">
        Shown without scripts, as a safe copy; links work in your browser (Open in browser).
      </p>
      {report.format === 'html' ? (
        <iframe className="report-frame" title={title} sandbox="" srcDoc={report.content} referrerPolicy="no-referrer" />
      ) : (
        <pre className="report-text" tabIndex={0} aria-label={title}>
          {report.content}
        </pre>
      )}
    </section>
  )
}
