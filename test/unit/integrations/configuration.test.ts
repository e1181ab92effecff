import { describe, expect, it } from 'vitest'
import { defaultSettings, type Settings } from '../../../src/shared/settings.js'
import { createMemoryLogger } from '../../../src/core/logger.js'
import { checkConfiguration, PartialConfigWarner } from '../../../src/core/integrations/configuration.js'
import type { CredentialField, Integration } from '../../../src/core/integrations/contract.js'

const fields: CredentialField[] = [
  {
    key: 'apiToken',
    label: 'API token',
    required: true,
    secret: true,
    isSet: (s) => s.cloudflare.apiToken !== undefined,
  },
  {
    key: 'accountId',
    label: 'Account ID',
    required: true,
    secret: false,
    isSet: (s) => s.cloudflare.accountId !== undefined,
  },
  { key: 'zones', label: 'Zones', required: false, secret: false, isSet: (s) => s.cloudflare.zones.length > 0 },
]

function settingsWith(cloudflare: Partial<Settings['cloudflare']>): Settings {
  const settings = defaultSettings()
  return { ...settings, cloudflare: { ...settings.cloudflare, ...cloudflare } }
}

const integration = {
  id: 'cf',
  displayName: 'Cloudflare',
  description: 'test',
  fields,
} as unknown as Integration<unknown>

describe('checkConfiguration', () => {
  it('nothing set → not configured', () => {
    expect(checkConfiguration(fields, defaultSettings())).toEqual({ state: 'not-configured', missing: [] })
  })

  it('some set, a required field missing → partial with the missing keys', () => {
    expect(checkConfiguration(fields, settingsWith({ apiToken: 'secret-token-value' }))).toEqual({
      state: 'partial',
      missing: ['accountId'],
    })
    expect(checkConfiguration(fields, settingsWith({ zones: ['example.com'] }))).toEqual({
      state: 'partial',
      missing: ['apiToken', 'accountId'],
    })
  })

  it('all required set → configured (optional fields may stay empty)', () => {
    expect(checkConfiguration(fields, settingsWith({ apiToken: 't0ken', accountId: 'acc' }))).toEqual({
      state: 'configured',
      missing: [],
    })
  })

  it('an integration without own fields rides on something else and is runnable', () => {
    expect(checkConfiguration([], defaultSettings()).state).toBe('configured')
  })

  it('a throwing isSet counts as unset instead of breaking detection', () => {
    const broken: CredentialField[] = [
      { key: 'a', label: 'A', required: true, secret: false, isSet: () => true },
      {
        key: 'b',
        label: 'B',
        required: true,
        secret: false,
        isSet: () => {
          throw new Error('bug')
        },
      },
    ]
    expect(checkConfiguration(broken, defaultSettings())).toEqual({ state: 'partial', missing: ['b'] })
  })
})

describe('PartialConfigWarner', () => {
  it('warns once per distinct partial configuration, naming the missing fields and no values', () => {
    const logger = createMemoryLogger()
    const warner = new PartialConfigWarner(logger)
    const partial = checkConfiguration(fields, settingsWith({ apiToken: 'secret-token-value' }))
    warner.observe(integration, partial)
    warner.observe(integration, partial)
    expect(logger.records).toHaveLength(1)
    expect(logger.records[0]?.level).toBe('warn')
    expect(logger.records[0]?.message).toBe('Cloudflare: skipped, the settings are incomplete (missing: Account ID).')
    expect(JSON.stringify(logger.records)).not.toContain('secret-token-value')

    warner.observe(integration, checkConfiguration(fields, settingsWith({ accountId: 'acc' })))
    expect(logger.records).toHaveLength(2)
    expect(logger.records[1]?.message).toContain('missing: API token')
  })

  it('is silent when not configured or configured', () => {
    const logger = createMemoryLogger()
    const warner = new PartialConfigWarner(logger)
    warner.observe(integration, checkConfiguration(fields, defaultSettings()))
    warner.observe(integration, checkConfiguration(fields, settingsWith({ apiToken: 't0ken', accountId: 'acc' })))
    expect(logger.records).toHaveLength(0)
  })
})
