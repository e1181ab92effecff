/**
 * The "Cloudflare Security" section drawn from the typed data: tunnels highlighted or left out, clipped
 * windows and partial failures explained, and attacker-controlled strings passed through as plain text.
 */
import { describe, expect, it } from 'vitest'
import type {
  CloudflareData,
  CloudflareZone,
  SecurityEventsResult,
  TunnelSummary,
} from '../../../src/core/integrations/cloudflare/index.js'
import { renderCloudflareSection } from '../../../src/core/integrations/cloudflare/index.js'
import type { SectionBlock } from '../../../src/core/report/section.js'

const NOW = Date.parse('2026-03-10T12:00:00Z')
const HOUR = 3_600_000
const ctx = { window: { since: NOW - 48 * HOUR, until: NOW }, timezone: 'Europe/Berlin' }

const zone: CloudflareZone = {
  id: 'z1',
  name: 'example.com',
  status: 'active',
  plan: 'free',
  planName: 'Free Website',
  accountId: 'acc',
  accountName: 'Home',
}

function events(overrides: Partial<SecurityEventsResult> = {}): SecurityEventsResult {
  const totals = { total: 40, blocked: 25, challenged: 10, logged: 3, other: 2 }
  return {
    zones: [
      {
        zone,
        window: {
          since: NOW - 24 * HOUR,
          until: NOW,
          clipped: { requestedSince: NOW - 48 * HOUR, limitSeconds: 86_400, reason: 'retention' },
        },
        totals,
        byActionSource: [],
        topBlockedIps: [],
        topBlockedCountries: [],
        topBlockedHosts: [],
        topBlockedPaths: [],
        topBlockedUserAgents: [],
        recentBlocked: [],
        sampled: false,
      },
    ],
    totals,
    byActionSource: [
      { action: 'block', source: 'firewallManaged', count: 20 },
      { action: 'managed_challenge', source: 'securityLevel', count: 10 },
      { action: 'block', source: 'somethingNew', count: 5 },
      { action: 'block', source: 'waf', count: 2 },
    ],
    topBlockedIps: [{ key: '203.0.113.69', count: 15, country: 'GB', asn: '5089' }],
    topBlockedCountries: [{ key: 'GB', count: 15 }],
    topBlockedHosts: [],
    topBlockedPaths: [{ key: '/search?q=<script>alert(1)</script>', count: 4 }],
    topBlockedUserAgents: [],
    recentBlocked: [
      {
        datetime: '2026-03-10T10:11:24Z',
        action: 'block',
        source: 'firewallManaged',
        clientIp: '203.0.113.69',
        country: 'GB',
        host: 'shop.example.com',
        path: '/product?id=1%27--',
        userAgent: 'sqlmap/1.7',
        zoneName: 'example.com',
      },
    ],
    sampled: false,
    ...overrides,
  }
}

function tunnel(name: string, status: TunnelSummary['status'], extra: Partial<TunnelSummary> = {}): TunnelSummary {
  return {
    id: name,
    name,
    accountId: 'acc',
    status,
    createdAt: null,
    connsInactiveAt: null,
    activeConnections: status === 'healthy' ? 4 : 0,
    connectors: 1,
    connectorVersions: ['2025.10.0'],
    colos: status === 'healthy' ? ['LHR', 'MAN'] : [],
    originIps: [],
    ...extra,
  }
}

function data(overrides: Partial<CloudflareData> = {}): CloudflareData {
  return {
    zones: [zone],
    securityEvents: { status: 'ok', value: events() },
    dns: {
      status: 'ok',
      value: {
        zones: [],
        totals: { total: 1000, noError: 950, nxDomain: 30, servFail: 20, other: 0 },
        byQueryType: [{ key: 'A', count: 700 }],
      },
    },
    tunnels: {
      status: 'ok',
      value: {
        accountIds: ['acc'],
        tunnels: [
          tunnel('prod-tunnel', 'healthy', { originIps: ['203.0.113.45'] }),
          tunnel('dev-tunnel', 'down', { connsInactiveAt: '2026-03-10T07:00:00Z' }),
          tunnel('media', 'degraded', { connectorVersions: ['2024.6.1'], originIps: ['203.0.113.45'] }),
          tunnel('old-pi', 'inactive'),
        ],
      },
    },
    notes: [],
    problems: [],
    ...overrides,
  }
}

const tables = (blocks: SectionBlock[]) =>
  blocks.filter((b): b is Extract<SectionBlock, { type: 'table' }> => b.type === 'table')
const paragraphs = (blocks: SectionBlock[]) =>
  blocks.filter((b): b is Extract<SectionBlock, { type: 'paragraph' }> => b.type === 'paragraph')

