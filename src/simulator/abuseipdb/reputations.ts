/**
 * What the fake AbuseIPDB knows about an address: fixed answers for the simulator's attackers (a Tor exit
 * with thousands of reports, a scanner, a research crawler) and a deterministic one for any other address.
 * Shaped like the real `check` answer's `data` object.
 */
import { isIP } from 'node:net'

export interface FakeReputation {
  abuseConfidenceScore: number
  countryCode: string | null
  usageType: string | null
  isp: string
  domain: string | null
  isTor: boolean
  totalReports: number
  numDistinctUsers: number
  lastReportedAt: string | null
}

const KNOWN: Record<string, FakeReputation> = {
  '185.220.101.7': {
    abuseConfidenceScore: 100,
    countryCode: 'DE',
    usageType: 'Reserved',
    isp: 'Stiftung Erneuerbare Freiheit',
    domain: 'stiftung-erneuerbare-freiheit.de',
    isTor: true,
    totalReports: 2143,
    numDistinctUsers: 412,
    lastReportedAt: '2026-12-03T21:14:05+00:00',
  },
  '45.155.205.233': {
    abuseConfidenceScore: 97,
    countryCode: 'RU',
    usageType: 'Data Center/Web Hosting/Transit',
    isp: 'Media Land LLC',
    domain: 'medialand.ru',
    isTor: false,
    totalReports: 873,
    numDistinctUsers: 201,
    lastReportedAt: '2026-12-03T18:02:44+00:00',
  },
  '89.248.165.52': {
    abuseConfidenceScore: 88,
    countryCode: 'NL',
    usageType: 'Data Center/Web Hosting/Transit',
    isp: 'IP Volume inc',
    domain: 'ipvolume.net',
    isTor: false,
    totalReports: 1290,
    numDistinctUsers: 305,
    lastReportedAt: '2026-12-02T09:40:11+00:00',
  },
  '167.94.138.35': {
    abuseConfidenceScore: 12,
    countryCode: 'US',
    usageType: 'Data Center/Web Hosting/Transit',
    isp: 'Censys, Inc.',
    domain: 'censys.io',
    isTor: false,
    totalReports: 54,
    numDistinctUsers: 30,
    lastReportedAt: '2026-11-28T13:00:00+00:00',
  },
}

function hash(text: string): number {
  let value = 2166136261
  for (let i = 0; i < text.length; i += 1) value = Math.imul(value ^ text.charCodeAt(i), 16777619) >>> 0
  return value
}

export function reputationOf(address: string): FakeReputation {
  const known = KNOWN[address]
  if (known) return known
  const h = hash(address)
  const reports = h % 7 === 0 ? 0 : h % 300
  return {
    abuseConfidenceScore: reports === 0 ? 0 : h % 101,
    countryCode: null,
    usageType: h % 2 === 0 ? 'Data Center/Web Hosting/Transit' : 'Fixed Line ISP',
    isp: `Example Network ${h % 97}`,
    domain: null,
    isTor: false,
    totalReports: reports,
    numDistinctUsers: Math.min(reports, h % 50),
    lastReportedAt: reports === 0 ? null : '2026-12-01T12:00:00+00:00',
  }
}

export function isAddress(text: string): boolean {
  return isIP(text) !== 0
}
