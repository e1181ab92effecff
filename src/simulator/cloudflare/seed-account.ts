/**
 * The fake account: zones on every plan from two accounts (one zone on the second account, so account-id
 * discovery and per-account tunnel listing are exercised), plan limits as the GraphQL settings node reports
 * them, and tunnels in all four states plus a deleted one that `is_deleted=false` must hide.
 */
import type { Random } from './random.js'

export type FakePlan = 'free' | 'pro' | 'business' | 'enterprise'

export interface FakeDatasetLimits {
  enabled: boolean
  maxDuration: number
  notOlderThan: number
  maxPageSize: number
  maxNumberOfFields: number
}

export interface FakeZone {
  id: string
  name: string
  plan: FakePlan
  accountId: string
  accountName: string
  /** Every sampled security event stands for this many real ones (Cloudflare's adaptive sampling). */
  sampleInterval: number
  limits: { firewall: FakeDatasetLimits; dns: FakeDatasetLimits }
  createdOn: string
}

export interface FakeConnection {
  id: string
  colo_name: string
  origin_ip: string
  is_pending_reconnect: boolean
  opened_at: string
  client_id: string
  client_version: string
  uuid: string
}

export interface FakeConnector {
  id: string
  version: string
  arch: string
  config_version: number
  run_at: string
  features: string[]
  conns: FakeConnection[]
}

export interface FakeTunnel {
  id: string
  name: string
  accountId: string
  status: 'healthy' | 'degraded' | 'down' | 'inactive'
  createdAt: string
  deletedAt: string | null
  connsActiveAt: string | null
  connsInactiveAt: string | null
  configSrc: 'cloudflare' | 'local'
  connectors: FakeConnector[]
}

export interface FakeAccount {
  accountId: string
  accountName: string
  otherAccountId: string
  zones: FakeZone[]
  tunnels: FakeTunnel[]
}

const DAY = 86_400

const PLAN_NAMES: Record<FakePlan, string> = {
  free: 'Free Website',
  pro: 'Pro Website',
  business: 'Business Website',
  enterprise: 'Enterprise Website',
}

export function planName(plan: FakePlan): string {
  return PLAN_NAMES[plan]
}

/** Settings-node values per plan: Cloudflare's documented look-back, Enterprise as in Cloudflare's settings example. */
export function planLimits(plan: FakePlan): FakeZone['limits'] {
  const fw = { free: [DAY, DAY], pro: [DAY, DAY], business: [3 * DAY, 3 * DAY], enterprise: [3 * DAY, 31 * DAY] }[plan]
  const dns = {
    free: [7 * DAY, 8 * DAY],
    pro: [31 * DAY, 31 * DAY],
    business: [31 * DAY, 31 * DAY],
    enterprise: [62 * DAY, 62 * DAY],
  }[plan]
  const limits = (pair: number[]): FakeDatasetLimits => ({
    enabled: true,
    maxDuration: pair[0] ?? DAY,
    notOlderThan: pair[1] ?? DAY,
    maxPageSize: 10_000,
    maxNumberOfFields: 30,
  })
  return { firewall: limits(fw), dns: limits(dns) }
}

export function buildAccount(random: Random, now: number, extraZones = 0): FakeAccount {
  const accountId = random.hex(32)
  const otherAccountId = random.hex(32)
  const zone = (name: string, plan: FakePlan, account: string, accountName: string, sampleInterval = 1): FakeZone => ({
    id: random.hex(32),
    name,
    plan,
    accountId: account,
    accountName,
    sampleInterval,
    limits: planLimits(plan),
    createdOn: new Date(now - random.int(200, 900) * DAY * 1000).toISOString(),
  })
  const zones = [
    zone('example.com', 'free', accountId, 'Example Home'),
    zone('example-shop.com', 'pro', accountId, 'Example Home'),
    zone('example.org', 'business', accountId, 'Example Home'),
    zone('example.net', 'enterprise', accountId, 'Example Home', 10),
    zone('family-photos.net', 'free', otherAccountId, 'Family'),
    ...Array.from({ length: extraZones }, (_, i) => zone(`site-${i + 1}.example`, 'free', accountId, 'Example Home')),
  ]
  return {
    accountId,
    accountName: 'Example Home',
    otherAccountId,
    zones,
    tunnels: buildTunnels(random, accountId, now),
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function buildTunnels(random: Random, accountId: string, now: number): FakeTunnel[] {
  const origin = '203.0.113.45'
  const connector = (version: string, colos: string[], pendingFrom: number, startedHoursAgo: number): FakeConnector => {
    const id = random.uuid()
    const runAt = iso(now - startedHoursAgo * 3_600_000)
    return {
      id,
      version,
      arch: 'linux_amd64',
      config_version: random.int(3, 20),
      run_at: runAt,
      features: ['ha-origin', 'postquantum'],
      conns: colos.map((colo, index) => ({
        id: random.uuid(),
        uuid: random.uuid(),
        client_id: id,
        client_version: version,
        colo_name: colo,
        origin_ip: origin,
        is_pending_reconnect: index >= pendingFrom,
        opened_at: runAt,
      })),
    }
  }
  const tunnel = (
    name: string,
    status: FakeTunnel['status'],
    connectors: FakeConnector[],
    extra: Partial<FakeTunnel> = {},
  ): FakeTunnel => ({
    id: random.uuid(),
    name,
    accountId,
    status,
    createdAt: iso(now - random.int(30, 700) * DAY * 1000),
    deletedAt: null,
    connsActiveAt: status === 'healthy' || status === 'degraded' ? iso(now - 26 * 3_600_000) : null,
    connsInactiveAt: null,
    configSrc: 'cloudflare',
    connectors,
    ...extra,
  })
  return [
    tunnel('home-lab', 'healthy', [connector('2025.10.0', ['LHR', 'MAN', 'LHR', 'MAN'], 4, 26)]),
    tunnel('nas', 'down', [], { connsInactiveAt: iso(now - 5 * 3_600_000), configSrc: 'local' }),
    tunnel('media-server', 'degraded', [connector('2024.6.1', ['AMS', 'FRA'], 1, 70)]),
    tunnel('old-pi', 'inactive', []),
    tunnel('legacy-vpn', 'down', [], {
      deletedAt: iso(now - 40 * DAY * 1000),
      connsInactiveAt: iso(now - 41 * DAY * 1000),
    }),
  ]
}
