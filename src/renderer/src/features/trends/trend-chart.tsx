import type { TrendPointView } from '../../../../shared/ipc/insights.js'
import { formatDateTime } from '../../lib/format.js'

export interface Series {
  name: string
  /** A CSS class that sets the bar's fill (light and dark themes). */
  className: string
  value: (point: TrendPointView) => number | null
}

const WIDTH = 320
const HEIGHT = 96

/**
 * A small bar chart in plain SVG (no chart library: the renderer bundle stays small and the markup stays ours):
 * stacked parts per report, oldest left. `role="img"` with a title and a description that reads every value, and
 * the screen shows the same numbers in a table beside it.
 */
export function TrendChart({
  id,
  title,
  points,
  series,
  max,
}: {
  id: string
  title: string
  points: readonly TrendPointView[]
  series: readonly Series[]
  max?: number
}) {
  const totals = points.map((point) => series.reduce((sum, s) => sum + (s.value(point) ?? 0), 0))
  const top = max ?? Math.max(1, ...totals)
  const slot = WIDTH / Math.max(1, points.length)
  const bar = Math.max(2, Math.min(20, slot - 3))
  const describe = points
    .map(
      (point) =>
        `${formatDateTime(point.at)}: ${series
          .map((s) => `${s.value(point) ?? 'not known'} ${s.name.toLowerCase()}`)
          .join(', ')}`,
    )
    .join('; ')
  return (
    <figure className="trend-chart" data-testid={id}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{points.length === 0 ? 'No reports in this period.' : describe}</desc>
        <line className="trend-axis" x1="0" y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} />
        {points.map((point, index) => {
          let y = HEIGHT
          const x = index * slot + (slot - bar) / 2
          return (
            <g key={point.at}>
              {series.map((s) => {
                const value = s.value(point)
                if (value === null || value <= 0) return null
                const height = Math.max(1, (value / top) * (HEIGHT - 4))
                y -= height
                return <rect key={s.name} className={s.className} x={x} y={y} width={bar} height={height} />
              })}
            </g>
          )
        })}
      </svg>
      <figcaption>
        {title}
        {series.length > 1 && (
          <span className="legend">
            {series.map((s) => (
              <span key={s.name} className="legend-item">
                <span className={`legend-swatch ${s.className}`} aria-hidden="true" />
                {s.name}
              </span>
            ))}
          </span>
        )}
      </figcaption>
    </figure>
  )
}
