import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../../src/renderer/src/app.js'
import { unifiMissing } from '../../../src/renderer/src/features/settings/missing-fields.js'
import { draftCheck, parseList } from '../../../src/renderer/src/features/settings/integration-draft.js'
import { cloudflareIntegration } from '../../../src/core/integrations/cloudflare/index.js'
import { describeIntegration } from '../../../src/core/integrations/descriptors.js'
import { createMockBridge, makeIntegration, makeSettingsView, makeStatus } from './mock-bridge.js'

const NONE = { 'unifi.password': false, 'unifi.apiKey': false, 'integrations.cloudflare.apiToken': false }
const draft = { url: '', username: '', authMethod: 'api-key' as const, pendingApiKey: '', pendingPassword: '' }

describe('missing-field rules', () => {
  it('UniFi: nothing set is not configured; a URL alone is partial and names the credential for the method', () => {
    expect(unifiMissing(draft, NONE)).toEqual({ state: 'not-configured', missing: [] })
    expect(unifiMissing({ ...draft, url: 'https://u' }, NONE)).toEqual({ state: 'partial', missing: ['unifi.apiKey'] })
    expect(unifiMissing({ ...draft, url: 'https://u', authMethod: 'password' }, NONE)).toEqual({
      state: 'partial',
      missing: ['unifi.username', 'unifi.password'],
    })
    expect(unifiMissing({ ...draft, pendingApiKey: 'k' }, NONE)).toEqual({ state: 'partial', missing: ['unifi.url'] })
    expect(unifiMissing({ ...draft, url: 'u' }, { ...NONE, 'unifi.apiKey': true }).state).toBe('configured')
    expect(
      unifiMissing({ ...draft, url: 'u', authMethod: 'password', username: 'ro' }, { ...NONE, 'unifi.password': true })
        .state,
    ).toBe('configured')
  })

  it('Cloudflare (from its descriptor): account id or zones without a token is partial; a stored or typed token completes it', () => {
    const descriptor = describeIntegration(cloudflareIntegration)
    const cf = (values: Record<string, string>, token = '') => ({
      values: { accountId: '', zones: '', apiUrl: '', ...values },
      pendingSecrets: { apiToken: token },
    })
    expect(draftCheck(descriptor, cf({}), NONE).state).toBe('not-configured')
    expect(draftCheck(descriptor, cf({ zones: 'example.com' }), NONE)).toEqual({
      state: 'partial',
      missing: ['apiToken'],
    })
    expect(
      draftCheck(descriptor, cf({ accountId: 'a' }), { ...NONE, 'integrations.cloudflare.apiToken': true }).state,
    ).toBe('configured')
    expect(draftCheck(descriptor, cf({}, 't'), NONE).state).toBe('configured')
    expect(draftCheck(descriptor, cf({ zones: ' , ' }), NONE).state).toBe('not-configured')
  })

  it('lists split on commas and new lines, blanks dropped', () => {
    expect(parseList(' a.com, b.com\n\n c.com ,')).toEqual(['a.com', 'b.com', 'c.com'])
  })
})

describe('settings form: missing fields and partial warnings', { timeout: 20_000 }, () => {
  it('lists exactly the missing fields as the admin types, and shows partial integrations as warnings', async () => {
    const user = userEvent.setup()
    const { api } = createMockBridge({
      settings: makeSettingsView({ integrations: { cloudflare: { zones: ['example.com'] } } }),
      status: makeStatus({
        integrations: [
          makeIntegration({
            id: 'cybersecure',
            displayName: 'CyberSecure',
            configuration: { state: 'partial', missing: ['unifiCredentials'] },
          }),
        ],
      }),
    })
    render(<App api={api} initialScreen="settings" />)
    await screen.findByTestId('settings-screen')

    expect(screen.getByTestId('unifi-config')).toHaveTextContent('UniFi is not configured')
    await user.type(screen.getByLabelText('Controller URL'), 'https://192.0.2.1')
    const unifiWarning = screen.getByTestId('unifi-config')
    expect(unifiWarning).toHaveTextContent('UniFi is only partly configured')
    expect(
      within(screen.getByTestId('unifi-missing'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['API key'])

    await user.click(screen.getByRole('radio', { name: 'Local admin account' }))
    expect(
      within(screen.getByTestId('unifi-missing'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Username', 'Password'])
    expect(screen.getByTestId('mfa-guidance')).toHaveTextContent('multi-factor authentication')
    await user.type(screen.getByLabelText('Username'), 'readonly')
    expect(
      within(screen.getByTestId('unifi-missing'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Password'])

    expect(within(await screen.findByTestId('cloudflare-missing')).getByRole('listitem')).toHaveTextContent('API token')
    expect(within(screen.getByTestId('cybersecure-missing')).getByRole('listitem')).toHaveTextContent(
      'UniFi credentials',
    )
  })

  it('a secret field shows only set / not set and never a value', async () => {
    const { api } = createMockBridge({
      settings: makeSettingsView({
        secretsSet: { 'unifi.apiKey': true, 'unifi.password': false, 'integrations.cloudflare.apiToken': false },
      }),
    })
    render(<App api={api} initialScreen="settings" />)
    await screen.findByTestId('settings-screen')
    expect(screen.getByTestId('unifi-api-key-state')).toHaveTextContent('Set')
    expect(await screen.findByTestId('cloudflare-apiToken-state')).toHaveTextContent('Not set')
    const apiKey = screen.getByTestId('unifi-api-key')
    expect(within(apiKey).queryByRole('textbox')).toBeNull()
    expect(within(apiKey).getByRole('button', { name: 'Replace' })).toBeInTheDocument()
    expect(within(apiKey).getByRole('button', { name: 'Clear' })).toBeInTheDocument()
  })
})
