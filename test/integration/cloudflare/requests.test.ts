/**
 * What the integration sends, checked field by field against Cloudflare's documented shapes,
 * and what it makes of the fake's answers: paging, batching of at most 10 zones, plan-clipped time bounds,
 * `is_deleted=false`, connections from the connections endpoint.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createCloudflareIntegration } from '../../../src/core/integrations/cloudflare/index.js'
import type { CloudflareData } from '../../../src/core/integrations/cloudflare/index.js'
import {
  startFakeCloudflare,
  type FakeCloudflare,
  type RecordedRequest,
} from '../../../src/simulator/cloudflare/index.js'
import { HOUR, contextFor, settingsFor } from './support.js'

const NOW = Date.parse('2026-03-10T12:00:00Z')
const open: { close(): Promise<void> }[] = []

afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()))
})

async function fakeWith(options: Parameters<typeof startFakeCloudflare>[0] = {}): Promise<FakeCloudflare> {
  const fake = await startFakeCloudflare({ now: () => NOW, ...options })
  open.push(fake)
  return fake
}

async function run(fake: FakeCloudflare, lookbackHours = 12, extra: Parameters<typeof settingsFor>[1] = {}) {
  const ctx = contextFor(settingsFor(fake, extra), { now: NOW, lookbackHours })
  open.push(ctx)
  const data = await createCloudflareIntegration().fetch(ctx)
  return { data, ctx }
}

function ok<T>(part: CloudflareData['securityEvents'] | CloudflareData['dns'] | CloudflareData['tunnels']): T {
  if (part.status !== 'ok') throw new Error(`part not ok: ${JSON.stringify(part)}`)
  return part.value as T
}

const graphqlRequests = (fake: FakeCloudflare, operation: string): RecordedRequest[] =>
  fake.requests.filter((r) => r.graphql?.query.includes(`query ${operation}(`))

describe('Cloudflare requests', () => {
  it('sends a Bearer token and JSON on every call, and reads every page of zones', async () => {
    const fake = await fakeWith({ maxPerPage: 2 })
    await run(fake)
    expect(fake.requests.length).toBeGreaterThan(5)
    for (const request of fake.requests) {
      expect(request.headers['authorization']).toBe(`Bearer ${fake.token}`)
      expect(request.headers['x-auth-key']).toBeUndefined()
      expect(request.headers['x-auth-email']).toBeUndefined()
      expect(request.headers['accept']).toBe('application/json')
    }
    const zoneCalls = fake.requests.filter((r) => r.path === '/zones')
    expect(zoneCalls.map((r) => [r.method, r.query['page'], r.query['per_page']])).toEqual([
      ['GET', '1', '50'],
      ['GET', '2', '50'],
      ['GET', '3', '50'],
    ])
    for (const request of fake.requests.filter((r) => r.path === '/graphql')) {
      expect(request.method).toBe('POST')
      expect(request.headers['content-type']).toBe('application/json')
      expect(Object.keys(JSON.parse(request.body) as object).sort()).toEqual(['query', 'variables'])
    }
  })

  it('asks the settings node for plan limits once per zone batch and caches them for later runs', async () => {
    const fake = await fakeWith()
    const integration = createCloudflareIntegration()
    const ctx = contextFor(settingsFor(fake), { now: NOW })
    open.push(ctx)
    await integration.fetch(ctx)
    await integration.fetch(ctx)
    const limits = graphqlRequests(fake, 'CloudflareZoneLimits')
    expect(limits).toHaveLength(1)
    const variables = limits[0]?.graphql?.variables ?? {}
    expect(Object.values(variables).sort()).toEqual(fake.account.zones.map((z) => z.id).sort())
    expect(limits[0]?.graphql?.query).toContain(
      'firewallEventsAdaptiveGroups { enabled maxDuration notOlderThan maxPageSize }',
    )
    expect(graphqlRequests(fake, 'CloudflareSecurityEvents')).toHaveLength(2)
  })

  it('bounds every analytics query with datetime_geq/leq, clipped to each zone plan', async () => {
    const fake = await fakeWith()
    const { data } = await run(fake, 48)
    const [events] = graphqlRequests(fake, 'CloudflareSecurityEvents')
    const [dns] = graphqlRequests(fake, 'CloudflareDnsAnalytics')
    for (const request of [events, dns]) {
      const query = request?.graphql?.query ?? ''
      expect(query).toMatch(/datetime_geq: \$since0, datetime_leq: \$until0/)
      expect(query).toMatch(/\$since0: Time, \$until0: Time/)
    }
    const until = '2026-03-10T12:00:00Z'
    const vars = events?.graphql?.variables ?? {}
    fake.account.zones.forEach((zone, i) => {
      expect(vars[`zoneTag${i}`]).toBe(zone.id)
      expect(vars[`until${i}`]).toBe(until)
      const since = Date.parse(String(vars[`since${i}`]))
      // Free and Pro keep 24 h of security events (minus a clock margin), Business and Enterprise cover 48 h.
      if (zone.plan === 'free' || zone.plan === 'pro') {
        expect(NOW - since).toBeLessThanOrEqual(24 * HOUR)
        expect(NOW - since).toBeGreaterThan(23 * HOUR)
      } else {
        expect(NOW - since).toBe(48 * HOUR)
      }
    })
    const dnsVars = dns?.graphql?.variables ?? {}
    fake.account.zones.forEach((_, i) => expect(dnsVars[`since${i}`]).toBe('2026-03-08T12:00:00Z'))
    const result = ok<{ zones: { zone: { plan: string }; window: { clipped: unknown } }[] }>(data.securityEvents)
    const clipped = result.zones.filter((z) => z.window.clipped !== null).map((z) => z.zone.plan)
    expect(clipped.sort()).toEqual(['free', 'free', 'pro'])
    expect(data.problems).toEqual([])
  })

  it('puts at most 10 zones in one GraphQL query', async () => {
    const fake = await fakeWith({ extraZones: 7 })
    const { data } = await run(fake)
    for (const operation of ['CloudflareZoneLimits', 'CloudflareSecurityEvents', 'CloudflareDnsAnalytics']) {
      const sizes = graphqlRequests(fake, operation).map(
        (r) => Object.keys(r.graphql?.variables ?? {}).filter((k) => k.startsWith('zoneTag')).length,
      )
      expect(sizes).toEqual([10, 2])
    }
    expect(ok<{ zones: unknown[] }>(data.securityEvents).zones).toHaveLength(12)
    expect(ok<{ zones: unknown[] }>(data.dns).zones).toHaveLength(12)
  })

  it('lists tunnels with is_deleted=false on every account and reads connections from the connections endpoint', async () => {
    const fake = await fakeWith()
    const { data } = await run(fake)
    const listCalls = fake.requests.filter((r) => /\/cfd_tunnel$/.test(r.path))
    expect(listCalls.map((r) => r.path.split('/')[2]).sort()).toEqual(
      [fake.accountId, fake.account.otherAccountId].sort(),
    )
    for (const call of listCalls) expect(call.query).toMatchObject({ is_deleted: 'false', page: '1', per_page: '50' })
    const live = fake.account.tunnels.filter((t) => t.deletedAt === null)
    const connectionCalls = fake.requests.filter((r) => r.path.endsWith('/connections'))
    expect(connectionCalls.map((r) => r.path).sort()).toEqual(
      live.map((t) => `/accounts/${fake.accountId}/cfd_tunnel/${t.id}/connections`).sort(),
    )
    const tunnels = ok<{ tunnels: { name: string; status: string; activeConnections: number; colos: string[] }[] }>(
      data.tunnels,
    )
    expect(tunnels.tunnels.map((t) => [t.name, t.status, t.activeConnections])).toEqual([
      ['home-lab', 'healthy', 4],
      ['nas', 'down', 0],
      ['media-server', 'degraded', 1],
      ['old-pi', 'inactive', 0],
    ])
    expect(tunnels.tunnels[0]?.colos).toEqual(['LHR', 'MAN'])
  })

  it('uses the configured account id instead of discovering accounts, and narrows to the configured zones', async () => {
    const fake = await fakeWith()
    const shop = fake.account.zones.find((z) => z.name === 'example-shop.com')
    const { data } = await run(fake, 12, {
      accountId: fake.accountId,
      zones: ['EXAMPLE.com', shop?.id ?? '', 'gone.example'],
    })
    expect(data.zones.map((z) => z.name)).toEqual(['example.com', 'example-shop.com'])
    expect(data.notes).toContain(
      'Zone "gone.example" from the settings was not found among the zones this token can read.',
    )
    const listCalls = fake.requests.filter((r) => /\/cfd_tunnel$/.test(r.path))
    expect(listCalls.map((r) => r.path)).toEqual([`/accounts/${fake.accountId}/cfd_tunnel`])
    const [events] = graphqlRequests(fake, 'CloudflareSecurityEvents')
    expect(Object.keys(events?.graphql?.variables ?? {}).filter((k) => k.startsWith('zoneTag'))).toHaveLength(2)
  })

  it('counts DNS response codes as strings per zone and in total, and estimates sampled events', async () => {
    const fake = await fakeWith()
    const { data } = await run(fake, 24)
    type Dns = { zones: { zone: { plan: string }; totals: Record<string, number> }[]; totals: Record<string, number> }
    const dns = ok<Dns>(data.dns)
    for (const zone of dns.zones) {
      const t = zone.totals
      expect(t['total']).toBeGreaterThan(0)
      expect(t['noError']).toBeGreaterThan(t['nxDomain'] ?? 0)
      expect(t['nxDomain']).toBeGreaterThan(0)
      expect((t['noError'] ?? 0) + (t['nxDomain'] ?? 0) + (t['servFail'] ?? 0) + (t['other'] ?? 0)).toBe(t['total'])
      // Only the Business zone had a SERVFAIL burst (seeded three hours before "now").
      expect((t['servFail'] ?? 0) > 0).toBe(zone.zone.plan === 'business')
    }
    expect(dns.totals['total']).toBe(dns.zones.reduce((s, z) => s + (z.totals['total'] ?? 0), 0))
    type Events = { zones: { zone: { plan: string }; totals: { total: number }; sampled: boolean }[]; sampled: boolean }
    const events = ok<Events>(data.securityEvents)
    const enterprise = events.zones.find((z) => z.zone.plan === 'enterprise')
    expect(enterprise?.sampled).toBe(true)
    expect((enterprise?.totals.total ?? 1) % 10).toBe(0)
    expect(events.zones.filter((z) => z.sampled)).toHaveLength(1)
  })
})
