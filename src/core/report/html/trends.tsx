import type { TrendChartView, TrendsView } from '../model.js'
import { Card } from './primitives.js'

const WIDTH = 240
const HEIGHT = 64
const COLOURS: Record<string, string> = {
  Severe: '#dc3545',
  Medium: '#fd7e14',
  Low: '#6c757d',
  Blocked: '#28a745',
  Detected: '#dc3545',
  Score: '#2282ff',
}

/** "Dec 3 at 9:00 AM: 2 severe, 5 medium, 20 low" for every point: what the chart says, in words. */
function describe(chart: TrendChartView): string {
  return chart.points
    .map(
      (point) =>
        `${point.label}: ${point.values
          .map(
            (value, index) =>
              `${value === null ? 'not known' : value.toLocaleString('en-US')} ${(chart.legend[index] ?? '').toLowerCase()}`,
          )
          .join(', ')}`,
    )
    .join('; ')
}

/** A small bar chart drawn as inline SVG (no script): stacked parts per report, oldest left, this report right. */
export function TrendChart({ chart }: { chart: TrendChartView }) {
  const totals = chart.points.map((point) =>
    chart.stacked
      ? point.values.reduce<number>((sum, value) => sum + (value ?? 0), 0)
      : Math.max(0, ...point.values.map((v) => v ?? 0)),
  )
  const max = chart.id === 'trend-score' ? 100 : Math.max(1, ...totals)
  const slot = WIDTH / Math.max(1, chart.points.length)
  const bar = Math.max(2, Math.min(18, slot - 4))
  return (
    <figure className="trend-chart">
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${chart.id}-title ${chart.id}-desc`}
      >
        <title id={`${chart.id}-title`}>{chart.title}</title>
        <desc id={`${chart.id}-desc`}>{describe(chart)}</desc>
        <line x1="0" y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} stroke="#adb5bd" strokeWidth="1" />
        {chart.points.map((point, index) => {
          let top = HEIGHT
          const x = index * slot + (slot - bar) / 2
          return (
            <g key={index}>
              {point.values.map((value, part) => {
                if (value === null || value <= 0) return null
                const height = Math.max(1, (value / max) * (HEIGHT - 4))
                top -= height
                return (
                  <rect
                    key={part}
                    x={x.toFixed(1)}
                    y={top.toFixed(1)}
                    width={bar.toFixed(1)}
                    height={height.toFixed(1)}
                    fill={COLOURS[chart.legend[part] ?? ''] ?? '#2282ff'}
                    opacity={index === chart.points.length - 1 ? 1 : 0.6}
                  />
                )
              })}
            </g>
          )
        })}
      </svg>
      <figcaption>
        {chart.title}
        {chart.legend.length > 1 ? (
          <span className="muted">
            {' '}
            ({chart.legend.map((name) => name.toLowerCase()).join(' / ')}; this report on the right)
          </span>
        ) : null}
      </figcaption>
    </figure>
  )
}

export function TrendsSection({ trends }: { trends: TrendsView }) {
  return (
    <Card id="trends">
      <h2>Trends</h2>
      <p className="muted">{trends.note}</p>
      {trends.charts.length > 0 ? (
        <div className="trend-charts">
          {trends.charts.map((chart) => (
            <TrendChart key={chart.id} chart={chart} />
          ))}
        </div>
      ) : null}
      <table className="data">
        <caption>This report against the previous one and the four-week average</caption>
        <thead>
          <tr>
            <th>Measure</th>
            <th>This report</th>
            <th>Previous</th>
            <th>Change</th>
            <th>4-week average</th>
          </tr>
        </thead>
        <tbody>
          {trends.rows.map((row) => (
            <tr key={row.label}>
              <td>{row.label}</td>
              <td>{row.current}</td>
              <td>{row.previous}</td>
              <td>{row.change}</td>
              <td>{row.average}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {trends.categories.length > 0 ? (
        <table className="data">
          <caption>Top threat categories (events)</caption>
          <thead>
            <tr>
              <th>Category</th>
              <th>This report</th>
              <th>Previous</th>
              <th>4-week average</th>
            </tr>
          </thead>
          <tbody>
            {trends.categories.map((category) => (
              <tr key={category.name}>
                <td>{category.name}</td>
                <td>{category.current}</td>
                <td>{category.previous}</td>
                <td>{category.average}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Card>
  )
}
