import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../../src/renderer/src/app.js'
import { numberFrom, validateWith } from '../../../src/renderer/src/features/settings/validate.js'
import { reportSettingsSchema } from '../../../src/shared/settings.js'
import { ok } from '../../../src/shared/result.js'
import { createMockBridge, makeSettingsView } from './mock-bridge.js'

describe('validation with the shared schemas', { timeout: 20_000 }, () => {
  it('maps schema issues to dotted field paths with plain messages', () => {
    const result = validateWith(reportSettingsSchema, 'report', {
      lookbackHours: 0,
      retentionDays: numberFrom('abc'),
      format: 'both',
      timezone: 'Mars/Olympus',
    })
    expect(result).toEqual({
      ok: false,
      errors: {
        'report.lookbackHours': 'Must be at least 1.',
        'report.retentionDays': 'Enter a number.',
        'report.timezone': 'Must be an IANA timezone such as Europe/Berlin or UTC.',
      },
    })
    expect(numberFrom(' 12 ')).toBe(12)
    expect(numberFrom('')).toBeNaN()
  })

  it('shows inline errors, links them to the inputs, and does not save an invalid report section', async () => {
    const user = userEvent.setup()
    const { api } = createMockBridge()
    render(<App api={api} initialScreen="settings" />)
    await screen.findByTestId('settings-screen')
    const lookback = screen.getByLabelText('Look-back (hours)')
    await user.clear(lookback)
    await user.type(lookback, '900')
    await user.clear(screen.getByLabelText('Timezone'))
    await user.type(screen.getByLabelText('Timezone'), 'Nowhere/Else')
    await user.click(screen.getByRole('button', { name: 'Save report settings' }))
    expect(api.updateSettings).not.toHaveBeenCalled()
    expect(lookback).toHaveAttribute('aria-invalid', 'true')
    expect(lookback).toHaveAccessibleDescription(expect.stringContaining('Must be at most 720.'))
    expect(screen.getByLabelText('Timezone')).toHaveAccessibleDescription(
      expect.stringContaining('Must be an IANA timezone'),
    )

    await user.clear(lookback)
    await user.type(lookback, '48')
    await user.clear(screen.getByLabelText('Timezone'))
    await user.type(screen.getByLabelText('Timezone'), 'Europe/Berlin')
    await user.click(screen.getByRole('button', { name: 'Save report settings' }))
    expect(api.updateSettings).toHaveBeenCalledWith({
      report: { lookbackHours: 48, format: 'both', retentionDays: 30, timezone: 'Europe/Berlin' },
    })
    expect(await screen.findByTestId('save-report-message')).toHaveTextContent('Report settings saved.')
  })

  it('refuses a breaker timeout not shorter than the trial wait, and a warning above critical', async () => {
    const user = userEvent.setup()
    const { api } = createMockBridge()
    render(<App api={api} initialScreen="settings" />)
    await screen.findByTestId('settings-screen')
    const timeout = screen.getByLabelText('Integration call timeout (ms)')
    await user.clear(timeout)
    await user.type(timeout, '90000')
    const warning = screen.getByLabelText('CPU load (%): warning level')
    await user.clear(warning)
    await user.type(warning, '99')
    await user.click(screen.getByRole('button', { name: 'Save advanced settings' }))
    expect(api.updateSettings).not.toHaveBeenCalled()
    expect(timeout).toHaveAccessibleDescription(expect.stringContaining('must be shorter than breaker.resetTimeoutMs'))
    expect(warning).toHaveAccessibleDescription('Warning must not exceed critical.')
  })

  it('shows the per-field errors main answers when it refuses a patch', async () => {
    const user = userEvent.setup()
    const { api } = createMockBridge()
    api.updateSettings.mockResolvedValue(
      ok({
        saved: false as const,
        fieldErrors: [{ path: 'integrations.cloudflare.accountId', message: 'not an account id' }],
        settings: makeSettingsView(),
      }),
    )
    render(<App api={api} initialScreen="settings" />)
    await screen.findByTestId('settings-screen')
    await user.type(screen.getByLabelText('Account ID (optional)'), 'zzz')
    await user.click(screen.getByRole('button', { name: 'Save Cloudflare settings' }))
    expect(await screen.findByText('Not an account id.')).toBeInTheDocument()
    expect(screen.getByLabelText('Account ID (optional)')).toHaveAttribute('aria-invalid', 'true')
  })
})
