/** Pure analytics helpers: window clipping to plan limits, action buckets, DNS codes as strings, top lists. */
import { describe, expect, it } from 'vitest'
import {
  actionBucket,
  estimatedCount,
  mergeCounts,
  normaliseAction,
} from '../../../src/core/integrations/cloudflare/aggregate.js'
import { dnsTotals } from '../../../src/core/integrations/cloudflare/dns.js'
import { toCloudflareTime } from '../../../src/core/integrations/cloudflare/graphql.js'
import {
  clipWindow,
  parseZoneSettings,
  planDefaultLimits,
} from '../../../src/core/integrations/cloudflare/plan-limits.js'
import { selectZones } from '../../../src/core/integrations/cloudflare/zones.js'

const NOW = Date.parse('2026-03-10T12:00:30.500Z')
const HOUR = 3_600_000

describe('clipWindow', () => {
  const free = planDefaultLimits('free').securityEvents

  it('leaves a window inside the plan retention alone, in whole seconds', () => {
    const result = clipWindow({ since: NOW - 6 * HOUR, until: NOW }, free, NOW)
    expect(toCloudflareTime(result.since)).toBe('2026-03-10T06:00:31Z')
    expect(toCloudflareTime(result.until)).toBe('2026-03-10T12:00:30Z')
    expect(result.clipped).toBeNull()
  })

  it('clips to the retention with a clock margin and says why', () => {
    const result = clipWindow({ since: NOW - 72 * HOUR, until: NOW }, free, NOW)
    expect(result.clipped).toEqual({ requestedSince: NOW - 72 * HOUR, limitSeconds: 86_400, reason: 'retention' })
    expect(result.since).toBeGreaterThan(NOW - 24 * HOUR)
    expect(result.since).toBeLessThanOrEqual(NOW - 24 * HOUR + 61_000)
  })

  it('never asks for the future: the end is capped at now', () => {
    const result = clipWindow({ since: NOW - HOUR, until: NOW + HOUR }, free, NOW)
    expect(result.until).toBe(Date.parse('2026-03-10T12:00:30Z'))
  })

  it('uses the settings node limits over the plan defaults', () => {
    const parsed = parseZoneSettings({
      firewallEventsAdaptiveGroups: { enabled: true, maxDuration: 259_200, notOlderThan: 259_200, maxPageSize: 10_000 },
      dnsAnalyticsAdaptiveGroups: { enabled: false, maxDuration: 604_800, notOlderThan: 691_200 },
    })
    expect(parsed?.assumed).toBe(false)
    expect(parsed?.dns.enabled).toBe(false)
    expect(clipWindow({ since: NOW - 48 * HOUR, until: NOW }, parsed?.securityEvents ?? free, NOW).clipped).toBeNull()
    expect(parseZoneSettings({ firewallEventsAdaptiveGroups: { enabled: true } })).toBeNull()
  })
})

describe('actions and counts', () => {
  it('normalises the spellings of GraphQL and Logpush', () => {
    expect(normaliseAction('managed_challenge')).toBe('managed_challenge')
    expect(normaliseAction('managedChallenge')).toBe('managed_challenge')
    expect(normaliseAction('MANAGED_CHALLENGE')).toBe('managed_challenge')
    expect(normaliseAction('jschallenge')).toBe('jschallenge')
  })

  it('keeps solved, skipped and closed outcomes out of the block and challenge counts', () => {
    expect(actionBucket('block')).toBe('blocked')
    expect(actionBucket('managed_challenge')).toBe('challenged')
    expect(actionBucket('jschallenge')).toBe('challenged')
    expect(actionBucket('log')).toBe('logged')
    for (const other of [
      'allow',
      'skip',
      'bypass',
      'connection_close',
      'managed_challenge_interactive_solved',
      'newThing',
    ]) {
      expect(actionBucket(other)).toBe('other')
    }
  })

  it('multiplies sampled counts by the sample interval', () => {
    expect(estimatedCount({ count: 7, avg: { sampleInterval: 10 } })).toBe(70)
    expect(estimatedCount({ count: 7 })).toBe(7)
    expect(estimatedCount({ count: 3, avg: { sampleInterval: 1.5 } })).toBe(5)
  })

  it('merges top lists across zones, largest first', () => {
    const merged = mergeCounts([
      [
        { key: 'a', count: 3 },
        { key: 'b', count: 5 },
      ],
      [{ key: 'a', count: 4 }],
    ])
    expect(merged).toEqual([
      { key: 'a', count: 7 },
      { key: 'b', count: 5 },
    ])
  })

  it('counts DNS response codes as strings, never as numbers, with the rest as other', () => {
    const totals = dnsTotals(
      [
        { key: 'NOERROR', count: 950 },
        { key: 'nxdomain', count: 30 },
        { key: 'SERVFAIL', count: 15 },
        { key: 'REFUSED', count: 5 },
        { key: '0', count: 1 },
      ],
      1001,
    )
    expect(totals).toEqual({ total: 1001, noError: 950, nxDomain: 30, servFail: 15, other: 6 })
  })
})

describe('zone selection', () => {
  const zones = ['example.com', 'example.org'].map((name, i) => ({
    id: `id${i}`,
    name,
    status: 'active',
    plan: 'free' as const,
    planName: null,
    accountId: 'a',
    accountName: null,
  }))

  it('matches names and ids case-insensitively and reports what matched nothing', () => {
    expect(selectZones(zones, [])).toEqual({ selected: zones, unmatched: [] })
    const picked = selectZones(zones, ['EXAMPLE.ORG', 'id0', 'missing.net'])
    expect(picked.selected.map((z) => z.name)).toEqual(['example.com', 'example.org'])
    expect(picked.unmatched).toEqual(['missing.net'])
  })
})
