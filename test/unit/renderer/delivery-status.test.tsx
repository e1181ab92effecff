import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { App } from '../../../src/renderer/src/app.js'
import type { DeliveryStatus } from '../../../src/shared/ipc/delivery-payloads.js'
import { createMockBridge, makeStatus } from './mock-bridge.js'

const BREAKER = { failMax: 3, resetTimeoutMs: 60_000, timeoutMs: 30_000, nextTrialAt: null }

const DELIVERY: DeliveryStatus = {
  channels: [
    {
      key: 'email',
      label: 'Email',
      kind: 'email',
      ready: true,
      breaker: { ...BREAKER, state: 'closed', consecutiveFailures: 0 },
      last: { status: 'sent', at: Date.now(), late: false, message: null },
      activity: null,
    },
    {
      key: 'ops',
      label: 'Slack webhook "ops"',
      kind: 'webhook',
      ready: true,
      breaker: { ...BREAKER, state: 'open', consecutiveFailures: 3, nextTrialAt: Date.now() + 50_000 },
      last: {
        status: 'skipped',
        at: Date.now(),
        late: false,
        message: 'Slack webhook "ops" is paused after repeated failures. Kept for the next run.',
      },
      activity: {
        window: {
          windowMs: 600_000,
          successes: 1,
          failures: 3,
          timeouts: 0,
          shortCircuits: 1,
          notCounted: 0,
          p50Ms: 40,
          p90Ms: 120,
          p99Ms: 120,
          maxMs: 120,
        },
        recentCalls: [
          { at: Date.now() - 1_000, outcome: 'short-circuited', latencyMs: null, kind: 'circuit-open' },
          { at: Date.now() - 60_000, outcome: 'error', latencyMs: 120, kind: 'server' },
        ],
        timeline: {
          from: Date.now() - 3_600_000,
          fromState: 'closed',
          transitions: [{ at: Date.now() - 60_000, state: 'open', cause: 'Opened after 3 of 3 consecutive failures.' }],
        },
      },
    },
    {
      key: 'later',
      label: 'JSON webhook "later"',
      kind: 'webhook',
      ready: false,
      breaker: { ...BREAKER, state: 'closed', consecutiveFailures: 0 },
      last: null,
      activity: null,
    },
  ],
  pending: [
    {
      id: 'x-ops',
      channel: 'ops',
      label: 'Slack webhook "ops"',
      report: 'Main office, 3 Dec 2026',
      since: '2026-12-03T08:00:00.000Z',
      attempts: 2,
      reason: 'Slack webhook "ops" failed on its side (HTTP 503); the message is sent again with the next report.',
    },
  ],
  pendingTotal: 1,
  warning: null,
}

describe('delivery on the Status tab', { timeout: 20_000 }, () => {
  it('shows a card per channel with breaker, last result and reason, and the undelivered reports', async () => {
    const { api } = createMockBridge({ status: makeStatus({ delivery: DELIVERY }) })
    render(<App api={api} />)
    const section = within(await screen.findByTestId('delivery-status'))
    expect(section.getByRole('heading', { name: 'Delivery' })).toBeInTheDocument()
    expect(section.getByTestId('delivery-card-0-last')).toHaveTextContent(/Sent\s+just now/)
    expect(section.getByTestId('delivery-card-1-breaker')).toHaveTextContent('Breaker: Open')
    expect(section.getByTestId('delivery-card-1')).toHaveTextContent(/Next trial in \d+ s/)
    expect(section.getByTestId('delivery-card-1-reason')).toHaveTextContent('is paused after repeated failures')
    expect(section.getByTestId('delivery-card-2')).toHaveTextContent('No URL yet')
    // A channel's limits, latency percentiles, the day's state changes and its last calls, like an integration's.
    expect(section.getByTestId('delivery-card-1-failures')).toHaveTextContent('3 of 3 failures')
    expect(section.getByTestId('delivery-card-1-timeout')).toHaveTextContent('timeout 30 s, slowest call 120 ms')
    expect(section.getByTestId('delivery-card-1-chart')).toHaveTextContent('p50 40 ms · p90 120 ms · p99 120 ms')
    expect(section.getByTestId('delivery-card-1-timeline-changes')).toHaveTextContent(
      'Opened after 3 of 3 consecutive failures.',
    )
    expect(within(section.getByTestId('delivery-card-1-calls')).getAllByRole('row', { hidden: true })).toHaveLength(3)
    expect(section.queryByTestId('delivery-card-0-calls')).toBeNull()
    const pending = within(section.getByTestId('delivery-pending'))
    expect(pending.getByText(/sent again, marked late, with the next report run/)).toBeInTheDocument()
    const entry = pending.getByTestId('delivery-pending-entry')
    expect(entry).toHaveTextContent('Main office, 3 Dec 2026 to Slack webhook "ops", waiting since')
    expect(entry).toHaveTextContent('(2 attempts): Slack webhook "ops" failed on its side (HTTP 503)')
  })

  it('follows status pushes: a report that went out leaves the list', async () => {
    const { api, push } = createMockBridge({ status: makeStatus({ delivery: DELIVERY }) })
    render(<App api={api} />)
    await screen.findByTestId('delivery-pending-entry')
    push('status:changed', makeStatus({ delivery: { ...DELIVERY, pending: [], pendingTotal: 0 }, updatedAt: 2 }))
    expect(screen.queryByTestId('delivery-pending-entry')).toBeNull()
    expect(screen.getByTestId('delivery-pending')).toHaveTextContent('None: every report went out.')
  })
})
