import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { IntegrationCard } from '../../../src/renderer/src/features/status/integration-card.js'
import { layoutSegments, timelineSegments } from '../../../src/renderer/src/features/status/state-timeline-strip.js'
import { createMockBridge, makeIntegration } from './mock-bridge.js'

const T0 = Date.UTC(2026, 11, 4, 12, 0, 0)
const MIN = 60_000
const clock = () => T0

const card = makeIntegration({
  breaker: {
    ...makeIntegration().breaker,
    consecutiveFailures: 2,
    failMax: 3,
    timeoutMs: 30_000,
    resetTimeoutMs: 60_000,
  },
  window: {
    ...makeIntegration().window,
    successes: 7,
    failures: 2,
    p50Ms: 120,
    p90Ms: 940,
    p99Ms: 28_400,
    maxMs: 28_400,
  },
  recentCalls: [
    { at: T0 - 1 * MIN, outcome: 'error', latencyMs: 28_400, kind: 'server' },
    { at: T0 - 2 * MIN, outcome: 'timeout', latencyMs: 30_000, kind: 'timeout' },
    { at: T0 - 3 * MIN, outcome: 'short-circuited', latencyMs: null, kind: 'server' },
    { at: T0 - 4 * MIN, outcome: 'rejected', latencyMs: 45, kind: 'auth' },
    { at: T0 - 5 * MIN, outcome: 'ok', latencyMs: 120, kind: null },
  ],
  timeline: {
    from: T0 - 120 * MIN,
    fromState: 'closed',
    transitions: [
      {
        at: T0 - 90 * MIN,
        state: 'open',
        cause: 'Opened after 3 of 3 consecutive failures; calls are skipped for the cool-down of 60 s.',
      },
      { at: T0 - 89 * MIN, state: 'half-open', cause: 'The cool-down of 60 s elapsed; the next call is the trial.' },
      { at: T0 - 89 * MIN, state: 'closed', cause: 'The trial call succeeded; calls go through again.' },
    ],
  },
})

describe('integration card details', () => {
  it('shows the limits beside the live values and the p50/p90/p99 of the window', () => {
    const { api } = createMockBridge()
    render(<IntegrationCard api={api} card={card} clock={clock} />)
    expect(screen.getByTestId('card-cloudflare-failures')).toHaveTextContent('2 of 3 failures')
    expect(screen.getByTestId('card-cloudflare-timeout')).toHaveTextContent('timeout 30 s, slowest call 28.4 s')
    expect(screen.getByTestId('card-cloudflare-cooldown')).toHaveTextContent('cool-down 60 s')
    expect(screen.getByTestId('card-cloudflare-chart')).toHaveTextContent(
      'Last 10 min 00 s · p50 120 ms · p90 940 ms · p99 28.4 s',
    )
  })

  it('says so when no call ran in the window', () => {
    const { api } = createMockBridge()
    render(<IntegrationCard api={api} card={makeIntegration()} clock={clock} />)
    expect(screen.getByTestId('card-cloudflare-timeout')).toHaveTextContent('timeout 30 s, no call in the window')
    expect(screen.getByTestId('card-cloudflare-chart')).toHaveTextContent('p50 — · p90 — · p99 —')
    expect(screen.getByTestId('card-cloudflare-calls')).toHaveTextContent('No calls yet.')
  })

  it('lists the last calls in a table with a caption and scoped headers, behind a disclosure', async () => {
    const { api } = createMockBridge()
    render(<IntegrationCard api={api} card={card} clock={clock} />)
    const disclosure = screen.getByTestId('card-cloudflare-calls')
    await userEvent.setup().click(within(disclosure).getByText('Last 5 calls'))
    expect(disclosure).toHaveAttribute('open')
    const table = within(disclosure).getByRole('table', { name: 'Last 5 calls to Cloudflare, newest first' })
    const headers = within(table).getAllByRole('columnheader')
    expect(headers.map((th) => th.textContent)).toEqual(['Time', 'Outcome', 'Latency'])
    expect(headers.every((th) => th.getAttribute('scope') === 'col')).toBe(true)
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(5)
    expect(rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['Error (server)', '28.4 s'],
      ['Timeout', '30.0 s'],
      ['Short-circuited', '—'],
      ['Rejected (auth)', '45 ms'],
      ['OK', '120 ms'],
    ])
    for (const row of rows) {
      const time = within(row).getByRole('rowheader')
      expect(time).toHaveAttribute('scope', 'row')
      expect(time.querySelector('time')?.getAttribute('dateTime')).toMatch(/^2026-12-04T11:5\d:00\.000Z$/)
    }
  })

  it('draws the state timeline with a text alternative naming each change and its cause', () => {
    const { api } = createMockBridge()
    render(<IntegrationCard api={api} card={card} clock={clock} />)
    const strip = screen.getByTestId('card-cloudflare-timeline')
    const image = within(strip).getByRole('img')
    expect(image.getAttribute('aria-label')).toMatch(/^State since .+: 3 changes, now closed\./)
    const list = screen.getByTestId('card-cloudflare-timeline-changes')
    expect(image).toHaveAccessibleDescription(/Open\. Opened after 3 of 3 .+ Closed\. The trial call succeeded/)
    const items = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent)
    expect(items).toHaveLength(3)
    expect(items[0]).toMatch(
      /: Open\. Opened after 3 of 3 consecutive failures; calls are skipped for the cool-down of 60 s\.$/,
    )
    expect(items[1]).toMatch(/: Half-open\. The cool-down of 60 s elapsed; the next call is the trial\.$/)
    expect(items[2]).toMatch(/: Closed\. The trial call succeeded; calls go through again\.$/)
    // The strip itself, from `from` (less than 24 h is known): closed, open for a minute, closed until now; the
    // half-open that lasted no time at all has no span.
    const segments = [...strip.querySelectorAll('svg rect')].slice(1).map((rect) => rect.getAttribute('class'))
    expect(segments).toEqual(['state-closed', 'state-open', 'state-closed'])
  })

  it('a source without changes is one state throughout', () => {
    const { api } = createMockBridge()
    const quiet = makeIntegration({ timeline: { from: T0 - 30 * 60 * MIN, fromState: 'closed', transitions: [] } })
    render(<IntegrationCard api={api} card={quiet} clock={clock} />)
    const image = within(screen.getByTestId('card-cloudflare-timeline')).getByRole('img')
    expect(image).toHaveAccessibleName('State over the last 24 h: closed throughout.')
    expect(screen.queryByTestId('card-cloudflare-timeline-changes')).toBeNull()
  })
})

