import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { App } from '../../../src/renderer/src/app.js'
import { withCard } from '../../../src/renderer/src/lib/status-cards.js'
import { createMockBridge, makeIntegration, makeStatus } from './mock-bridge.js'

const open = { ...makeIntegration().breaker, state: 'open' as const, consecutiveFailures: 3, nextTrialAt: 9e12 }

describe('integration card pushes', () => {
  it('replaces only the pushed card and never steps a card back in time', () => {
    const cloudflare = makeIntegration({ updatedAt: 5 })
    const other = makeIntegration({ id: 'other', displayName: 'Other', updatedAt: 5 })
    const status = makeStatus({ integrations: [cloudflare, other] })
    const next = withCard(status, makeIntegration({ breaker: open, updatedAt: 6 }))
    expect(next.integrations?.map((card) => [card.id, card.breaker.state])).toEqual([
      ['cloudflare', 'open'],
      ['other', 'closed'],
    ])
    expect(next.integrations?.[1]).toBe(other)
    expect(withCard(next, makeIntegration({ updatedAt: 4 }))).toBe(next)
    expect(withCard(status, makeIntegration({ id: 'new', updatedAt: 1 })).integrations).toHaveLength(3)
  })

  it('updates the status screen card from an integration:changed push, the rest of the status untouched', async () => {
    const status = makeStatus({
      state: 'idle',
      headline: 'Ready',
      generateBlockedReason: null,
      integrations: [makeIntegration()],
    })
    const { api, push, listenerCount } = createMockBridge({ status })
    const view = render(<App api={api} />)
    await screen.findByRole('heading', { name: 'Ready' })
    expect(screen.getByTestId('card-cloudflare-breaker')).toHaveTextContent('Breaker: Closed')
    push('integration:changed', makeIntegration({ breaker: open, updatedAt: 2 }))
    expect(screen.getByTestId('card-cloudflare-breaker')).toHaveTextContent('Breaker: Open')
    expect(screen.getByTestId('status-headline')).toHaveTextContent('Ready')
    expect(listenerCount('integration:changed')).toBe(1)
    view.unmount()
    expect(listenerCount('integration:changed')).toBe(0)
  })
})
