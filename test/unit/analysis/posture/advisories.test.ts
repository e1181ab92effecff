/** The advisory table matched by version and by the model codes the controller reports. */
import { describe, expect, it } from 'vitest'
import {
  ADVISORIES,
  ADVISORIES_AS_OF,
  BULLETIN_064_BEAST,
  BULLETIN_064_MODELS,
} from '../../../../src/core/analysis/posture/advisories.js'
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

/** A console record as `stat/device` reports it: internal model code, `type` udm, firmware version with build. */
function consoleCheck(model: string, version: string) {
  const raw = wellKeptRaw()
  raw.devices.push({ mac: '28:70:4e:00:00:02', model, type: 'udm', name: `console ${model}`, version })
  return assessPosture(contextOf(raw)).checks.find((c) => c.id === 'FW-ADVISORY-CONSOLE')
}

describe('Bulletin 064 model codes', () => {
  it.each([
    ['UDMPROSE', '5.0.16.30692'], // UDM SE
    ['UDMPROMAX', '5.1.11.1'], // UDM Pro Max
    ['UDRULT', '5.1.6.2'], // UCG Ultra
    ['UCGMAX', '4.3.6.1'], // UCG Max
    ['UDR7', '5.1.10.1'], // Dream Router 7
    ['UDMA6A8', '5.0.12.1'], // UCG Fiber
  ])('matches %s on %s before 5.1.12 as known exploited', (model, version) => {
    const check = consoleCheck(model, version)
    expect(check?.status).toBe('gap')
    expect(check?.evidence.join(' ')).toMatch(/CVE-2026-34908 \(CVSS 10\.0, known exploited\).*fixed in 5\.1\.12/)
  })

  it('treats the UDM Beast (UDMEA4C) as fixed in 5.1.11, one build before the others', () => {
    expect(consoleCheck('UDMEA4C', '5.1.11.4')?.status).toBe('ok')
    const old = consoleCheck('UDMEA4C', '5.1.10.3')
    expect(old?.status).toBe('gap')
    expect(old?.evidence.join(' ')).toContain('fixed in 5.1.11')
    expect(consoleCheck('UDMPRO', '5.1.11.4')?.status).toBe('gap')
  })

  it('leaves fixed firmware, marketing names and unconfirmed codes unmatched', () => {
    expect(consoleCheck('UDRULT', '5.1.12.3')?.status).toBe('ok')
    expect(consoleCheck('UCG-Ultra', '5.0.1')?.status).toBe('ok')
    // UDR-5G is in the record, but no public source confirms its model code: it is left out, not guessed.
    const unconfirmed = consoleCheck('UDR5G', '5.0.1')
    expect(unconfirmed?.status).toBe('ok')
    expect(unconfirmed?.evidence.join(' ')).not.toContain('UDR5G')
  })

  it('gives every model code a source and an evidence grade, each code once', () => {
    const all = [...BULLETIN_064_MODELS, ...BULLETIN_064_BEAST]
    expect(new Set(all.map((m) => m.code)).size).toBe(all.length)
    for (const m of all) {
      expect(m.code).toMatch(/^[A-Z0-9]+$/)
      expect(m.source.length).toBeGreaterThan(10)
      expect(['capture', 'firmware', 'unverified']).toContain(m.evidence)
    }
  })

  it('flags the KEV listings confirmed in CISA data, and nothing it could not confirm as exploited', () => {
    const kev = (cve: string) => ADVISORIES.filter((a) => a.cve === cve).map((a) => a.kev)
    expect(kev('CVE-2026-34908')).toEqual([true, true])
    expect(kev('CVE-2021-44228')).toEqual([true])
    expect(kev('CVE-2021-45046')).toEqual([true])
    for (const cve of ['CVE-2026-22557', 'CVE-2026-22558', 'CVE-2023-41721', 'CVE-2024-42028', 'CVE-2024-42025'])
      expect(kev(cve), cve).toEqual([null])
  })
})
