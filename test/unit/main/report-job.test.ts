import { describe, expect, it } from 'vitest'
import { ScannerError } from '../../../src/core/errors.js'
import type { ReportRunner } from '../../../src/main/reports/report-job.js'
import type { ReportSummary } from '../../../src/shared/ipc/payloads.js'
import { CONFIGURED, memorySettings, servicesFor, TRUSTED } from './helpers.js'

const summary: ReportSummary = { id: 'r1', finishedAt: 5, headline: '3 severe findings', files: ['/r/r1.html'] }

describe('report:generate through the handler layer', () => {
  it('refuses with a config Result while UniFi is not configured', async () => {
    let calls = 0
    const { services } = servicesFor({ runner: () => Promise.resolve(((calls += 1), summary)) })
    const result = await services.dispatch('report:generate', TRUSTED, undefined)
    expect(result).toMatchObject({ ok: false, error: { code: 'UNIFI_NOT_CONFIGURED', kind: 'config' } })
    expect(calls).toBe(0)
  })

  it('pushes progress and status, then records the report', async () => {
    const runner: ReportRunner = (_settings, onProgress) => {
      onProgress({ phase: 'collecting threats', percent: 40 })
      return Promise.resolve(summary)
    }
    const { services, target } = servicesFor({ settings: memorySettings(CONFIGURED), runner })
    const result = await services.dispatch('report:generate', TRUSTED, undefined)
    expect(result).toEqual({ ok: true, value: summary })
    // Progress reaches the window inside the status push; there is no separate progress channel.
    expect(target.sent.some((p) => p.channel === 'report:progress')).toBe(false)
    const progress = target.sent
      .filter((p) => p.channel === 'status:changed')
      .map((p) => (p.payload as { progress: unknown }).progress)
      .filter((value) => value !== null)
    expect(progress).toEqual([
      { phase: 'starting', percent: 0 },
      { phase: 'collecting threats', percent: 40 },
    ])
    const states = target.sent
      .filter((p) => p.channel === 'status:changed')
      .map((p) => (p.payload as { state: string }).state)
    expect(states).toContain('running')
    expect(states.at(-1)).toBe('idle')
    expect(services.status.get()).toMatchObject({ state: 'idle', lastReport: summary, progress: null })
  })

  it('runs one report at a time', async () => {
    let finish: (value: ReportSummary) => void = () => undefined
    const runner: ReportRunner = () => new Promise((resolve) => (finish = resolve))
    const { services } = servicesFor({ settings: memorySettings(CONFIGURED), runner })
    const first = services.dispatch('report:generate', TRUSTED, undefined)
    await Promise.resolve()
    const second = await services.dispatch('report:generate', TRUSTED, undefined)
    expect(second).toMatchObject({ ok: false, error: { code: 'REPORT_ALREADY_RUNNING' } })
    finish(summary)
    expect(await first).toEqual({ ok: true, value: summary })
  })

  it('records a failed run as the error state with its message', async () => {
    const runner: ReportRunner = () =>
      Promise.reject(new ScannerError('unreachable', 'ECONNREFUSED', 'The controller refused the connection.'))
    const { services } = servicesFor({ settings: memorySettings(CONFIGURED), runner })
    const result = await services.dispatch('report:generate', TRUSTED, undefined)
    expect(result).toMatchObject({ ok: false, error: { code: 'ECONNREFUSED', kind: 'unreachable' } })
    expect(services.status.get()).toMatchObject({
      state: 'error',
      detail: 'The controller refused the connection.',
      generateBlockedReason: null,
    })
  })

  it('status:refresh re-reads the settings and pushes the new status', async () => {
    const settings = memorySettings()
    const { services, target } = servicesFor({ settings, runner: () => Promise.resolve(summary) })
    expect(services.status.get().state).toBe('attention')
    settings.set(CONFIGURED)
    const result = await services.dispatch('status:refresh', TRUSTED, undefined)
    expect(result).toMatchObject({ ok: true, value: { state: 'idle', headline: 'Ready', generateBlockedReason: null } })
    expect(target.sent.at(-1)).toMatchObject({ channel: 'status:changed', payload: { state: 'idle' } })
  })
})

describe('settings:get', () => {
  it('never carries a secret, only whether it is set', async () => {
    const secrets = { password: 'pw-ZZZZ-secret', apiKey: 'key-YYYY-secret', token: 'cf-XXXX-secret' }
    const settings = memorySettings({
      unifi: { url: 'https://192.0.2.1', username: 'admin', password: secrets.password, apiKey: secrets.apiKey },
      integrations: { cloudflare: { apiToken: secrets.token } },
    })
    const { services } = servicesFor({ settings })
    const result = await services.dispatch('settings:get', TRUSTED, undefined)
    const json = JSON.stringify(result)
    for (const secret of Object.values(secrets)) expect(json).not.toContain(secret)
    expect(result).toMatchObject({
      ok: true,
      value: {
        unifi: { url: 'https://192.0.2.1', username: 'admin' },
        secretsSet: { 'unifi.password': true, 'unifi.apiKey': true, 'integrations.cloudflare.apiToken': true },
      },
    })
  })
})
