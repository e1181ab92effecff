import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../../src/renderer/src/app.js'
import { fail, ok } from '../../../src/shared/result.js'
import { createMockBridge, makeStatus } from './mock-bridge.js'

describe('status screen', () => {
  it('shows app info and the status from main, with the reason generation is blocked', async () => {
    const { api } = createMockBridge()
    render(<App api={api} />)
    expect(await screen.findByRole('heading', { name: 'UniFi is not configured' })).toBeInTheDocument()
    expect(await screen.findByTestId('app-info')).toHaveTextContent('Version 9.9.9')
    expect(screen.getByRole('button', { name: 'Generate report now' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Generate report now' })).toHaveAccessibleDescription(
      'Set up the UniFi connection first.',
    )
  })

  it('updates on a status:changed push and ignores an older snapshot', async () => {
    const { api, push } = createMockBridge()
    render(<App api={api} />)
    await screen.findByRole('heading', { name: 'UniFi is not configured' })
    push(
      'status:changed',
      makeStatus({ state: 'running', headline: 'Generating report…', updatedAt: 10, generateBlockedReason: 'busy' }),
    )
    expect(screen.getByTestId('status-headline')).toHaveTextContent('Generating report…')
    push('status:changed', makeStatus({ headline: 'stale', updatedAt: 3 }))
    expect(screen.getByTestId('status-headline')).toHaveTextContent('Generating report…')
  })

  it('"Check again" calls main and shows the answer; a failed call shows its message', async () => {
    const { api } = createMockBridge({
      status: makeStatus({ state: 'idle', headline: 'Ready', generateBlockedReason: null }),
    })
    api.refreshStatus.mockResolvedValue(
      ok(makeStatus({ state: 'idle', headline: 'Checked', updatedAt: 5, generateBlockedReason: null })),
    )
    api.generateReport.mockResolvedValue(
      fail({ code: 'NO_REPORT_ENGINE', kind: 'config', message: 'No engine in this build.' }),
    )
    render(<App api={api} />)
    const user = userEvent.setup()
    await screen.findByRole('heading', { name: 'Ready' })
    await user.click(screen.getByRole('button', { name: 'Check again' }))
    expect(api.refreshStatus).toHaveBeenCalledOnce()
    expect(await screen.findByRole('heading', { name: 'Checked' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Generate report now' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('No engine in this build.')
  })

  it('unsubscribes from every push when it unmounts', async () => {
    const { api, listenerCount } = createMockBridge()
    const view = render(<App api={api} />)
    await screen.findByRole('heading', { name: 'UniFi is not configured' })
    expect(listenerCount('status:changed')).toBe(1)
    expect(listenerCount('settings:changed')).toBe(1)
    view.unmount()
    expect(listenerCount('status:changed')).toBe(0)
    expect(listenerCount('settings:changed')).toBe(0)
  })
})
