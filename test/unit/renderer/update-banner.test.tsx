import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { UpdateBanner } from '../../../src/renderer/src/features/updates/update-banner.js'
import { ok } from '../../../src/shared/result.js'
import { createMockBridge, makeUpdateStatus } from './mock-bridge.js'

const OFFER = makeUpdateStatus({
  state: 'available',
  version: '0.2.0',
  releaseNotes: '<b>not html</b>\nFaster reports',
})

describe('UpdateBanner', () => {
  it('shows nothing while updates are disabled or idle', async () => {
    const { api, push } = createMockBridge()
    const { container } = render(<UpdateBanner api={api} />)
    await Promise.resolve()
    expect(container).toBeEmptyDOMElement()
    push('update:changed', makeUpdateStatus({ state: 'idle' }))
    expect(container).toBeEmptyDOMElement()
  })

  it('offers the version with its release notes as text; "Install and restart" asks main to install', async () => {
    const { api, push } = createMockBridge({ update: OFFER })
    api.installUpdate.mockResolvedValue(ok({ ...OFFER, state: 'downloading', percent: 0 }))
    render(<UpdateBanner api={api} />)
    expect(await screen.findByText('Version 0.2.0 is available')).toBeVisible()
    expect(screen.getByText('Release notes')).toBeInTheDocument()
    // Shown as text: the markup is not interpreted.
    expect(screen.getByText(/<b>not html<\/b>/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Install and restart' }))
    expect(api.installUpdate).toHaveBeenCalledOnce()
    expect(await screen.findByText('Downloading version 0.2.0…')).toBeVisible()
    push('update:changed', { ...OFFER, state: 'installing', percent: 100 })
    expect(screen.getByText('Restarting to install version 0.2.0…')).toBeVisible()
  })

  it('"Later" hides the offer', async () => {
    const { api } = createMockBridge({ update: OFFER })
    api.postponeUpdate.mockResolvedValue(ok({ ...OFFER, dismissed: true }))
    render(<UpdateBanner api={api} />)
    await userEvent.click(await screen.findByRole('button', { name: 'Later' }))
    expect(api.postponeUpdate).toHaveBeenCalledOnce()
    expect(screen.queryByText('Version 0.2.0 is available')).not.toBeInTheDocument()
  })
})
