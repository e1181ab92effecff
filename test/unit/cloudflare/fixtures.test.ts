/**
 * Real recorded/published Cloudflare payloads (fixtures/real: Cloudflare's GraphQL docs and OpenAPI spec) fed
 * through our parsers, and through the fake API to prove the fake answers the documented queries the same way.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { graphqlFailure } from '../../../src/core/integrations/cloudflare/api-errors.js'
import { clipWindow, toLimits } from '../../../src/core/integrations/cloudflare/plan-limits.js'
import {
  datasetSettingsSchema,
  graphqlResponseSchema,
  tokenVerifySchema,
  tunnelConnectorSchema,
  tunnelSchema,
  zoneSchema,
} from '../../../src/core/integrations/cloudflare/schemas.js'
import { parseSamples } from '../../../src/core/integrations/cloudflare/security-events.js'
import { summarise, tunnelStatus } from '../../../src/core/integrations/cloudflare/tunnels.js'
import { toZone } from '../../../src/core/integrations/cloudflare/zones.js'
import { executeGraphql } from '../../../src/simulator/cloudflare/graphql-executor.js'
import { createRandom } from '../../../src/simulator/cloudflare/random.js'
import { routeRest } from '../../../src/simulator/cloudflare/rest-routes.js'
import { buildAccount } from '../../../src/simulator/cloudflare/seed-account.js'
import { buildDnsRows, buildFirewallRows } from '../../../src/simulator/cloudflare/seed-traffic.js'
import { FIXTURES, exampleOfSchema, loadSpec, propertyNames } from './openapi-example.js'

const graphqlFixture = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(FIXTURES, 'cloudflare-docs/graphql', name), 'utf8')) as unknown

const DAY = 86_400_000

describe('Cloudflare GraphQL documentation payloads', () => {
  it('parses the firewallEventsAdaptive tutorial response into samples', () => {
    const response = graphqlResponseSchema.parse(graphqlFixture('firewall-events-adaptive.response.json'))
    expect(response.errors).toBeNull()
    const zones = (response.data?.['viewer'] as { zones: { firewallEventsAdaptive: unknown }[] }).zones
    const samples = parseSamples(zones[0]?.firewallEventsAdaptive, 'example.com')
    expect(samples).toHaveLength(10)
    expect(samples.filter((s) => s.action === 'block')).toHaveLength(1)
    expect(samples.filter((s) => s.action === 'log')).toHaveLength(9)
    expect(samples[0]).toMatchObject({
      clientIp: '203.0.113.69',
      country: 'GB',
      source: 'waf',
      path: '/%3Cscript%3Ealert()%3C/script%3E',
      host: null,
      zoneName: 'example.com',
    })
    expect(samples[8]).toMatchObject({ clientIp: '2.183.175.37', country: 'IR', path: '/api/v2' })
  })

  it('reads plan limits from the settings-node response and clips a week to its 3-day maximum duration', () => {
    const response = graphqlResponseSchema.parse(graphqlFixture('settings-firewall-events-adaptive.response.json'))
    const zones = (response.data?.['viewer'] as { zones: { settings: Record<string, unknown> }[] }).zones
    const limits = toLimits(datasetSettingsSchema.parse(zones[0]?.settings['firewallEventsAdaptive']))
    expect(limits).toEqual({
      enabled: true,
      maxDurationSeconds: 259_200,
      notOlderThanSeconds: 2_678_400,
      maxPageSize: 10_000,
    })
    const now = Date.parse('2026-03-10T12:00:00Z')
    const week = clipWindow({ since: now - 7 * DAY, until: now }, limits, now)
    expect(week).toEqual({
      since: now - 3 * DAY,
      until: now,
      clipped: { requestedSince: now - 7 * DAY, limitSeconds: 259_200, reason: 'max-duration' },
    })
    expect(clipWindow({ since: now - 2 * DAY, until: now }, limits, now).clipped).toBeNull()
  })

  it('classifies the documented error-in-200 as a rejected query (needs attention, not an outage)', () => {
    const response = graphqlResponseSchema.parse(graphqlFixture('error-in-200.response.json'))
    expect(response.data).toBeNull()
    const error = graphqlFailure(response.errors ?? [], 'security events')
    expect(error.kind).toBe('config')
    expect(error.message).toBe(
      'Cloudflare rejected the query for security events (cannot request data older than 2678400s).',
    )
  })

  describe('the fake API answers the documented queries', () => {
    const now = Date.parse('2026-03-10T12:00:00Z')
    const random = createRandom(7)
    const account = buildAccount(random, now)
    const state = {
      zones: account.zones,
      firewallRows: new Map(account.zones.map((z) => [z.id, buildFirewallRows(random, z, now)])),
      dnsRows: new Map(account.zones.map((z) => [z.id, buildDnsRows(random, z, now)])),
      now,
      inject: null,
    }
    const enterprise = account.zones.find((z) => z.plan === 'enterprise')

    it('runs the tutorial query with the same fields and limit', () => {
      const request = graphqlFixture('firewall-events-adaptive.request.json') as {
        query: string
        variables: { zoneTag: string; filter: Record<string, string> }
      }
      const body = {
        query: request.query,
        variables: {
          zoneTag: enterprise?.id,
          filter: { datetime_geq: '2026-03-10T11:00:00Z', datetime_leq: '2026-03-10T12:00:00Z' },
        },
      }
      const outcome = executeGraphql(body, state)
      expect(outcome.status).toBe(200)
      expect(outcome.body.errors).toBeNull()
      const rows = (outcome.body.data?.['viewer'] as { zones: { firewallEventsAdaptive: Record<string, unknown>[] }[] })
        .zones[0]?.firewallEventsAdaptive
      expect(rows?.length).toBeGreaterThan(0)
      expect(rows?.length).toBeLessThanOrEqual(10)
      const expected = graphqlFixture('firewall-events-adaptive.response.json') as {
        data: { viewer: { zones: { firewallEventsAdaptive: Record<string, unknown>[] }[] } }
      }
      const fields = Object.keys(expected.data.viewer.zones[0]?.firewallEventsAdaptive[0] ?? {}).sort()
      for (const row of rows ?? []) {
        expect(Object.keys(row).sort()).toEqual(fields)
        expect(typeof row['clientAsn']).toBe('string')
        expect(Date.parse(String(row['datetime']))).toBeGreaterThanOrEqual(Date.parse('2026-03-10T11:00:00Z'))
      }
      // Our own parser reads the fake's rows as it reads Cloudflare's.
      expect(parseSamples(rows, 'example.net')).toHaveLength(rows?.length ?? -1)
    })

    it('rejects the tutorial query with its original 2022 dates as too old, inside an HTTP 200', () => {
      const request = graphqlFixture('firewall-events-adaptive.request.json') as {
        query: string
        variables: Record<string, unknown>
      }
      const outcome = executeGraphql(
        { ...request, variables: { ...request.variables, zoneTag: enterprise?.id } },
        state,
      )
      expect(outcome.status).toBe(200)
      expect(outcome.body.errors?.[0]?.message).toBe('cannot request data older than 2678400s')
      expect(outcome.body.errors?.[0]?.path).toEqual(['viewer', 'zones', '0', 'firewallEventsAdaptive'])
    })

    it('answers the settings-node query in the documented shape', () => {
      const request = graphqlFixture('settings-firewall-events-adaptive.request.json') as { query: string }
      const outcome = executeGraphql({ query: request.query, variables: { zoneTag: enterprise?.id } }, state)
      const expected = graphqlFixture('settings-firewall-events-adaptive.response.json')
      const actual = outcome.body as unknown
      expect(outcome.status).toBe(200)
      // Same plan (Enterprise), same documented values.
      expect(actual).toEqual(expected)
    })
  })
})

describe('Cloudflare OpenAPI examples', () => {
  const spec = loadSpec()

  it('parses a zone from the spec (which has no plan) as an unknown plan', () => {
    const zone = toZone(zoneSchema.parse(exampleOfSchema(spec, 'zones_zone')))
    expect(zone).toEqual({
      id: '023e105f4ecef8ad9ca31a8372d0c353',
      name: 'example.com',
      status: null,
      plan: 'unknown',
      planName: null,
      accountId: '023e105f4ecef8ad9ca31a8372d0c353',
      accountName: 'Example Account Name',
    })
  })

  it('parses the token-verify result', () => {
    const segment = exampleOfSchema(spec, 'iam_response_single_segment') as { result: unknown; success: boolean }
    expect(tokenVerifySchema.parse(segment.result)).toMatchObject({
      id: 'ed17574386854bf78a67040be0a770b0',
      status: 'active',
    })
  })

  it('parses a tunnel and its connector, counting only connections that are not pending reconnect', () => {
    const tunnel = tunnelSchema.parse(exampleOfSchema(spec, 'tunnel_cfd_tunnel'))
    const connector = tunnelConnectorSchema.parse(exampleOfSchema(spec, 'tunnel_tunnel_client'))
    const pending = {
      ...connector,
      conns: [...(connector.conns ?? []), { colo_name: 'AMS', is_pending_reconnect: true }],
    }
    const summary = summarise(tunnel, 'acc', [pending])
    expect(summary).toMatchObject({
      id: 'f70ff985-a4ef-4643-bbbc-4a0ed4fc8415',
      name: 'blog',
      accountId: '699d98642c564d2e855e9661899b7252',
      status: 'healthy',
      activeConnections: 1,
      connectors: 1,
      connectorVersions: ['2022.7.1'],
      colos: ['DFW'],
    })
    for (const status of ['inactive', 'degraded', 'healthy', 'down']) expect(tunnelStatus(status)).toBe(status)
  })

  it('the fake serves zones, tunnels and connections with every property the spec defines', () => {
    const account = buildAccount(createRandom(3), Date.parse('2026-03-10T12:00:00Z'))
    const base = {
      query: new URLSearchParams(),
      tokenOwner: 'user' as const,
      tokenStatus: 'active' as const,
      tokenId: 'x',
      maxPerPage: 50,
      now: 0,
    }
    const zones = routeRest(account, { ...base, path: '/zones' }).body as {
      result: Record<string, unknown>[]
      result_info: object
    }
    const zoneSpec = spec.components.schemas['zones_zone'] as { required: string[] }
    for (const zone of zones.result) for (const key of zoneSpec.required) expect(zone).toHaveProperty(key)
    expect(Object.keys(zones.result_info).sort()).toEqual(['count', 'page', 'per_page', 'total_count', 'total_pages'])

    const tunnels = routeRest(account, { ...base, path: `/accounts/${account.accountId}/cfd_tunnel` }).body as {
      result: Record<string, unknown>[]
    }
    const tunnelKeys = propertyNames(spec, { $ref: '#/components/schemas/tunnel_cfd_tunnel' })
    const statuses = (spec.components.schemas['tunnel_status'] as { enum: string[] }).enum
    for (const tunnel of tunnels.result) {
      for (const key of tunnelKeys) expect(tunnel).toHaveProperty(key)
      expect(statuses).toContain(tunnel['status'])
      expect(tunnel['connections']).toEqual([])
    }
    expect(new Set(tunnels.result.map((t) => t['status']))).toEqual(new Set(statuses))

    const healthy = account.tunnels.find((t) => t.status === 'healthy')
    const connectors = routeRest(account, {
      ...base,
      path: `/accounts/${account.accountId}/cfd_tunnel/${healthy?.id}/connections`,
    }).body as { result: Record<string, unknown>[] }
    const clientKeys = propertyNames(spec, { $ref: '#/components/schemas/tunnel_tunnel_client' })
    const connKeys = propertyNames(spec, { $ref: '#/components/schemas/tunnel_schemas-connection' })
    for (const connector of connectors.result) {
      for (const key of clientKeys) expect(connector).toHaveProperty(key)
      for (const conn of connector['conns'] as Record<string, unknown>[])
        for (const key of connKeys) expect(conn).toHaveProperty(key)
    }
  })
})
