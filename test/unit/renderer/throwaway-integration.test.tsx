/**
 * The settings form and the status cards of a throwaway integration, drawn from what the real descriptor builder
 * and the real integration runtime make of it — no renderer code knows it.
 */
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { describeIntegrations } from '../../../src/core/integrations/descriptors.js'
import { createIntegrationRuntime, type IntegrationRuntime } from '../../../src/core/integrations/runner.js'
import { silentLogger } from '../../../src/core/logger.js'
import { App } from '../../../src/renderer/src/app.js'
import { toSettingsView } from '../../../src/shared/ipc/settings-view.js'
import { ok } from '../../../src/shared/result.js'
import { settingsSchema } from '../../../src/shared/settings.js'
import { registryWithPigeonPost } from '../../integration/integrations/throwaway/pigeon-post.js'
import { createMockBridge, makeStatus } from './mock-bridge.js'

let runtime: IntegrationRuntime | undefined
afterEach(async () => {
  await runtime?.close()
  runtime = undefined
})

function world() {
  // Stored as main would store it: an address and a list, no key yet (a partial configuration).
  const settings = settingsSchema.parse({
    integrations: { 'pigeon-post': { baseUrl: 'https://loft.example', lofts: ['north', 'south'] } },
  })
  runtime = createIntegrationRuntime({ integrations: registryWithPigeonPost, settings, logger: silentLogger })
  const view = toSettingsView(settings, describeIntegrations(registryWithPigeonPost))
  return createMockBridge({
    integrations: registryWithPigeonPost,
    settings: view,
    status: makeStatus({ integrations: runtime.status() }),
  })
}

describe('a throwaway integration in the window', { timeout: 20_000 }, () => {
  it('has a settings form with its own fields, help, privacy note and test button', async () => {
    const user = userEvent.setup()
    const { api } = world()
    render(<App api={api} initialScreen="settings" />)
    const section = await screen.findByTestId('section-pigeon-post')
    expect(within(section).getByRole('heading', { name: 'Pigeon Post' })).toBeInTheDocument()
    expect(section).toHaveTextContent('Counts the messages the lofts delivered')
    expect(within(section).getByTestId('pigeon-post-privacy')).toHaveTextContent(
      'What is sent: Only the loft names you enter are sent to the loft address.',
    )
    expect(within(section).getByTestId('pigeon-post-apiKey-state')).toHaveTextContent('Not set')
    expect(section).toHaveTextContent('The key of your loft. Command line: PIGEON_POST_API_KEY.')
    expect(within(section).getByLabelText('Loft address')).toHaveValue('https://loft.example')
    expect(within(section).getByLabelText('Lofts (optional)')).toHaveValue('north, south')
    expect(within(section).getByLabelText('Birds per run (optional)')).toHaveValue('')
    expect(within(section).getByRole('button', { name: /Test connection/ })).toBeInTheDocument()
    expect(within(screen.getByTestId('pigeon-post-missing')).getByRole('listitem')).toHaveTextContent('Loft key')

    // Saving sends its values through the generic patch, then the typed key as its own secret path.
    await user.clear(within(section).getByLabelText('Lofts (optional)'))
    await user.type(within(section).getByLabelText('Lofts (optional)'), 'east,  west ,')
    await user.type(within(section).getByLabelText('Birds per run (optional)'), '5')
    await user.type(within(section).getByTestId('pigeon-post-apiKey').querySelector('input')!, 'loft-key-5ecret')
    expect(screen.getByTestId('pigeon-post-config')).toHaveTextContent('Pigeon Post is fully configured.')
    // "Test connection" sends the draft as typed, the unsaved key included.
    api.testIntegration.mockResolvedValueOnce(ok({ ok: true, message: 'The loft answers.' }))
    await user.click(within(section).getByRole('button', { name: /Test connection/ }))
    expect(api.testIntegration).toHaveBeenCalledWith({
      id: 'pigeon-post',
      values: { apiKey: 'loft-key-5ecret', baseUrl: 'https://loft.example', lofts: ['east', 'west'], maxBirds: 5 },
    })
    expect(await screen.findByTestId('pigeon-post-test-result')).toHaveTextContent('✓ The loft answers.')
    await user.click(within(section).getByRole('button', { name: 'Save Pigeon Post settings' }))
    expect(api.updateSettings).toHaveBeenCalledWith({
      integrations: {
        'pigeon-post': { baseUrl: 'https://loft.example', lofts: ['east', 'west'], maxBirds: 5 },
      },
    })
    expect(api.setSecret).toHaveBeenCalledWith({ key: 'integrations.pigeon-post.apiKey', value: 'loft-key-5ecret' })

    // The About box credits its data source with the lines it declares.
    expect(await screen.findByTestId('about-pigeon-post')).toHaveTextContent(
      'Pigeon PostPigeon data © The Loft Society, CC BY 4.0',
    )
    expect(screen.getByTestId('about-version')).toHaveTextContent('UniFi Scanner 9.9.9 · MIT licence')
  })

  it('has a status card with its live state and the labels of what is missing', async () => {
    const { api } = world()
    render(<App api={api} initialScreen="status" />)
    const card = await screen.findByTestId('card-pigeon-post')
    expect(within(card).getByRole('heading', { name: 'Pigeon Post' })).toBeInTheDocument()
    expect(within(card).getByTestId('card-pigeon-post-config')).toHaveTextContent('Partial')
    expect(await within(card).findByTestId('card-pigeon-post-missing')).toHaveTextContent('missing: Loft key')
    expect(within(card).getByTestId('card-pigeon-post-breaker')).toHaveTextContent('Breaker')
  })
})
