import { describe, expect, it } from 'vitest'
import {
  analyseThreats,
  DETECTION_ONLY_NOTE,
  INFERRED_DETECTION_NOTE,
  IPS_DISABLED_NOTE,
  isBlockedAction,
} from '../../../src/core/analysis/threat-analysis.js'
import { isInternalIp } from '../../../src/core/analysis/ip-ranges.js'
import type { IpsSettings } from '../../../src/core/unifi/model.js'
import { threat, T0 } from './builders.js'
import { flowThreats, ipsThreats, readFixture } from './real-fixtures.js'

const settings = (mode: string): IpsSettings => ({
  mode,
  enabledCategories: [],
  adBlocking: null,
  contentFiltering: null,
  indicators: {},
})

describe('blocked vs detected', () => {
  it.each([
    ['block', true],
    ['BLOCK', true],
    ['blocked', true],
    ['Drop', true],
    ['reject', true],
    ['allowed', false],
    ['ALLOW', false],
    ['alert', false],
    ['pass', false],
    ['', false],
  ])('action %j blocked: %s', (action, expected) => {
    expect(isBlockedAction(action)).toBe(expected)
  })

  it('counts totals and per-group blocked/detected', () => {
    const result = analyseThreats(
      [threat({ action: 'block' }), threat({ action: 'allowed' }), threat({ action: 'DROP' })],
      settings('ips'),
    )
    expect([result.total, result.blocked, result.detected]).toEqual([3, 2, 1])
    expect(result.groups).toHaveLength(1)
    expect([result.groups[0]?.count, result.groups[0]?.blocked, result.groups[0]?.detected]).toEqual([3, 2, 1])
  })
})

describe('grouping by signature', () => {
  it('groups by exact signature, takes the worst severity, and sorts severe first then by count', () => {
    const result = analyseThreats(
      [
        threat({ signature: 'ET SCAN A', severity: 3, timestampMs: T0 + 5000 }),
        threat({ signature: 'ET SCAN A', severity: 2, srcIp: '198.51.100.1', timestampMs: T0 }),
        threat({ signature: 'ET SCAN A', severity: 3 }),
        threat({
          signature: 'ETPRO TROJAN B',
          signatureId: 2810001,
          severity: 1,
          category: 'A Network Trojan was Detected',
        }),
      ],
      settings('ips'),
    )
    expect(result.groups.map((group) => [group.signature, group.severity, group.count])).toEqual([
      ['ETPRO TROJAN B', 'severe', 1],
      ['ET SCAN A', 'medium', 3],
    ])
    const scan = result.groups[1]
    expect(scan?.categoryName).toBe('Reconnaissance')
    expect(scan?.sourceIps).toEqual(['203.0.113.50', '198.51.100.1'])
    expect(scan?.firstSeenMs).toBe(T0)
    expect(scan?.lastSeenMs).toBe(T0 + 5000)
    expect(scan?.cyberSecure).toBe(false)
    expect(result.groups[0]?.cyberSecure).toBe(true)
    expect(result.groups[0]?.categoryName).toBe('Trojan Activity')
  })

  it('marks a group CyberSecure when any of its events is ET PRO', () => {
    const result = analyseThreats(
      [threat({ signature: 'X', signatureId: 2009358 }), threat({ signature: 'X', signatureId: 2800000 })],
      null,
    )
    expect(result.groups[0]?.cyberSecure).toBe(true)
    expect(result.byRuleset).toEqual({
      'et-pro': { total: 1, blocked: 0, detected: 1 },
      'et-open': { total: 1, blocked: 0, detected: 1 },
      other: { total: 0, blocked: 0, detected: 0 },
    })
  })

  it('names a group from the classtype when neither signature nor group is an ET category', () => {
    const result = analyseThreats(
      [threat({ signature: 'Custom rule 7', signatureId: 1000007, category: null, classtype: 'Misc Attack' })],
      null,
    )
    expect(result.groups[0]?.categoryName).toBe('Misc Attack')
    expect(result.groups[0]?.categoryRaw).toBe('Misc Attack')
    const trojan = analyseThreats(
      [threat({ signature: 'Custom', category: null, classtype: 'A Network Trojan was Detected' })],
      null,
    )
    expect(trojan.groups[0]?.categoryName).toBe('Trojan Activity')
  })

  it('never marks threats without SID or ETPRO signature (system-log threats) as CyberSecure', () => {
    const result = analyseThreats(
      [threat({ signature: '', signatureId: null, category: null, origins: ['system-log'] })],
      null,
    )
    expect(result.groups[0]?.signature).toBe('Unidentified threat (no signature available)')
    expect(result.groups[0]?.cyberSecure).toBe(false)
    expect(result.groups[0]?.categoryName).toBe('Security Event')
    expect(result.byRuleset.other.total).toBe(1)
  })
})