describe('timeline segments', () => {
  it('clips to the last 24 h and skips zero-length spans', () => {
    const day = 24 * 60 * MIN
    const segments = timelineSegments(
      {
        from: T0 - 2 * day,
        fromState: 'open',
        transitions: [
          { at: T0 - day - MIN, state: 'half-open', cause: 'old' },
          { at: T0 - 60 * MIN, state: 'closed', cause: 'a' },
          { at: T0 - 60 * MIN, state: 'needs-attention', cause: 'b' },
        ],
      },
      T0,
    )
    expect(segments).toEqual([
      { start: T0 - day, end: T0 - 60 * MIN, state: 'half-open' },
      { start: T0 - 60 * MIN, end: T0, state: 'needs-attention' },
    ])
  })

  it('always ends with the current state, even one that began this moment', () => {
    const segments = timelineSegments(
      { from: T0 - 60 * MIN, fromState: 'closed', transitions: [{ at: T0, state: 'open', cause: 'now' }] },
      T0,
    )
    expect(segments).toEqual([
      { start: T0 - 60 * MIN, end: T0, state: 'closed' },
      { start: T0, end: T0, state: 'open' },
    ])
  })
})

describe('timeline layout', () => {
  it('is in time proportion when the spans are wide enough', () => {
    const segments = [
      { start: 0, end: 50, state: 'closed' as const },
      { start: 50, end: 100, state: 'open' as const },
    ]
    expect(layoutSegments(segments, 0, 100, 200)).toEqual([
      { x: 0, width: 100 },
      { x: 100, width: 100 },
    ])
  })

  it('keeps changes seconds apart visible, laid out from the right', () => {
    const day = 24 * 60 * MIN
    const segments = [
      { start: T0 - day, end: T0 - 2000, state: 'closed' as const },
      { start: T0 - 2000, end: T0 - 1000, state: 'open' as const },
      { start: T0 - 1000, end: T0, state: 'half-open' as const },
      { start: T0, end: T0, state: 'closed' as const },
    ]
    const layout = layoutSegments(segments, T0 - day, T0, 220)
    expect(layout.slice(1)).toEqual([
      { x: 211, width: 3 },
      { x: 214, width: 3 },
      { x: 217, width: 3 },
    ])
    expect(layout[0]?.x).toBe(0)
    expect(layout[0]?.width).toBeCloseTo(211, 6)
  })
})
