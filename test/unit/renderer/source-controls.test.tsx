import { fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { App } from '../../../src/renderer/src/app.js'
import type { IntegrationStatus } from '../../../src/shared/ipc/payloads.js'
import { createMockBridge, makeIntegration, makeStatus } from './mock-bridge.js'

const opened: IntegrationStatus['breaker'] = {
  ...makeIntegration().breaker,
  state: 'open',
  consecutiveFailures: 3,
  openedAt: 1,
  nextTrialAt: 9e12,
}
const outage: IntegrationStatus['trip'] = {
  cause: 'outage',
  text: 'Outage: Cloudflare could not be reached or answered with an error.',
  retryAfterMs: null,
  at: 1,
}

function app(card: IntegrationStatus) {
  const mock = createMockBridge({ status: makeStatus({ state: 'idle', headline: 'Ready', integrations: [card] }) })
  render(<App api={mock.api} />)
  return mock
}

describe('a source card: why it is off, what the reports lost, and the controls', () => {
  it('shows the trip in words and class and the reports without its section', async () => {
    app(
      makeIntegration({
        breaker: opened,
        trip: outage,
        controls: { paused: false, ownPolicy: [], reportsWithoutSection: 2 },
      }),
    )
    const trip = await screen.findByTestId('card-cloudflare-trip')
    expect(trip).toHaveTextContent('outage Outage: Cloudflare could not be reached')
    expect(screen.getByTestId('card-cloudflare-lost')).toHaveTextContent(
      'The last 2 reports have no Cloudflare section.',
    )
    expect(screen.queryByTestId('card-cloudflare-fix')).toBeNull()
  })

  it('pauses through the bridge, and a pushed paused card says "Paused by you" with Resume', async () => {
    const { api, push } = app(makeIntegration())
    fireEvent.click(await screen.findByTestId('card-cloudflare-pause'))
    expect(api.setIntegrationPaused).toHaveBeenCalledWith({ id: 'cloudflare', paused: true })
    push(
      'integration:changed',
      makeIntegration({ updatedAt: 2, controls: { paused: true, ownPolicy: [], reportsWithoutSection: 0 } }),
    )
    expect(screen.getByTestId('card-cloudflare-paused')).toHaveTextContent('Paused by you')
    const resume = screen.getByTestId('card-cloudflare-pause')
    expect(resume).toHaveTextContent('Resume')
    expect(resume).toHaveAttribute('aria-pressed', 'true')
    fireEvent.click(resume)
    expect(api.setIntegrationPaused).toHaveBeenLastCalledWith({ id: 'cloudflare', paused: false })
  })

  it('announces a change politely once, not the countdown, and says nothing on arrival', async () => {
    const { push } = app(makeIntegration())
    const region = await screen.findByTestId('status-announcer')
    expect(region).toHaveAttribute('aria-live', 'polite')
    expect(region).toHaveTextContent('')
    push('integration:changed', makeIntegration({ updatedAt: 2, breaker: opened, trip: outage }))
    expect(region).toHaveTextContent('Cloudflare: breaker open. Outage: Cloudflare could not be reached')
    // A later push that changes only the counters (what a countdown tick or a refused call does) says nothing new.
    push(
      'integration:changed',
      makeIntegration({ updatedAt: 3, breaker: { ...opened, consecutiveFailures: 4 }, trip: outage }),
    )
    expect(region).toHaveTextContent('Cloudflare: breaker open. Outage')
    push(
      'integration:changed',
      makeIntegration({ updatedAt: 4, controls: { paused: true, ownPolicy: [], reportsWithoutSection: 0 } }),
    )
    expect(region).toHaveTextContent('Cloudflare is paused by you.')
  })

  it('"Fix in Settings" for rejected credentials opens Settings at the source\'s fields', async () => {
    const credentials: IntegrationStatus['trip'] = {
      cause: 'credentials',
      text: 'Credentials refused: Cloudflare rejected the credentials.',
      retryAfterMs: null,
      at: 1,
    }
    app(makeIntegration({ trip: credentials }))
    fireEvent.click(await screen.findByTestId('card-cloudflare-fix'))
    const section = await screen.findByTestId('section-cloudflare')
    await expect.poll(() => section.contains(document.activeElement)).toBe(true)
    expect(within(section).getByRole('heading', { level: 2 })).toHaveTextContent('Cloudflare')
  })

  it('lists the policy values the source sets itself', async () => {
    app(
      makeIntegration({
        breaker: { ...makeIntegration().breaker, timeoutMs: 5_000 },
        controls: { paused: false, ownPolicy: ['timeoutMs'], reportsWithoutSection: 0 },
      }),
    )
    expect(await screen.findByTestId('card-cloudflare-own-policy')).toHaveTextContent(
      'Set for this source: timeout 5 s',
    )
  })
})
