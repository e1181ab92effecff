/** The advisory table matched by version and by the model codes the controller reports. */
import { describe, expect, it } from 'vitest'
import { ADVISORIES, ADVISORIES_AS_OF } from '../../../../src/core/analysis/posture/advisories.js'
import { assessPosture } from '../../../../src/core/analysis/posture/assess.js'
import { compareVersions, inRanges, parseVersion } from '../../../../src/core/analysis/posture/versions.js'
import { contextOf, wellKeptRaw } from './posture-builder.js'

const network = (version: string, kind: 'unifi-os' | 'classic' = 'unifi-os') =>
  assessPosture(contextOf(wellKeptRaw(), { kind, version })).checks.find((c) => c.id === 'FW-ADVISORY-NETWORK')

describe('advisories', () => {
  it('is dated and every row has a CVE id, a source, a CVSS score and ranges', () => {
    expect(ADVISORIES_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    for (const a of ADVISORIES) {
      expect(a.cve).toMatch(/^CVE-\d{4}-\d{4,}$/)
      expect(a.source).toContain(a.cve)
      expect(a.cvss).toBeGreaterThan(0)
      expect(a.affected.length).toBeGreaterThan(0)
    }
  })

  it('compares dotted versions with build suffixes and missing segments', () => {
    expect(compareVersions(parseVersion('5.1.26.33914') ?? [], parseVersion('5.1.12') ?? [])).toBeGreaterThan(0)
    expect(inRanges('5.1.11.9999', [{ below: '5.1.12' }])).toBe(true)
    expect(inRanges('5.1.12', [{ below: '5.1.12' }])).toBe(false)
    expect(inRanges('unknown', [{ below: '5.1.12' }])).toBeNull()
  })

  it('matches the Network application by branch: 10.1.85 and 10.2.93 affected, 10.1.89, 10.2.97 and 10.3.58 fixed', () => {
    expect(network('10.1.85')?.evidence.join(' ')).toContain('CVE-2026-22557')
    expect(network('10.2.93')?.status).toBe('gap')
    expect(network('10.1.89')?.status).toBe('ok')
    expect(network('10.2.97')?.status).toBe('ok')
    expect(network('10.3.58')?.status).toBe('ok')
    expect(network('9.0.118')?.status).toBe('ok')
  })

  it('applies self-hosted advisories to classic controllers only, and Log4Shell to 6.5.53', () => {
    expect(network('8.4.60', 'classic')?.evidence.join(' ')).toContain('CVE-2024-42028')
    expect(network('8.4.60', 'classic')?.evidence.join(' ')).toContain('CVE-2026-22557')
    expect(network('6.5.53', 'classic')?.evidence.join(' ')).toContain('CVE-2021-44228')
  })

  it('matches the console by model code (UDMPRO) from stat/device, not by a marketing name', () => {
    const raw = wellKeptRaw()
    raw.devices.push({
      mac: '28:70:4e:00:00:01',
      model: 'UDMPRO',
      type: 'udm',
      name: 'Dream Machine Pro',
      version: '5.0.16.30692',
    })
    const check = assessPosture(contextOf(raw)).checks.find((c) => c.id === 'FW-ADVISORY-CONSOLE')
    expect(check?.status).toBe('gap')
    expect(check?.evidence.join(' ')).toContain('CVE-2026-34908')
    const named = wellKeptRaw()
    named.devices.push({ mac: '28:70:4e:00:00:01', model: 'UDM-PRO', type: 'udm', name: 'x', version: '5.0.16' })
    named.sysinfo.ubnt_device_type = 'UNKNOWN'
    expect(assessPosture(contextOf(named)).checks.find((c) => c.id === 'FW-ADVISORY-CONSOLE')?.status).toBe('ok')
  })
})
