import { describe, expect, it } from 'vitest'
import { classifyCyberSecure, normaliseMode } from '../../../src/core/integrations/cybersecure/classify.js'
import { renderCyberSecureSection } from '../../../src/core/integrations/cybersecure/section.js'
import type { CollectedThreat, IpsSettings } from '../../../src/core/unifi/model.js'

function threat(overrides: Partial<CollectedThreat>): CollectedThreat {
  return {
    origins: ['stat/ips/event'],
    timestampMs: Date.parse('2026-11-28T10:00:00Z'),
    srcIp: '203.0.113.7',
    srcPort: 51515,
    dstIp: '192.168.1.20',
    dstPort: 443,
    protocol: 'TCP',
    signature: 'ET SCAN Nmap Scripting Engine User-Agent Detected',
    signatureId: 2009358,
    category: 'emerging-scan',
    severity: 2,
    action: 'blocked',
    srcCountry: 'NL',
    dstCountry: null,
    direction: 'inbound',
    ...overrides,
  }
}

const ipsOn: IpsSettings = {
  mode: 'ips',
  enabledCategories: ['emerging-malware', 'botcc'],
  adBlocking: true,
  contentFiltering: true,
  indicators: {},
}

const classify = (threats: CollectedThreat[], settings: IpsSettings | null = ipsOn) =>
  classifyCyberSecure({ threats, settings, settingsNote: null, threatSources: ['traffic-flows'] })

describe('CyberSecure SID boundaries', () => {
  it.each([
    [2799999, 'not-detected'],
    [2800000, 'active'],
    [2850000, 'active'],
    [2899999, 'active'],
    [2900000, 'not-detected'],
  ] as const)('SID %i → %s', (sid, status) => {
    expect(classify([threat({ signatureId: sid, signature: 'Some rule' })]).status).toBe(status)
  })

  it('understands the ETPRO prefix when no SID is known', () => {
    const data = classify([threat({ signatureId: null, signature: 'ETPRO TROJAN Win32/Example CnC Checkin' })])
    expect(data.status).toBe('active')
    expect(data.topEtPro[0]?.categoryName).toBe('Trojan Activity')
  })
})

describe('classifyCyberSecure', () => {
  it('counts threats by ruleset, blocked vs detected, and lists top ET PRO signatures', () => {
    const data = classify([
      threat({ signatureId: 2810001, signature: 'ETPRO MALWARE Example Beacon', action: 'block' }),
      threat({ signatureId: 2810001, signature: 'ETPRO MALWARE Example Beacon', action: 'alert' }),
      threat({ signatureId: 2810002, signature: 'ETPRO TROJAN Other', action: 'drop' }),
      threat({ signatureId: 2009358, action: 'allowed' }),
      threat({ signatureId: 2200003, signature: 'SURICATA STREAM bad window', action: 'allowed' }),
    ])
    expect(data.status).toBe('active')
    expect(data.evidence).toContain('3 of 5')
    expect(data.totals).toEqual({ total: 5, blocked: 2, detected: 3 })
    expect(data.byRuleset['et-pro']).toEqual({ total: 3, blocked: 2, detected: 1 })
    expect(data.byRuleset['et-open']).toEqual({ total: 1, blocked: 0, detected: 1 })
    expect(data.byRuleset.other.total).toBe(1)
    expect(data.topEtPro.map((s) => [s.signatureId, s.count])).toEqual([
      [2810001, 2],
      [2810002, 1],
    ])
    expect(data.recommendations.join(' ')).toContain('1 ET PRO detection was allowed through')
  })

  it('only ET Open threats → not detected (never "not subscribed")', () => {
    const data = classify([
      threat({}),
      threat({ signatureId: 2400022, signature: 'ET DROP Spamhaus DROP Listed Traffic' }),
    ])
    expect(data.status).toBe('not-detected')
    expect(data.evidence).not.toMatch(/not subscribed/i)
    expect(data.evidence).toContain('does not prove')
  })

  it('IPS off → unknown with the reason, and a recommendation to turn it on', () => {
    const data = classify([], { ...ipsOn, mode: 'disabled' })
    expect(data.status).toBe('unknown')
    expect(data.evidence).toContain('turned off')
    expect(data.recommendations[0]).toContain('Turn on Intrusion Prevention')
  })

  it('no threats → unknown; system-log threats without SIDs → unknown and unattributed', () => {
    expect(classify([]).status).toBe('unknown')
    const data = classify([
      threat({ origins: ['system-log'], signatureId: null, signature: 'Threat detected', category: null }),
    ])
    expect(data.status).toBe('unknown')
    expect(data.unattributed).toBe(1)
    expect(data.evidence).toContain('no signature ids')
  })

  it('detection-only mode is called out with how many threats were not stopped', () => {
    const data = classify([threat({ action: 'alert' }), threat({ action: 'alert' })], { ...ipsOn, mode: 'IDS' })
    expect(data.ipsMode).toBe('ids')
    expect(data.recommendations.join(' ')).toContain('detection-only mode (IDS): 2 threats were logged but not stopped')
  })

  it('normalises the console spellings of the mode', () => {
    expect(normaliseMode('ipsInline')).toBe('ips')
    expect(normaliseMode('IDS')).toBe('ids')
    expect(normaliseMode('disabled')).toBe('disabled')
    expect(normaliseMode(null)).toBeNull()
  })
})

describe('CyberSecure section', () => {
  it('states the status and evidence, the ruleset table and the top ET PRO signatures', () => {
    const section = renderCyberSecureSection(
      classify([threat({ signatureId: 2810001, signature: 'ETPRO MALWARE Example Beacon' }), threat({})]),
    )
    expect(section.title).toBe('CyberSecure (Proofpoint ET PRO)')
    const evidence = section.blocks[0]
    expect(evidence?.type === 'paragraph' ? evidence.text : '').toContain('1 of 2')
    const tables = section.blocks.filter((b) => b.type === 'table')
    expect(tables.map((t) => t.caption)).toEqual(['Threats by ruleset', 'Top ET PRO signatures'])
    expect(JSON.stringify(tables[1])).toContain('Malware Activity')
  })

  it('notes a settings endpoint the firmware does not have without failing', () => {
    const data = classifyCyberSecure({
      threats: [],
      settings: null,
      settingsNote: 'This console does not expose its threat-management settings.',
      threatSources: [],
    })
    const section = renderCyberSecureSection(data)
    expect(JSON.stringify(section)).toContain('does not expose its threat-management settings')
    expect(data.ipsMode).toBeNull()
  })
})
