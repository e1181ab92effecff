/**
 * The UniFi collection limits in the Advanced section: the whole-collection time budget (seconds in the form,
 * milliseconds in the settings, empty for the default of twice the request timeout) and the requests the console
 * gets at once (1–8). Checked before saving, sent with the rest of the section, and what main makes of the patch.
 */
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../../src/renderer/src/app.js'
import { createMemorySettingsService } from '../../../src/main/settings/create-settings-service.js'
import { settingsPatchSchema } from '../../../src/shared/ipc/payloads.js'
import { defaultSettings } from '../../../src/shared/settings.js'
import { createMockBridge, makeSettingsView } from './mock-bridge.js'

const BUDGET = 'UniFi collection time budget (s)'
const AT_ONCE = 'UniFi requests at once'

describe('UniFi collection limits in the Advanced section', { timeout: 20_000 }, () => {
  it('shows the defaults, with the default budget explained as a figure', async () => {
    render(<App api={createMockBridge().api} initialScreen="settings" />)
    await screen.findByTestId('settings-screen')
    expect(screen.getByLabelText(BUDGET)).toHaveValue(null)
    expect(screen.getByLabelText(BUDGET)).toHaveAccessibleDescription(
      expect.stringContaining('Empty: twice the request timeout (60 s now).'),
    )
    expect(screen.getByLabelText(AT_ONCE)).toHaveValue(4)
    expect(screen.getByLabelText(AT_ONCE)).toHaveAccessibleDescription(expect.stringContaining('small console'))
  })

  it('refuses a budget outside 1 s – 1 h and a bound outside 1–8, and saves neither', async () => {
    const user = userEvent.setup()
    const { api } = createMockBridge()
    render(<App api={api} initialScreen="settings" />)
    await screen.findByTestId('settings-screen')
    await user.type(screen.getByLabelText(BUDGET), '0.5')
    await user.clear(screen.getByLabelText(AT_ONCE))
    await user.type(screen.getByLabelText(AT_ONCE), '9')
    await user.click(screen.getByRole('button', { name: 'Save advanced settings' }))
    expect(api.updateSettings).not.toHaveBeenCalled()
    expect(screen.getByLabelText(BUDGET)).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText(BUDGET)).toHaveAccessibleDescription(
      expect.stringContaining('Enter seconds from 1 to 3600, or leave empty.'),
    )
    expect(screen.getByLabelText(AT_ONCE)).toHaveAccessibleDescription(
      expect.stringContaining('Enter a whole number from 1 to 8.'),
    )
  })

  it('sends the budget in milliseconds and the bound with the section, and null to go back to the default', async () => {
    const user = userEvent.setup()
    const { api } = createMockBridge()
    render(<App api={api} initialScreen="settings" />)
    await screen.findByTestId('settings-screen')
    // The hint follows the request timeout being typed.
    await user.clear(screen.getByLabelText('UniFi request timeout (ms)'))
    await user.type(screen.getByLabelText('UniFi request timeout (ms)'), '20000')
    expect(screen.getByLabelText(BUDGET)).toHaveAccessibleDescription(expect.stringContaining('(40 s now)'))
    await user.type(screen.getByLabelText(BUDGET), '90')
    await user.clear(screen.getByLabelText(AT_ONCE))
    await user.type(screen.getByLabelText(AT_ONCE), '2')
    await user.click(screen.getByRole('button', { name: 'Save advanced settings' }))
    expect(api.updateSettings).toHaveBeenLastCalledWith(
      expect.objectContaining({
        unifi: { requestTimeoutMs: 20_000, collectionBudgetMs: 90_000, maxConcurrentRequests: 2 },
      }),
    )
    expect(await screen.findByTestId('save-advanced-message')).toHaveTextContent('Advanced settings saved.')

    await user.clear(screen.getByLabelText(BUDGET))
    await user.click(screen.getByRole('button', { name: 'Save advanced settings' }))
    expect(api.updateSettings.mock.lastCall?.[0].unifi).toEqual({
      requestTimeoutMs: 20_000,
      collectionBudgetMs: null,
      maxConcurrentRequests: 2,
    })
  })

  it('starts from a saved budget, shown in seconds', async () => {
    const view = makeSettingsView()
    const { api } = createMockBridge({
      settings: { ...view, unifi: { ...view.unifi, collectionBudgetMs: 2_500, maxConcurrentRequests: 1 } },
    })
    render(<App api={api} initialScreen="settings" />)
    await screen.findByTestId('settings-screen')
    expect(screen.getByLabelText(BUDGET)).toHaveValue(2.5)
    expect(screen.getByLabelText(AT_ONCE)).toHaveValue(1)
  })

  it('main stores the budget, refuses one out of range per field, and drops it again for null', () => {
    const service = createMemorySettingsService(defaultSettings())
    const patch = (unifi: unknown) => service.update(settingsPatchSchema.parse({ unifi }))
    expect(patch({ collectionBudgetMs: 90_000, maxConcurrentRequests: 2 })).toMatchObject({ saved: true })
    expect(service.read().unifi).toMatchObject({ collectionBudgetMs: 90_000, maxConcurrentRequests: 2 })
    const refused = patch({ collectionBudgetMs: 500 })
    expect(refused).toMatchObject({ saved: false })
    expect(refused.saved ? [] : refused.fieldErrors.map((error) => error.path)).toEqual(['unifi.collectionBudgetMs'])
    expect(patch({ collectionBudgetMs: null })).toMatchObject({ saved: true })
    expect(service.read().unifi.collectionBudgetMs).toBeUndefined()
    expect(service.read().unifi.maxConcurrentRequests).toBe(2)
  })
})