describe('remediation per category and severity', () => {
  it('gives severe detected threats numbered category steps with the addresses filled in', () => {
    const [group] = analyseThreats(
      [threat({ signature: 'ET TROJAN Example', severity: 1, srcIp: '192.168.1.77', dstIp: '198.51.100.99' })],
      settings('ips'),
    ).groups
    expect(group?.remediation.length).toBeGreaterThanOrEqual(5)
    expect(group?.remediation.join(' ')).toContain('192.168.1.77')
    expect(group?.remediation.join(' ')).not.toMatch(/consult a professional/i)
  })

  it('gives medium threats a short sentence and low threats "no action typically required"', () => {
    const medium = analyseThreats([threat({ signature: 'ET SCAN x', severity: 2 })], null).groups[0]
    expect(medium?.remediation).toHaveLength(1)
    expect(medium?.remediation[0]).toContain('203.0.113.50')
    const low = analyseThreats([threat({ signature: 'ET SCAN x', severity: 3 })], null).groups[0]
    expect(low?.remediation[0]).toMatch(/No action is typically required/)
  })

  it('renders a missing address in words, never as a bracketed placeholder', () => {
    const group = analyseThreats([threat({ signature: 'ET SCAN x', severity: 2, srcIp: null })], null).groups[0]
    expect(group?.remediation[0]).toContain('the source address')
    expect(group?.remediation[0]).not.toMatch(/\[src_ip\]/)
  })

  it('gives fully blocked groups no steps, but shows a false-positive note where the category has one', () => {
    const blocked = analyseThreats([threat({ signature: 'ET TROJAN x', severity: 1, action: 'block' })], null)
    expect(blocked.groups[0]?.remediation).toEqual([])
    const p2p = analyseThreats(
      [threat({ signature: 'ET P2P BitTorrent peer sync', severity: 3, action: 'block' })],
      null,
    )
    expect(p2p.groups[0]?.remediation).toEqual([expect.stringMatching(/^Possible false positive: Game launchers/)])
  })

  it('uses the medium text for severe categories that have no severe text (INFO)', () => {
    const info = analyseThreats([threat({ signature: 'ET INFO Observed DNS Query to .cloud TLD', severity: 1 })], null)
    expect(info.groups[0]?.remediation).toEqual([expect.stringContaining('informational signature')])
  })
})

