import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../../src/renderer/src/app.js'
import type { DeliveryView } from '../../../src/shared/ipc/payloads.js'
import { ok } from '../../../src/shared/result.js'
import { createMockBridge, makeSettingsView } from './mock-bridge.js'

const SAVED: DeliveryView = {
  email: {
    host: 'smtp.example.com',
    tls: 'starttls',
    username: 'mailer',
    passwordSet: true,
    from: 'scanner@example.com',
    to: ['admin@example.com'],
    bcc: [],
    attachReport: false,
    caFile: null,
    breaker: {},
  },
  webhooks: [{ id: 'a1b2c3d4e5f6', name: 'ops', format: 'slack', urlSet: true, secretSet: false, breaker: {} }],
}

async function openDelivery(delivery: DeliveryView = { email: null, webhooks: [] }) {
  const bridge = createMockBridge({ settings: makeSettingsView({ delivery }) })
  render(<App api={bridge.api} initialScreen="settings" />)
  return { ...bridge, section: within(await screen.findByTestId('section-delivery')) }
}

describe('the Delivery settings', { timeout: 30_000 }, () => {
  it('checks the draft with the shared schema and names what is wrong, without saving', async () => {
    const user = userEvent.setup()
    const { api, section } = await openDelivery()
    await user.click(section.getByRole('button', { name: 'Add email' }))
    await user.type(section.getByLabelText('SMTP server'), 'smtp.example.com')
    await user.type(section.getByLabelText('From'), 'nobody')
    await user.type(section.getByLabelText('To'), 'admin@example.com, not-an-address')
    await user.type(section.getByLabelText('Port (optional)'), 'abc')
    await user.click(section.getByRole('button', { name: 'Add webhook' }))
    await user.type(section.getByLabelText('Webhook URL'), 'http://hooks.example.com/T/1')
    await user.click(section.getByRole('button', { name: 'Save delivery settings' }))

    expect(api.updateSettings).not.toHaveBeenCalled()
    expect(section.getByLabelText('From')).toHaveAccessibleDescription(
      'Must be an email address such as admin@example.com.',
    )
    expect(section.getByLabelText('To')).toHaveAccessibleDescription(
      expect.stringContaining('"not-an-address": must be an email address such as admin@example.com.'),
    )
    expect(section.getByLabelText('Port (optional)')).toHaveAccessibleDescription(
      expect.stringContaining('Enter a number.'),
    )
    expect(section.getByLabelText('Webhook URL')).toHaveAttribute('aria-invalid', 'true')
    expect(section.getByTestId('delivery-webhook-0-url')).toHaveTextContent(/https/)
    expect(section.getByTestId('save-delivery-message')).toHaveTextContent('Fix the marked fields, then save again.')
  })

  it('saves the channels, then stores typed secrets under the id main gave the new webhook', async () => {
    const user = userEvent.setup()
    const { api, section } = await openDelivery()
    const saved = makeSettingsView({
      delivery: { email: null, webhooks: [{ ...SAVED.webhooks[0]!, id: 'newid123', urlSet: false }] },
    })
    api.updateSettings.mockImplementation(() => Promise.resolve(ok({ saved: true as const, settings: saved })))
    await user.click(section.getByRole('button', { name: 'Add webhook' }))
    await user.type(section.getByLabelText('Name'), 'ops')
    await user.type(section.getByLabelText('Webhook URL'), 'https://hooks.example.com/T/typed-token')
    await user.click(section.getByRole('button', { name: 'Save delivery settings' }))

    expect(api.updateSettings).toHaveBeenCalledWith({
      delivery: { email: null, webhooks: [{ name: 'ops', format: 'slack', breaker: {} }] },
    })
    expect(api.setSecret).toHaveBeenCalledWith({
      key: 'delivery.webhooks.newid123.url',
      value: 'https://hooks.example.com/T/typed-token',
    })
    expect(JSON.stringify(api.updateSettings.mock.calls)).not.toContain('typed-token')
    expect(await section.findByTestId('save-delivery-message')).toHaveTextContent('Delivery settings saved.')
  })

  it('shows each secret only as set or not set', async () => {
    const { section } = await openDelivery(SAVED)
    expect(section.getByTestId('delivery-email-password-state')).toHaveTextContent('Set')
    expect(section.getByTestId('delivery-webhook-0-url-state')).toHaveTextContent('Set')
    expect(section.getByTestId('delivery-webhook-0-secret-state')).toHaveTextContent('Not set')
    // Nothing in the form holds a stored value: the password input is not even shown until "Replace".
    expect(section.queryByPlaceholderText('New value')).toBeNull()
    expect(section.getByLabelText('SMTP server')).toHaveValue('smtp.example.com')
  })

  it('"Send test" sends the draft: typed secrets only, stored ones stay in main; the result shows beside it', async () => {
    const user = userEvent.setup()
    const { api, section } = await openDelivery(SAVED)
    api.testDeliveryChannel.mockImplementationOnce(() =>
      Promise.resolve(ok({ ok: true, message: 'Slack webhook "ops" accepted the test message.' })),
    )
    await user.click(section.getByRole('button', { name: 'Send test to ops' }))
    expect(api.testDeliveryChannel).toHaveBeenLastCalledWith({
      kind: 'webhook',
      id: 'a1b2c3d4e5f6',
      webhook: { name: 'ops', format: 'slack', breaker: {} },
    })
    expect(await section.findByTestId('delivery-webhook-0-test-result')).toHaveTextContent(
      '✓ Slack webhook "ops" accepted the test message.',
    )

    // A changed host and a typed password: the draft carries exactly what was typed.
    await user.clear(section.getByLabelText('SMTP server'))
    await user.type(section.getByLabelText('SMTP server'), 'mail.example.org')
    const password = within(section.getByTestId('delivery-email-password'))
    await user.click(password.getByRole('button', { name: 'Replace' }))
    await user.type(password.getByPlaceholderText('New value'), 'typed-pass')
    await user.click(within(section.getByTestId('delivery-email')).getByLabelText('Timeout (ms)'))
    await user.type(within(section.getByTestId('delivery-email')).getByLabelText('Timeout (ms)'), '5000')
    await user.click(section.getByRole('button', { name: 'Send test to email' }))
    expect(api.testDeliveryChannel).toHaveBeenLastCalledWith({
      kind: 'email',
      email: {
        host: 'mail.example.org',
        port: null,
        tls: 'starttls',
        username: 'mailer',
        from: 'scanner@example.com',
        to: ['admin@example.com'],
        bcc: [],
        breaker: { timeoutMs: 5000 },
      },
      password: 'typed-pass',
    })
    expect(await section.findByTestId('delivery-email-test-result')).toHaveTextContent('✓ Test message sent')
  })

  it('does not send a test of a channel with mistakes, and says why', async () => {
    const user = userEvent.setup()
    const { api, section } = await openDelivery(SAVED)
    await user.clear(section.getByLabelText('To'))
    await user.click(section.getByRole('button', { name: 'Send test to email' }))
    expect(api.testDeliveryChannel).not.toHaveBeenCalled()
    expect(section.getByTestId('delivery-email-test-result')).toHaveTextContent('✕ Fix the marked fields first.')
    expect(section.getByLabelText('To')).toHaveAccessibleDescription(
      expect.stringContaining('Must list at least one recipient.'),
    )
  })
})
