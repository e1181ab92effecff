import { describe, expect, it } from 'vitest'
import { parseHealth, parseIpsSettings, parseSites, parseSysinfo } from '../../../src/core/unifi/parse/controller.js'
import { loginFailure } from '../../../src/core/unifi/login-response.js'
import { LoginRateLimitedError, MfaRequiredError } from '../../../src/core/unifi/errors.js'
import type { HttpResponse } from '../../../src/core/http/index.js'
import { realFixture } from './fixtures.js'

describe('controller records from real fixtures', () => {
  it('lists the sites of aiounifi/sites/self-sites.json', () => {
    const envelope = realFixture('aiounifi/sites/self-sites.json') as { data: unknown[] }
    expect(parseSites(envelope.data)).toEqual([{ name: 'default', description: 'Default' }])
  })

  it('reads the version and hostname of aiounifi/sysinfo/stat-sysinfo-item.json', () => {
    expect(parseSysinfo([realFixture('aiounifi/sysinfo/stat-sysinfo-item.json')]).version).toBe('7.4.162')
  })

  it('reads every subsystem of unpoller-unifi/health/stat-health.json', () => {
    const envelope = realFixture('unpoller-unifi/health/stat-health.json') as { data: { subsystem: string }[] }
    const health = parseHealth(envelope.data)
    expect(health.map((item) => item.subsystem)).toEqual(envelope.data.map((item) => item.subsystem))
    expect(health.every((item) => typeof item.status === 'string')).toBe(true)
  })

  it('reads the ips settings section and never exposes utm_token', () => {
    const settings = parseIpsSettings([
      { key: 'mgmt', x: 1 },
      {
        key: 'ips',
        ips_mode: 'ips',
        enabled_categories: ['emerging-malware', 'botcc'],
        utm_token: 'secret-utm-token-value',
        honeypot_enabled: false,
        dns_filtering: 'none',
        suppression: { enabled: true, alerts: [] },
        ad_blocking_enabled: true,
      },
    ])
    expect(settings).toMatchObject({ mode: 'ips', enabledCategories: ['emerging-malware', 'botcc'], adBlocking: true })
    expect(settings?.indicators).toMatchObject({
      honeypot_enabled: false,
      dns_filtering: 'none',
      'suppression.enabled': true,
    })
    expect(JSON.stringify(settings)).not.toContain('secret-utm-token-value')
    expect(parseIpsSettings([{ key: 'mgmt' }])).toBeNull()
  })
})

describe('login responses (aiounifi/auth/error-responses.json)', () => {
  const responses = realFixture('aiounifi/auth/error-responses.json') as Record<
    string,
    { status: number; body: unknown; contentType?: string }
  >
  const reply = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
    status,
    headers,
    text: typeof body === 'string' ? body : JSON.stringify(body),
    url: 'https://console/api/auth/login',
  })
  const NOW = 1_800_000_000_000

  it('accepts the classic and UniFi OS success bodies', () => {
    const ok = responses.classicLoginOk
    expect(ok && loginFailure(reply(ok.status, ok.body), 'reader', 'https://c', NOW)).toBeNull()
    expect(
      loginFailure(reply(200, realFixture('aiounifi/auth/login-unifios-response.json')), 'reader', 'https://c', NOW),
    ).toBeNull()
  })

  it('maps 429 to a rate-limit auth error with a 60 s default and honours Retry-After', () => {
    const limited = responses.loginRateLimited
    if (limited === undefined) throw new Error('fixture missing')
    const fallback = loginFailure(reply(limited.status, limited.body), 'reader', 'https://c', NOW)
    expect(fallback).toBeInstanceOf(LoginRateLimitedError)
    expect(fallback).toMatchObject({
      kind: 'auth',
      code: 'UNIFI_LOGIN_RATE_LIMITED',
      retryAfterMs: 60_000,
      retryAt: NOW + 60_000,
    })
    const told = loginFailure(reply(429, limited.body, { 'retry-after': '120' }), 'reader', 'https://c', NOW)
    expect(told).toMatchObject({ retryAfterMs: 120_000 })
    expect(told?.message).toContain(new Date(NOW + 120_000).toISOString())
  })

  it('maps local 2FA and SSO MFA (499) to MfaRequiredError that suggests a local admin or an API key', () => {
    for (const name of ['localTwoFactorRequired', 'ssoMfaRequired']) {
      const fixture = responses[name]
      if (fixture === undefined) throw new Error(`fixture ${name} missing`)
      const error = loginFailure(reply(fixture.status, fixture.body), 'reader', 'https://c', NOW)
      expect(error).toBeInstanceOf(MfaRequiredError)
      expect(error?.message).toMatch(/LOCAL admin/)
      expect(error?.message).toMatch(/API key/)
    }
  })

  it('maps bad credentials (classic api.err.Invalid, UniFi OS 403) to UNIFI_BAD_CREDENTIALS without the password', () => {
    const classic = loginFailure(
      reply(400, { meta: { rc: 'error', msg: 'api.err.Invalid' }, data: [] }),
      'reader',
      'https://c',
      NOW,
    )
    const os = loginFailure(
      reply(403, { code: 'AUTHENTICATION_FAILED_INVALID_CREDENTIALS', message: 'Invalid username or password' }),
      'reader',
      'https://c',
      NOW,
    )
    for (const error of [classic, os]) {
      expect(error).toMatchObject({ kind: 'auth', code: 'UNIFI_BAD_CREDENTIALS' })
      expect(error?.message).toContain('"reader"')
    }
  })

  it('treats a text reply as "controller starting", not as a credentials error', () => {
    const starting = responses.hostStartingUp
    if (starting === undefined) throw new Error('fixture missing')
    expect(loginFailure(reply(starting.status, starting.body), 'reader', 'https://c', NOW)).toMatchObject({
      kind: 'server',
      code: 'UNIFI_STARTING',
    })
  })
})
