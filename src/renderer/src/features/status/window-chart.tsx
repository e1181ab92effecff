import type { IntegrationStatus } from '../../../../shared/ipc/payloads.js'
import { formatDuration, formatLatency } from '../../lib/format.js'

type Window = IntegrationStatus['window']

const SERIES = [
  { key: 'successes', label: 'Successes', className: 'bar-ok' },
  { key: 'failures', label: 'Failures', className: 'bar-fail' },
  { key: 'timeouts', label: 'Timeouts', className: 'bar-timeout' },
  { key: 'shortCircuits', label: 'Short-circuits', className: 'bar-short' },
] as const

const WIDTH = 220
const BAR_HEIGHT = 12
const ROW = 20
const LABEL_WIDTH = 96

/** Inline SVG bars of the rolling window's outcomes; the numbers are in the text too, not only in the shapes. */
export function WindowChart({ window, testId }: { window: Window; testId?: string }) {
  const max = Math.max(1, ...SERIES.map((series) => window[series.key]))
  const summary = SERIES.map((series) => `${window[series.key]} ${series.label.toLowerCase()}`).join(', ')
  const span = formatDuration(window.windowMs)
  return (
    <figure className="window-chart" data-testid={testId}>
      <svg
        viewBox={`0 0 ${WIDTH} ${SERIES.length * ROW}`}
        width={WIDTH}
        height={SERIES.length * ROW}
        role="img"
        aria-label={`Last ${span}: ${summary}`}
      >
        {SERIES.map((series, index) => {
          const value = window[series.key]
          const barWidth = value === 0 ? 0 : Math.max(3, ((WIDTH - LABEL_WIDTH - 28) * value) / max)
          const y = index * ROW
          return (
            <g key={series.key} data-series={series.key}>
              <text x={0} y={y + 12} className="chart-label">
                {series.label}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={y + 2}
                width={WIDTH - LABEL_WIDTH - 28}
                height={BAR_HEIGHT}
                rx={3}
                className="bar-track"
              />
              <rect
                x={LABEL_WIDTH}
                y={y + 2}
                width={barWidth}
                height={BAR_HEIGHT}
                rx={3}
                className={series.className}
              />
              <text x={WIDTH} y={y + 12} textAnchor="end" className="chart-value">
                {value}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption className="muted small">
        Last {span} · p50 {formatLatency(window.p50Ms)} · p90 {formatLatency(window.p90Ms)} · p99{' '}
        {formatLatency(window.p99Ms)}
      </figcaption>
    </figure>
  )
}