describe('Cloudflare section', () => {
  it('shows events, DNS and a tunnel table with the unhealthy tunnels highlighted', () => {
    const section = renderCloudflareSection(data(), ctx)
    expect(section).toMatchObject({ id: 'integration-cloudflare', title: 'Cloudflare Security', tone: 'warning' })
    expect(section.summary).toBe(
      '40 security events (25 blocked, 10 challenged) on 1 zone; 1,000 DNS queries; 1 of 4 tunnels healthy',
    )
    expect(section.findings).toEqual({ severe: 0, medium: 1, low: 1 })
    const tunnelTable = tables(section.blocks).find((t) => t.caption === 'Cloudflare Tunnels')
    expect(tunnelTable?.rows.map((r) => [r.cells[0], r.cells[1], r.cells[2], r.tone])).toEqual([
      ['prod-tunnel', 'Healthy', '4', 'good'],
      ['dev-tunnel', 'Down since Mar 10, 2026 at 8:00 AM GMT+1', '0', 'error'],
      ['media', 'Degraded', '0', 'warning'],
      ['old-pi', 'Not running (never connected)', '0', 'note'],
    ])
    const warning = paragraphs(section.blocks).find((p) => p.text.includes('tunnels need attention'))
    expect(warning).toMatchObject({
      tone: 'warning',
      text: '3 of 4 tunnels need attention: dev-tunnel (down since Mar 10, 2026 at 8:00 AM GMT+1), media (degraded), old-pi (not running (never connected)).',
    })
    const texts = paragraphs(section.blocks).map((p) => p.text)
    expect(texts).toContain('Tunnel connectors run from 203.0.113.45; this should be your UniFi WAN address.')
    expect(texts).toContain(
      'Update cloudflared on media (2024.6.1): it is more than a year old and misses security fixes.',
    )
    const actions = tables(section.blocks).find((t) => t.caption === 'What Cloudflare did, by protection')
    expect(actions?.rows.map((r) => r.cells)).toEqual([
      ['Blocked', 'Cloudflare managed WAF rules', '22'],
      ['Managed challenge', 'IP reputation (Security Level)', '10'],
      ['Blocked', 'somethingNew', '5'],
    ])
  })

  it('leaves the tunnel part out when the account has no tunnels', () => {
    const section = renderCloudflareSection(
      data({ tunnels: { status: 'ok', value: { accountIds: ['acc'], tunnels: [] } } }),
      ctx,
    )
    expect(section.blocks.some((b) => b.type === 'subheading' && b.text === 'Tunnels')).toBe(false)
    expect(section.summary).not.toContain('tunnels')
    expect(section.tone).toBe('good')
    expect(section.findings).toBeUndefined()
  })

  it('explains a clipped window in the zone plan terms', () => {
    const section = renderCloudflareSection(data(), ctx)
    expect(paragraphs(section.blocks).map((p) => p.text)).toContain(
      'Cloudflare keeps only 24 h of security events on the Free plan of example.com; security events before Mar 9, 2026 at 1:00 PM GMT+1 are not included.',
    )
  })

  it('lists every part that failed and keeps the rest', () => {
    const section = renderCloudflareSection(
      data({
        dns: { status: 'failed', message: 'Cloudflare rate limit reached.', errorKind: 'rate-limited' },
        tunnels: { status: 'skipped', reason: 'Tunnel status skipped: account id not available.' },
        problems: ['Failed to fetch DNS analytics: Cloudflare rate limit reached.'],
        notes: ['Tunnel status skipped: account id not available (enter it in the Cloudflare settings).'],
      }),
      ctx,
    )
    const texts = paragraphs(section.blocks).map((p) => `${p.tone}: ${p.text}`)
    expect(texts).toContain('warning: DNS analytics could not be fetched: Cloudflare rate limit reached.')
    expect(texts).toContain('warning: Some Cloudflare data could not be fetched:')
    const lists = section.blocks.filter((b): b is Extract<SectionBlock, { type: 'list' }> => b.type === 'list')
    expect(lists.flatMap((l) => l.items)).toEqual([
      'Failed to fetch DNS analytics: Cloudflare rate limit reached.',
      'Tunnel status skipped: account id not available (enter it in the Cloudflare settings).',
    ])
    expect(section.summary).toBe(
      '40 security events (25 blocked, 10 challenged) on 1 zone; some data could not be fetched',
    )
    expect(section.tone).toBe('warning')
  })

  it('keeps attacker-controlled strings as plain text (the renderers escape them)', () => {
    const section = renderCloudflareSection(data(), ctx)
    const paths = tables(section.blocks).find((t) => t.caption === 'Most blocked paths')
    expect(paths?.rows[0]?.cells[0]).toBe('/search?q=<script>alert(1)</script>')
    const recent = tables(section.blocks).find((t) => t.caption === 'Latest blocked requests')
    expect(recent?.rows[0]?.cells).toEqual([
      'Mar 10, 2026 at 11:11 AM GMT+1',
      '203.0.113.69 (GB)',
      'shop.example.com/product?id=1%27--',
    ])
  })

  it('says so when the window had no security events', () => {
    const empty = events({ totals: { total: 0, blocked: 0, challenged: 0, logged: 0, other: 0 }, byActionSource: [] })
    const section = renderCloudflareSection(data({ securityEvents: { status: 'ok', value: empty } }), ctx)
    expect(paragraphs(section.blocks)[0]).toEqual({
      type: 'paragraph',
      tone: 'good',
      text: 'No security events in the report window on 1 zone.',
    })
  })
})