describe('source-IP summaries', () => {
  const many = (count: number, srcIp: string) => Array.from({ length: count }, () => threat({ srcIp }))

  it('lists a source with exactly 10 events and not one with 9', () => {
    const result = analyseThreats([...many(10, '203.0.113.10'), ...many(9, '203.0.113.9')], null)
    expect(result.topSources.map((source) => [source.ip, source.count])).toEqual([['203.0.113.10', 10]])
  })

  it('splits external from internal (external first, then by count, then address) with categories and country', () => {
    const result = analyseThreats(
      [
        ...many(12, '192.168.1.50'),
        ...many(11, '203.0.113.7'),
        ...Array.from({ length: 10 }, () => threat({ srcIp: '198.51.100.3', action: 'block', srcCountry: 'RU' })),
        threat({ srcIp: '198.51.100.3', signature: 'ET TROJAN y', srcCountry: 'RU' }),
      ],
      null,
    )
    expect(result.topSources.map((source) => [source.ip, source.internal, source.count])).toEqual([
      ['198.51.100.3', false, 11],
      ['203.0.113.7', false, 11],
      ['192.168.1.50', true, 12],
    ])
    const mixed = result.topSources[0]
    expect(mixed?.blocked).toBe(10)
    expect(mixed?.detected).toBe(1)
    expect(mixed?.categories).toEqual(['Reconnaissance (10)', 'Trojan Activity (1)'])
    expect(mixed?.country).toBe('RU')
  })

  it.each([
    ['10.0.0.1', true],
    ['172.15.255.255', false],
    ['172.16.0.0', true],
    ['172.31.255.255', true],
    ['172.32.0.0', false],
    ['192.168.0.1', true],
    ['100.63.255.255', false],
    ['100.64.0.1', true],
    ['100.127.255.255', true],
    ['100.128.0.0', false],
    ['127.0.0.1', true],
    ['169.254.10.1', true],
    ['8.8.8.8', false],
    ['203.0.113.5', false],
    ['::1', true],
    ['fe80::1', true],
    ['fd12:3456::1', true],
    ['fc00::1', true],
    ['2001:db8::1', false],
    ['::ffff:192.168.1.1', true],
    ['not-an-ip', false],
  ])('%s internal: %s', (ip, expected) => {
    expect(isInternalIp(ip)).toBe(expected)
  })
})

describe('detection-only mode', () => {
  it('notes IDS mode from the settings even when something was blocked', () => {
    expect(analyseThreats([threat({ action: 'block' })], settings('ids')).notes).toEqual([DETECTION_ONLY_NOTE])
  })

  it('infers it when nothing was blocked and the settings are unknown', () => {
    expect(analyseThreats([threat()], null).notes).toEqual([INFERRED_DETECTION_NOTE])
    expect(analyseThreats([threat({ action: 'block' })], null).notes).toEqual([])
    expect(analyseThreats([], null).notes).toEqual([])
  })

  it('does not claim detection-only mode when the settings say IPS, and says so when IPS is off', () => {
    expect(analyseThreats([threat()], settings('ips')).notes).toEqual([])
    expect(analyseThreats([], settings('disabled')).notes).toEqual([IPS_DISABLED_NOTE])
  })
})

describe('real IPS captures', () => {
  it('analyses the legacy stat/ips/event and stat/event IPS rows (flat inner_alert_* keys)', () => {
    const threats = [
      ...ipsThreats(readFixture('unpoller-unifi/ips/stat-ips-event-data.json') as unknown[]),
      ...ipsThreats(readFixture('unpoller-unifi/events/stat-event-data.json') as unknown[]),
    ]
    const result = analyseThreats(threats, null)
    expect(result.total).toBe(2)
    expect(result.detected).toBe(2)
    expect(result.notes).toEqual([INFERRED_DETECTION_NOTE])
    expect(result.byRuleset['et-open'].total).toBe(2)
    const bySignature = new Map(result.groups.map((group) => [group.signature, group]))
    const spamhaus = bySignature.get('ET DROP Spamhaus DROP Listed Traffic Inbound group 23')
    expect(spamhaus?.categoryName).toBe('Blocked by Reputation')
    expect(spamhaus?.severity).toBe('medium')
    expect(spamhaus?.signatureId).toBe(2400022)
    const malware = bySignature.get('ET MALWARE Suspicious User Agent (Autoupdate)')
    expect(malware?.severity).toBe('severe')
    expect(malware?.categoryName).toBe('Malware Activity')
    expect(malware?.remediation.join(' ')).toContain('192.168.1.199')
    expect(result.groups.every((group) => !group.cyberSecure)).toBe(true)
  })

  it('analyses v2 traffic flows with upper-case actions', () => {
    const result = analyseThreats(flowThreats('unifi-mcp/v2/traffic-flows.json'), settings('ips'))
    expect(result.total).toBe(1)
    expect(result.blocked).toBe(1)
    expect(result.groups[0]?.severity).toBe('severe')
    expect(result.groups[0]?.remediation).toEqual([])
  })
})
