import { describe, expect, it } from 'vitest'
import { ConfigError } from '../../../../src/core/errors.js'
import { migrate } from '../../../../src/main/settings/migrate.js'

describe('settings migration', () => {
  it('upgrades a version-0 file: drops verifyTls, renames report.outputFolder, extracts secrets', () => {
    const result = migrate({
      unifi: { url: 'https://10.0.0.1', verifyTls: false, password: 'pw-secret', username: 'admin' },
      report: { outputFolder: '/srv/reports', lookbackHours: 12 },
      cloudflare: { apiToken: 'cf-token-secret' },
    })
    expect(result.fromVersion).toBe(0)
    expect(result.settings.schemaVersion).toBe(2)
    expect(result.settings.report).toMatchObject({ outputDir: '/srv/reports', lookbackHours: 12 })
    expect(result.settings.unifi).not.toHaveProperty('verifyTls')
    expect(result.extractedSecrets).toEqual({
      'unifi.password': 'pw-secret',
      'integrations.cloudflare.apiToken': 'cf-token-secret',
    })
    expect(JSON.stringify(result.settings)).not.toMatch(/secret/)
  })

  it('upgrades a version-1 file: the cloudflare section becomes integrations.cloudflare, its token a vault secret', () => {
    const result = migrate({
      schemaVersion: 1,
      unifi: { url: 'https://10.0.0.1' },
      cloudflare: { apiToken: 'cf-token-secret', accountId: 'acc-1', zones: ['example.com'] },
    })
    expect(result.fromVersion).toBe(1)
    expect(result.settings.schemaVersion).toBe(2)
    expect(result.settings).not.toHaveProperty('cloudflare')
    expect(result.settings.integrations).toEqual({ cloudflare: { accountId: 'acc-1', zones: ['example.com'] } })
    expect(result.extractedSecrets).toEqual({ 'integrations.cloudflare.apiToken': 'cf-token-secret' })
  })

  it("refuses integration values that fail the integration's own schema", () => {
    expect(() =>
      migrate({ schemaVersion: 2, integrations: { cloudflare: { apiUrl: 'http://api.example.com/client/v4' } } }),
    ).toThrow(/integrations\.cloudflare\.apiUrl/)
  })

  it('keeps a current file as it is', () => {
    const result = migrate({ schemaVersion: 2, unifi: { url: 'https://u', site: 'hq' } })
    expect(result.fromVersion).toBe(2)
    expect(result.settings.unifi.site).toBe('hq')
    expect(result.extractedSecrets).toEqual({})
  })

  it.each([
    ['an array', []],
    ['a string', 'hello'],
    ['null', null],
    ['a newer schema', { schemaVersion: 7 }],
    ['a bad schemaVersion', { schemaVersion: 'one' }],
    ['invalid values', { schemaVersion: 1, report: { lookbackHours: -3 } }],
  ])('rejects %s with a ConfigError', (_label, raw) => {
    expect(() => migrate(raw)).toThrow(ConfigError)
  })
})
