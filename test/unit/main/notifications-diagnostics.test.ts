import { describe, expect, it } from 'vitest'
import { ConfigError } from '../../../src/core/errors.js'
import { buildDiagnostics } from '../../../src/main/app/diagnostics.js'
import { reportNotification } from '../../../src/main/notifications/report-notification.js'
import { computeStatus } from '../../../src/main/status/compute-status.js'
import { memorySettings } from './helpers.js'

const summary = { id: 'r', finishedAt: 0, headline: 'h', files: ['/r/a.txt', '/r/a.html'], severe: 3 }

describe('report notifications', () => {
  it('names the severe findings and opens the HTML report on click', () => {
    expect(reportNotification({ summary })).toEqual({
      title: 'Report ready',
      body: '3 severe findings — open report',
      open: '/r/a.html',
    })
    expect(reportNotification({ summary: { ...summary, severe: 1 } }).body).toBe('1 severe finding — open report')
    expect(reportNotification({ summary: { ...summary, severe: 0, demo: true } })).toMatchObject({
      title: 'Demo report ready',
      body: 'No severe findings — open report',
    })
  })

  it('gives the reason of a failure and opens nothing', () => {
    const notice = reportNotification({ error: new ConfigError('The controller refused the API key.') })
    expect(notice).toEqual({ title: 'The report failed', body: 'The controller refused the API key.', open: null })
  })
})

describe('diagnostics', () => {
  it('carries versions, settings flags and the last run, never a secret', () => {
    const settings = memorySettings({
      unifi: { url: 'https://u', username: 'ro', password: 'pw-very-secret' },
      integrations: { cloudflare: { apiToken: 'cf-very-secret' } },
    })
    const status = computeStatus(
      {
        unifiConfigured: true,
        reportEngineAvailable: true,
        progress: null,
        lastReport: null,
        lastError: { code: 'AUTH', kind: 'auth', message: 'Login refused for pw-very-secret' },
      },
      0,
    )
    const text = buildDiagnostics({
      versions: { app: '1.2.3', electron: '45.0.0' },
      platform: 'linux x64',
      settings: settings.view(),
      status,
      knownSecrets: ['pw-very-secret', 'cf-very-secret'],
      now: 0,
    })
    expect(text).toContain('"app": "1.2.3"')
    expect(text).toContain('"hasPassword"')
    expect(text).toContain('"url": "https://u"')
    expect(text).toContain('"outcome": "failed"')
    expect(text).not.toContain('very-secret')
  })
})
