/** Finding identities and the comparison with the previous complete report, by hand-built findings. */
import { describe, expect, it } from 'vitest'
import { compareFindings, type StoredFinding } from '../../../src/core/analysis/changes/compare.js'
import { findingKey, threatKey, type TrackedFinding } from '../../../src/core/analysis/changes/identity.js'
import type { Finding, ThreatGroup } from '../../../src/core/analysis/model.js'

const all = { events: true, devices: true, threats: true }

function finding(over: Partial<Finding>): Finding {
  return {
    id: 'x',
    severity: 'medium',
    category: 'security',
    rule: 'admin_login_failed',
    title: '[Security] Failed admin login from 203.0.113.9',
    description: '',
    remediation: [],
    occurrences: 1,
    recurring: false,
    firstSeenMs: 0,
    lastSeenMs: 0,
    deviceMac: null,
    deviceName: null,
    eventType: null,
    ...over,
  }
}

const tracked = (key: string, source: TrackedFinding['source'] = 'events'): TrackedFinding => ({
  key,
  source,
  severity: 'medium',
  title: key,
})
const stored = (key: string, firstSeen: string, streak: number, source: StoredFinding['source'] = 'events') => ({
  ...tracked(key, source),
  firstSeen,
  streak,
})

describe('finding identity', () => {
  it('is the rule and its subject: the device MAC, the address in the title, else the title', () => {
    expect(findingKey(finding({}))).toBe('admin_login_failed:203.0.113.9')
    // Another count or wording of the same failure from the same address is the same finding.
    expect(findingKey(finding({ title: '[Security] 7 failed admin logins from 203.0.113.9', occurrences: 7 }))).toBe(
      'admin_login_failed:203.0.113.9',
    )
    expect(findingKey(finding({ rule: 'health_cpu', deviceMac: 'AA:BB:CC:00:11:22', title: 'High CPU on AP' }))).toBe(
      'health_cpu:aa:bb:cc:00:11:22',
    )
    expect(findingKey(finding({ rule: 'dpi_off', title: 'DPI is off (3 networks)' }))).toBe(
      'dpi_off:dpi is off (# networks)',
    )
  })

  it('names a threat group by category and signature', () => {
    const group = {
      categoryRaw: 'ET SCAN',
      categoryName: 'Network scan',
      signatureId: 2009358,
      signature: 'ET SCAN Nmap',
    }
    expect(threatKey(group as ThreatGroup)).toBe('threat:et scan:2009358')
  })
})

describe('comparison with the previous complete report', () => {
  it('is a baseline when there is none: nothing new, nothing resolved, every finding starts its streak', () => {
    const result = compareFindings([tracked('a'), tracked('b')], null, '2026-12-04T06:00:00+00:00', all)
    expect(result).toMatchObject({ baseline: true, previousAt: null, new: [], resolved: [], recurring: [] })
    expect(result.stored.map((f) => [f.key, f.firstSeen, f.streak])).toEqual([
      ['a', '2026-12-04T06:00:00+00:00', 1],
      ['b', '2026-12-04T06:00:00+00:00', 1],
    ])
  })

  it('names new, resolved and recurring, carrying the first-seen date and counting the streak', () => {
    const previous = {
      generatedAt: '2026-12-03T06:00:00+00:00',
      findings: [stored('kept', '2026-11-30T06:00:00+00:00', 3), stored('fixed', '2026-12-03T06:00:00+00:00', 1)],
    }
    const result = compareFindings([tracked('kept'), tracked('fresh')], previous, '2026-12-04T06:00:00+00:00', all)
    expect(result.baseline).toBe(false)
    expect(result.previousAt).toBe('2026-12-03T06:00:00+00:00')
    expect(result.new.map((f) => f.key)).toEqual(['fresh'])
    expect(result.resolved.map((f) => f.key)).toEqual(['fixed'])
    expect(result.recurring).toEqual([{ ...tracked('kept'), firstSeen: '2026-11-30T06:00:00+00:00', streak: 4 }])
  })

  it('never calls a finding resolved when its source was not read in full this time', () => {
    const previous = { generatedAt: 'p', findings: [stored('hot-ap', 'p', 2, 'devices'), stored('login', 'p', 1)] }
    const result = compareFindings([], previous, 'now', { events: true, devices: false, threats: true })
    expect(result.resolved.map((f) => f.key)).toEqual(['login'])
  })
})
