import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { breakerCountdown } from '../../../src/renderer/src/features/status/breaker-countdown.js'
import { cloudflareIntegration } from '../../../src/core/integrations/cloudflare/index.js'
import { describeIntegration } from '../../../src/core/integrations/descriptors.js'
import { IntegrationCard } from '../../../src/renderer/src/features/status/integration-card.js'
import { formatDuration } from '../../../src/renderer/src/lib/format.js'
import { ok } from '../../../src/shared/result.js'
import { createMockBridge, makeIntegration } from './mock-bridge.js'

const T0 = Date.UTC(2026, 10, 28, 12, 0, 0)
const closed = makeIntegration().breaker
const open = { ...closed, state: 'open' as const, consecutiveFailures: 3, openedAt: T0, nextTrialAt: T0 + 65_000 }

describe('breaker countdown', () => {
  it('counts down to the next trial while open and names the half-open phases', () => {
    expect(breakerCountdown(closed, T0)).toBeNull()
    expect(breakerCountdown(open, T0)).toBe('Next trial in 1 min 05 s')
    expect(breakerCountdown(open, T0 + 64_001)).toBe('Next trial in 1 s')
    expect(breakerCountdown(open, T0 + 65_000)).toBe('Trial call due')
    expect(breakerCountdown({ ...open, state: 'half-open', trialInFlight: true }, T0)).toMatch(/^Probing/)
    expect(breakerCountdown({ ...open, state: 'half-open' }, T0)).toBe('The next call is the trial')
  })

  it('formats durations for cards', () => {
    expect(formatDuration(0)).toBe('0 s')
    expect(formatDuration(59_001)).toBe('1 min 00 s')
    expect(formatDuration(3_725_000)).toBe('1 h 02 min')
  })
})

describe('integration card', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('ticks the countdown on a local clock and stops at zero, with no call to main', () => {
    vi.useFakeTimers({ now: T0 })
    const { api } = createMockBridge()
    render(<IntegrationCard api={api} card={makeIntegration({ breaker: open })} />)
    expect(screen.getByTestId('card-cloudflare-breaker')).toHaveTextContent('Breaker: Open')
    expect(screen.getByTestId('card-cloudflare-countdown')).toHaveTextContent('Next trial in 1 min 05 s')
    act(() => {
      vi.advanceTimersByTime(5_000)
    })
    expect(screen.getByTestId('card-cloudflare-countdown')).toHaveTextContent('Next trial in 1 min 00 s')
    act(() => {
      vi.advanceTimersByTime(60_000)
    })
    expect(screen.getByTestId('card-cloudflare-countdown')).toHaveTextContent('Trial call due')
    expect(api.getStatus).not.toHaveBeenCalled()
    expect(api.refreshStatus).not.toHaveBeenCalled()
  })

  it('shows failures, the last error with its class, the window and percentiles; "Retry now" asks main', async () => {
    const { api } = createMockBridge()
    api.retryIntegrationNow.mockResolvedValue(ok({ accepted: true }))
    const card = makeIntegration({
      breaker: open,
      lastError: { message: 'Cloudflare did not answer in 2 s.', kind: 'timeout', counted: true, at: T0 },
      lastLatencyMs: 2004,
      window: {
        ...makeIntegration().window,
        successes: 4,
        failures: 1,
        timeouts: 2,
        shortCircuits: 5,
        p50Ms: 120,
        p90Ms: 1900,
        p99Ms: 2004,
        maxMs: 2004,
      },
    })
    render(<IntegrationCard api={api} card={card} />)
    expect(screen.getByTestId('card-cloudflare-failures')).toHaveTextContent('3 of 3 failures')
    expect(screen.getByTestId('card-cloudflare-error')).toHaveTextContent('timeout Cloudflare did not answer in 2 s.')
    expect(within(screen.getByTestId('card-cloudflare-chart')).getByRole('img')).toHaveAccessibleName(
      'Last 10 min 00 s: 4 successes, 1 failures, 2 timeouts, 5 short-circuits',
    )
    expect(screen.getByTestId('card-cloudflare-chart')).toHaveTextContent('p50 120 ms · p90 1.9 s · p99 2.0 s')
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry now' }))
    expect(api.retryIntegrationNow).toHaveBeenCalledWith({ id: 'cloudflare' })
    expect(await screen.findByText('Trial call let through.')).toBeInTheDocument()
  })

  it('"Retry now" is disabled while the breaker is closed and partial configuration is a warning', () => {
    const { api } = createMockBridge()
    render(
      <IntegrationCard
        api={api}
        card={makeIntegration({ configuration: { state: 'partial', missing: ['apiToken'] } })}
        descriptor={describeIntegration(cloudflareIntegration)}
      />,
    )
    expect(screen.getByRole('button', { name: 'Retry now' })).toBeDisabled()
    expect(screen.getByTestId('card-cloudflare-config')).toHaveTextContent('Partial')
    // The label comes from the integration's own field metadata.
    expect(screen.getByTestId('card-cloudflare-missing')).toHaveTextContent('missing: API token')
    expect(screen.getByTestId('card-cloudflare-description')).toHaveTextContent(cloudflareIntegration.description)
  })
})
