import type { ReportModel } from '../model.js'
import { SectionView } from './blocks.js'
import { ChangesSection } from './changes.js'
import { FindingsSections } from './findings.js'
import { HealthSection } from './health.js'
import { Header, Summary } from './summary.js'
import { REPORT_CSS } from './styles.js'
import { ThreatsSection } from './threats.js'
import { TrendsSection } from './trends.js'

/**
 * The report forbids every script: the file may be opened from a mail attachment or a shared folder, and
 * reports carry attacker-controlled strings (event messages, hostnames, WAF paths, user agents).
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

export function ReportDocument({ model }: { model: ReportModel }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta httpEquiv="Content-Security-Policy" content={REPORT_CSP} />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="generator" content={model.footer.text} />
        <title>{`${model.demo ? '[DEMO] ' : ''}${model.title} – ${model.header.site}`}</title>
        {/* Our own constant stylesheet, not data: injecting it raw keeps CSS selectors like ">" intact. */}
        <style dangerouslySetInnerHTML={{ __html: REPORT_CSS }} />
      </head>
      <body>
        <table className="container" role="presentation">
          <tbody>
            <tr>
              <td>
                {model.demo ? (
                  <div className="demo" id="demo-banner">
                    DEMO DATA — generated from a simulated controller, not a real network
                  </div>
                ) : null}
                <Header model={model} />
                <SectionView section={model.coverage} />
                <Summary model={model} />
                {model.trends ? <TrendsSection trends={model.trends} /> : null}
                {model.unifiFailure ? <SectionView section={model.unifiFailure} /> : null}
                {model.changes ? <ChangesSection changes={model.changes} /> : null}
                <FindingsSections findings={model.findings} />
                <ThreatsSection threats={model.threats} />
                <HealthSection health={model.health} />
                {model.clients ? <SectionView section={model.clients} /> : null}
                {model.posture ? <SectionView section={model.posture} /> : null}
                {model.integrations.map((section) => (
                  <SectionView key={section.id} section={section} />
                ))}
                <SectionView section={model.dataSources} />
                <div className="footer">{model.footer.text}</div>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>
  )
}
