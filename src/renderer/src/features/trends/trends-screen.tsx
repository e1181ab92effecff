import { useEffect, useState } from 'react'
import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import type { Trends, TrendPointView } from '../../../../shared/ipc/insights.js'
import { Banner } from '../../components/banner.js'
import { formatDateTime } from '../../lib/format.js'
import { TrendChart, type Series } from './trend-chart.js'

const PERIODS = [7, 30, 90] as const
type Period = (typeof PERIODS)[number]

const FINDINGS: Series[] = [
  { name: 'Severe', className: 'bar-severe', value: (p) => p.severe },
  { name: 'Medium', className: 'bar-medium', value: (p) => p.medium },
  { name: 'Low', className: 'bar-low', value: (p) => p.low },
]
const THREATS: Series[] = [
  { name: 'Blocked', className: 'bar-blocked', value: (p) => p.blocked },
  { name: 'Detected', className: 'bar-detected', value: (p) => p.detected },
]
const SCORE: Series[] = [{ name: 'Score', className: 'bar-score', value: (p) => p.score }]

const cell = (value: number | null) => (value === null ? '–' : value.toLocaleString('en-US'))

/** Severity counts, threats and posture score over the last 7, 30 or 90 days, per site, as charts and as a table. */
export function TrendsScreen({ api }: { api: BridgeApi }) {
  const [days, setDays] = useState<Period>(30)
  const [trends, setTrends] = useState<Trends | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    void api.getTrends({ days }).then((result) => {
      if (!live) return
      if (result.ok) {
        setTrends(result.value)
        setError(null)
      } else {
        // The previous range's charts would read as the one now selected: show the error alone.
        setTrends(null)
        setError(result.error.message)
      }
    })
    return () => {
      live = false
    }
  }, [api, days])

  return (
    <div className="stack" data-testid="trends-screen">
      <section className="card" aria-labelledby="trends-title">
        <div className="card-header">
          <h2 id="trends-title">Trends</h2>
          <div role="radiogroup" aria-label="Period" className="segmented">
            {PERIODS.map((period) => (
              <label key={period} className={period === days ? 'selected' : undefined}>
                <input
                  type="radio"
                  name="trend-period"
                  value={period}
                  checked={period === days}
                  onChange={() => setDays(period)}
                />
                {period} days
              </label>
            ))}
          </div>
        </div>
        {error && <Banner level="error">{error}</Banner>}
        {trends === null ? (
          !error && <p aria-live="polite">Loading trends…</p>
        ) : trends.sites.length === 0 ? (
          <p data-testid="trends-empty">
            No complete report in the last {trends.days} days. Trends appear once reports have been written.
          </p>
        ) : (
          trends.sites.map((site) => <SiteTrends key={`${site.demo}-${site.site}`} site={site} />)
        )}
      </section>
    </div>
  )
}

function SiteTrends({ site }: { site: Trends['sites'][number] }) {
  const key = `${site.demo ? 'demo' : 'real'}-${site.site}`.replace(/[^a-zA-Z0-9-]/g, '-')
  const points: readonly TrendPointView[] = site.points
  return (
    <section className="trend-site" aria-labelledby={`trend-${key}`} data-testid={`trends-${key}`}>
      <h3 id={`trend-${key}`}>
        Site {site.site}
        {site.demo && <span className="pill pill-demo">Demo data</span>}
        <span className="muted small">
          {' '}
          · {points.length} report{points.length === 1 ? '' : 's'}
        </span>
      </h3>
      <div className="trend-charts">
        <TrendChart id={`${key}-findings`} title="Findings by severity" points={points} series={FINDINGS} />
        <TrendChart id={`${key}-threats`} title="Threats blocked and detected" points={points} series={THREATS} />
        <TrendChart id={`${key}-score`} title="Posture score" points={points} series={SCORE} max={100} />
      </div>
      <table className="data-table">
        <caption>The same numbers per report</caption>
        <thead>
          <tr>
            <th scope="col">Report</th>
            <th scope="col">Severe</th>
            <th scope="col">Medium</th>
            <th scope="col">Low</th>
            <th scope="col">Blocked</th>
            <th scope="col">Detected</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {[...points].reverse().map((point) => (
            <tr key={point.at}>
              <th scope="row">{formatDateTime(point.at)}</th>
              <td>{point.severe}</td>
              <td>{point.medium}</td>
              <td>{point.low}</td>
              <td>{cell(point.blocked)}</td>
              <td>{cell(point.detected)}</td>
              <td>{cell(point.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
