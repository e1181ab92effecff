import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defaultSettings, type Settings } from '../../../src/shared/settings.js'
import { createMemoryLogger } from '../../../src/core/logger.js'
import { checkConfiguration, PartialConfigWarner } from '../../../src/core/integrations/configuration.js'
import type { Integration, IntegrationField } from '../../../src/core/integrations/contract.js'

const fields: IntegrationField[] = [
  { key: 'apiToken', label: 'API token', kind: 'secret', required: true },
  { key: 'accountId', label: 'Account ID', kind: 'text', required: true },
  { key: 'zones', label: 'Zones', kind: 'list', required: false },
  { key: 'lookups', label: 'Look-ups per run', kind: 'number', required: false },
  { key: 'verbose', label: 'Verbose', kind: 'boolean', required: false },
]

function settingsWith(values: Record<string, string | string[] | number | boolean>): Settings {
  return { ...defaultSettings(), integrations: { cf: values } }
}

const integration = {
  id: 'cf',
  displayName: 'Cloudflare',
  description: 'test',
  settingsSchema: z.object({}),
  fields,
} as unknown as Integration<unknown>

describe('checkConfiguration', () => {
  it('nothing set → not configured', () => {
    expect(checkConfiguration(integration, defaultSettings())).toEqual({ state: 'not-configured', missing: [] })
  })

  it('some set, a required field missing → partial with the missing keys', () => {
    expect(checkConfiguration(integration, settingsWith({ apiToken: 'secret-token-value' }))).toEqual({
      state: 'partial',
      missing: ['accountId'],
    })
    expect(checkConfiguration(integration, settingsWith({ zones: ['example.com'] }))).toEqual({
      state: 'partial',
      missing: ['apiToken', 'accountId'],
    })
  })

  it('all required set → configured (optional fields may stay empty)', () => {
    expect(checkConfiguration(integration, settingsWith({ apiToken: 't0ken', accountId: 'acc' }))).toEqual({
      state: 'configured',
      missing: [],
    })
  })

  it('blank texts, empty lists, numbers and booleans do not count as something entered', () => {
    const tuningOnly = settingsWith({ apiToken: '   ', zones: [], lookups: 10, verbose: true })
    expect(checkConfiguration(integration, tuningOnly)).toEqual({ state: 'not-configured', missing: [] })
  })

  it('values of another integration do not count', () => {
    const other = { ...defaultSettings(), integrations: { other: { apiToken: 'x' } } }
    expect(checkConfiguration(integration, other).state).toBe('not-configured')
  })

  it('an integration with nothing to enter rides on something else and is runnable', () => {
    expect(checkConfiguration({ id: 'x', fields: [] }, defaultSettings()).state).toBe('configured')
  })

  it('requirements outside its own settings count like required fields; a throwing one counts as unmet', () => {
    const requires = [
      { key: 'a', label: 'A', isMet: () => true },
      {
        key: 'b',
        label: 'B',
        isMet: () => {
          throw new Error('bug')
        },
      },
    ]
    expect(checkConfiguration({ id: 'x', fields: [], requires }, defaultSettings())).toEqual({
      state: 'partial',
      missing: ['b'],
    })
    const none = [{ key: 'a', label: 'A', isMet: () => false }]
    expect(checkConfiguration({ id: 'x', fields: [], requires: none }, defaultSettings()).state).toBe('not-configured')
  })
})

describe('PartialConfigWarner', () => {
  it('warns once per distinct partial configuration, naming the missing fields and no values', () => {
    const logger = createMemoryLogger()
    const warner = new PartialConfigWarner(logger)
    const partial = checkConfiguration(integration, settingsWith({ apiToken: 'secret-token-value' }))
    warner.observe(integration, partial)
    warner.observe(integration, partial)
    expect(logger.records).toHaveLength(1)
    expect(logger.records[0]?.level).toBe('warn')
    expect(logger.records[0]?.message).toBe('Cloudflare: skipped, the settings are incomplete (missing: Account ID).')
    expect(JSON.stringify(logger.records)).not.toContain('secret-token-value')

    warner.observe(integration, checkConfiguration(integration, settingsWith({ accountId: 'acc' })))
    expect(logger.records).toHaveLength(2)
    expect(logger.records[1]?.message).toContain('missing: API token')
  })

  it('is silent when not configured or configured', () => {
    const logger = createMemoryLogger()
    const warner = new PartialConfigWarner(logger)
    warner.observe(integration, checkConfiguration(integration, defaultSettings()))
    warner.observe(integration, checkConfiguration(integration, settingsWith({ apiToken: 't0ken', accountId: 'acc' })))
    expect(logger.records).toHaveLength(0)
  })
})
