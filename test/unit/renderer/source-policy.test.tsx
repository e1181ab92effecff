import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../../src/renderer/src/app.js'
import { createMockBridge, makeSettingsView } from './mock-bridge.js'

describe("an integration's own breaker values in Settings → Advanced", () => {
  it('shows the stored ones, sends a typed value and null for an empty cell, and says what an empty cell means', async () => {
    const user = userEvent.setup()
    const { api } = createMockBridge({
      settings: makeSettingsView({ sources: { cloudflare: { paused: false, breaker: { failMax: 1 } } } }),
    })
    render(<App api={api} initialScreen="settings" />)
    const table = await screen.findByTestId('source-policy-table')
    const failMax = await within(table).findByTestId('source-policy-cloudflare-failMax')
    expect(failMax).toHaveValue(1)
    const timeout = within(table).getByTestId('source-policy-cloudflare-timeoutMs')
    expect(timeout).toHaveAttribute('placeholder', '30000')
    expect(timeout).toHaveAccessibleName('Cloudflare: Call timeout (ms) (empty: 30000 as above)')
    await user.type(timeout, '5000')
    await user.clear(failMax)
    await user.click(screen.getByRole('button', { name: 'Save advanced settings' }))
    expect(api.updateSettings).toHaveBeenLastCalledWith(
      expect.objectContaining({
        sources: expect.objectContaining({
          cloudflare: { breaker: { failMax: null, resetTimeoutMs: null, timeoutMs: 5000 } },
        }) as unknown,
      }),
    )
  })

  it('refuses a timeout that is not shorter than the wait it would run under, before asking main', async () => {
    const user = userEvent.setup()
    const { api } = createMockBridge()
    render(<App api={api} initialScreen="settings" />)
    const timeout = await screen.findByTestId('source-policy-cloudflare-timeoutMs')
    await user.type(timeout, '90000')
    await user.click(screen.getByRole('button', { name: 'Save advanced settings' }))
    expect(api.updateSettings).not.toHaveBeenCalled()
    expect(
      within(screen.getByTestId('source-policy-table')).getByText(/must be shorter than the wait/),
    ).toHaveTextContent('The call timeout (90000 ms) must be shorter than the wait before a trial (60000 ms).')
    expect(timeout).toHaveAttribute('aria-invalid', 'true')
  })
})
