import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { describeIntegrations } from '../../../src/core/integrations/descriptors.js'
import { integrations } from '../../../src/core/integrations/registry.js'
import { aboutInfo, APP_LICENCE } from '../../../src/main/app/about.js'

describe('About box', () => {
  it('names the licence package.json declares', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { license: string }
    expect(APP_LICENCE).toBe(pkg.license)
  })

  it('lists every registered integration with the attribution lines it declares, in registry order', () => {
    const about = aboutInfo({ name: 'unifi-scanner', version: '1.2.3' }, describeIntegrations(integrations))
    expect(about).toMatchObject({ name: 'unifi-scanner', version: '1.2.3', licence: APP_LICENCE })
    expect(about.integrations).toEqual(
      integrations.map((integration) => ({
        id: integration.id,
        displayName: integration.displayName,
        attribution: [...(integration.attribution ?? [])],
      })),
    )
  })
})
