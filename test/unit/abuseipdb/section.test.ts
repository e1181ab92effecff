import { describe, expect, it } from 'vitest'
import { threatIntelNotes } from '../../../src/core/integrations/abuseipdb/address-notes.js'
import type { AddressIntel, ThreatIntelData } from '../../../src/core/integrations/abuseipdb/model.js'
import { renderThreatIntelSection } from '../../../src/core/integrations/abuseipdb/section.js'
import { reportSectionSchema } from '../../../src/core/report/section-schema.js'

function intel(address: string, score: number | null, blocked: number, allowed: number): AddressIntel {
  return {
    address,
    events: blocked + allowed,
    blocked,
    allowed,
    country: 'DE',
    asn: 64500,
    organisation: 'Example Net',
    reputation:
      score === null
        ? null
        : {
            score,
            totalReports: 10,
            distinctReporters: 3,
            lastReportedAt: '2026-12-01T10:00:00+00:00',
            isTor: score === 100,
            usageType: 'Data Center/Web Hosting/Transit',
            isp: 'Example Net',
            domain: null,
            countryCode: 'DE',
            whitelisted: false,
          },
    reputationSource: score === null ? null : 'lookup',
    checkedAtMs: score === null ? null : 0,
  }
}

function data(overrides: Partial<ThreatIntelData> = {}): ThreatIntelData {
  return {
    reputationEnabled: true,
    addresses: [intel('185.220.101.7', 100, 8, 2), intel('8.8.8.8', 0, 2, 0), intel('1.1.1.1', null, 1, 0)],
    externalTotal: 3,
    notSent: 4,
    lookups: 2,
    cacheHits: 0,
    limits: { overCap: 1, quotaLeft: 0, refused: 0 },
    quota: { remaining: 998, limit: 1000 },
    highScore: 75,
    totals: { events: 13, blocked: 11, allowed: 2 },
    offlineNote: null,
    attribution: ['Reputation data by AbuseIPDB.'],
    checkPageBase: 'https://www.abuseipdb.com/check/',
    ...overrides,
  }
}

/** What a reader sees: title, summary and blocks (the stable id is not shown). */
const text = (section: ReturnType<typeof renderThreatIntelSection>) =>
  JSON.stringify([section.title, section.summary, section.blocks])

describe('the Threat intelligence section', () => {
  it('raises allowed traffic from a known-abusive source to severe and gives the share of blocked traffic', () => {
    const section = renderThreatIntelSection(data())
    expect(reportSectionSchema.safeParse(section).success).toBe(true)
    expect(section).toMatchObject({ title: 'Threat intelligence', tone: 'error', findings: { severe: 1 } })
    expect(text(section)).toContain('8 of 11 blocked events (73%)')
    expect(text(section)).toContain('https://www.abuseipdb.com/check/185.220.101.7')
    expect(text(section)).toContain('1 less frequent address was not looked up')
  })

  it('without a key it says nothing about reputation', () => {
    const section = renderThreatIntelSection(
      data({ reputationEnabled: false, addresses: [intel('1.1.1.1', null, 1, 0)], attribution: ['Offline data.'] }),
    )
    expect(section.findings).toBeUndefined()
    expect(text(section)).not.toMatch(/AbuseIPDB|abuse score|reputation/i)
    expect(text(section)).toContain('DE · AS64500 Example Net')
  })

  it('notes link only looked-up addresses to their public page', () => {
    const notes = threatIntelNotes(data())
    expect(notes.find((note) => note.address === '185.220.101.7')).toMatchObject({
      href: 'https://www.abuseipdb.com/check/185.220.101.7',
    })
    expect(notes.find((note) => note.address === '185.220.101.7')?.text).toMatch(/abuse score 100\/100 .*Tor exit node/)
    expect(notes.find((note) => note.address === '1.1.1.1')).toMatchObject({
      href: null,
      text: 'DE · AS64500 Example Net',
    })
  })
})
