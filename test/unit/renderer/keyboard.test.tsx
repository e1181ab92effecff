import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../../src/renderer/src/app.js'
import { createPushStore } from '../../../src/renderer/src/lib/push-store.js'
import { ok } from '../../../src/shared/result.js'
import { createMockBridge, makeSettingsView } from './mock-bridge.js'

describe('keyboard use', { timeout: 20_000 }, () => {
  it('tabs form one tab stop; arrow keys, Home and End switch screens', async () => {
    const user = userEvent.setup()
    const { api } = createMockBridge()
    render(<App api={api} />)
    await screen.findByTestId('status-screen')
    await user.tab()
    expect(screen.getByRole('tab', { name: /Status/ })).toHaveFocus()
    await user.keyboard('{ArrowRight}')
    expect(screen.getByRole('tab', { name: 'Settings' })).toHaveFocus()
    expect(screen.getByRole('tab', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true')
    expect(await screen.findByTestId('settings-screen')).toBeInTheDocument()
    await user.keyboard('{End}')
    expect(screen.getByRole('tab', { name: 'Clients' })).toHaveFocus()
    expect(await screen.findByTestId('clients-empty')).toBeInTheDocument()
    await user.keyboard('{ArrowLeft}{ArrowLeft}')
    expect(screen.getByRole('tab', { name: 'Reports' })).toHaveFocus()
    expect(await screen.findByTestId('reports-empty')).toBeInTheDocument()
    await user.keyboard('{End}{ArrowRight}')
    expect(screen.getByRole('tab', { name: /Status/ })).toHaveFocus()
    // Leaving the tab list goes into the panel, not through the other tabs.
    await user.tab()
    expect(screen.getByRole('tab', { name: 'Settings' })).not.toHaveFocus()
    expect(screen.getByRole('tabpanel')).toContainElement(document.activeElement as HTMLElement)
  })

  it('a stored secret is replaced or cleared with the keyboard, and the typed value leaves the form once saved', async () => {
    const user = userEvent.setup()
    const stored = makeSettingsView({
      secretsSet: { 'unifi.apiKey': true, 'unifi.password': false, 'integrations.cloudflare.apiToken': false },
    })
    const { api } = createMockBridge({ settings: stored })
    render(<App api={api} initialScreen="settings" />)
    await screen.findByTestId('settings-screen')
    const field = screen.getByTestId('unifi-api-key')
    screen.getByRole('button', { name: 'Replace' }).focus()
    await user.keyboard('{Enter}')
    const input = field.querySelector('input')!
    expect(input).toHaveAttribute('type', 'password')
    await user.type(input, 'new-key')
    await user.click(within(field).getByRole('button', { name: /^Save/ }))
    expect(api.setSecret).toHaveBeenCalledWith({ key: 'unifi.apiKey', value: 'new-key' })
    expect(field.querySelector('input')).toBeNull()
    screen.getByRole('button', { name: 'Clear' }).focus()
    await user.keyboard('{Enter}')
    expect(api.clearSecret).toHaveBeenCalledWith({ key: 'unifi.apiKey' })
  })
})

describe('push store', () => {
  it('keeps a push that arrives before the first read answers, when the read is older', async () => {
    let answer: (value: { n: number }) => void = () => undefined
    let push: (value: { n: number }) => void = () => undefined
    const store = createPushStore<{ n: number }>({
      load: () => new Promise((resolve) => (answer = (value) => resolve(ok(value)))),
      listen: (listener) => {
        push = listener
        return () => undefined
      },
      isNewer: (next, current) => next.n >= current.n,
    })
    const stop = store.subscribe(() => undefined)
    push({ n: 2 })
    answer({ n: 1 })
    await Promise.resolve()
    await Promise.resolve()
    expect(store.getSnapshot().value).toEqual({ n: 2 })
    stop()
  })
})
