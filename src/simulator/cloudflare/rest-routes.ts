/**
 * REST endpoints of the fake: token verify (user and account), zones, tunnels and tunnel connections, each
 * in Cloudflare's envelope with `result_info` on lists and `page`/`per_page` paging.
 */
import { planName, type FakeAccount, type FakeTunnel } from './seed-account.js'

export interface RestReply {
  status: number
  body: unknown
}

export interface RestRequest {
  path: string
  query: URLSearchParams
  tokenOwner: 'user' | 'account'
  tokenStatus: 'active' | 'expired'
  tokenId: string
  maxPerPage: number
  now: number
}

export function envelope(result: unknown, resultInfo?: Record<string, number>): Record<string, unknown> {
  return { success: true, errors: [], messages: [], result, ...(resultInfo ? { result_info: resultInfo } : {}) }
}

export function failure(code: number, message: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { success: false, errors: [{ code, message, ...extra }], messages: [], result: null }
}

function paged(
  items: readonly unknown[],
  query: URLSearchParams,
  maxPerPage: number,
  defaultPerPage: number,
): RestReply {
  const page = Math.max(1, Number(query.get('page') ?? '1') || 1)
  const perPage = Math.min(
    maxPerPage,
    Math.max(1, Number(query.get('per_page') ?? String(defaultPerPage)) || defaultPerPage),
  )
  const slice = items.slice((page - 1) * perPage, page * perPage)
  return {
    status: 200,
    body: envelope(slice, {
      page,
      per_page: perPage,
      count: slice.length,
      total_count: items.length,
      total_pages: Math.max(1, Math.ceil(items.length / perPage)),
    }),
  }
}

export function routeRest(account: FakeAccount, req: RestRequest): RestReply {
  const { path, query } = req
  if (path === '/user/tokens/verify') {
    if (req.tokenOwner === 'account')
      return { status: 403, body: failure(9109, 'Unauthorized to access requested resource') }
    return verified(req)
  }
  const accountVerify = /^\/accounts\/([^/]+)\/tokens\/verify$/.exec(path)
  if (accountVerify) {
    if (accountVerify[1] !== account.accountId)
      return { status: 403, body: failure(9109, 'Unauthorized to access requested resource') }
    return verified(req)
  }
  if (path === '/zones')
    return paged(
      account.zones.map((z) => zoneJson(z, account)),
      query,
      req.maxPerPage,
      20,
    )
  const tunnels = /^\/accounts\/([^/]+)\/cfd_tunnel(?:\/([^/]+)(\/connections)?)?$/.exec(path)
  if (tunnels) {
    const [, accountId, tunnelId, connections] = tunnels
    if (accountId !== account.accountId && accountId !== account.otherAccountId) {
      return { status: 403, body: failure(10000, 'Authentication error') }
    }
    const own = account.tunnels.filter((t) => t.accountId === accountId)
    if (tunnelId === undefined)
      return paged(
        filterTunnels(own, query).map((t) => tunnelJson(t)),
        query,
        req.maxPerPage,
        20,
      )
    const tunnel = own.find((t) => t.id === tunnelId)
    if (!tunnel) return { status: 404, body: failure(1003, 'Tunnel not found') }
    if (connections) return { status: 200, body: envelope(tunnel.connectors) }
    return { status: 200, body: envelope(tunnelJson(tunnel)) }
  }
  return { status: 404, body: failure(7003, 'No route for the URI') }
}

function verified(req: RestRequest): RestReply {
  return {
    status: 200,
    body: {
      success: true,
      errors: [],
      messages: [{ code: 10000, message: 'This API Token is valid and active', type: null }],
      result: {
        id: req.tokenId,
        status: req.tokenStatus,
        not_before: new Date(req.now - 90 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        expires_on:
          req.tokenStatus === 'expired'
            ? new Date(req.now - 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
            : new Date(req.now + 275 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      },
    },
  }
}

function filterTunnels(tunnels: readonly FakeTunnel[], query: URLSearchParams): FakeTunnel[] {
  const deleted = query.get('is_deleted')
  return tunnels.filter((t) => {
    if (deleted === 'false' && t.deletedAt !== null) return false
    if (deleted === 'true' && t.deletedAt === null) return false
    const status = query.get('status')
    if (status && t.status !== status) return false
    const name = query.get('name')
    return !name || t.name === name
  })
}

function zoneJson(zone: FakeAccount['zones'][number], account: FakeAccount): Record<string, unknown> {
  return {
    id: zone.id,
    name: zone.name,
    status: 'active',
    paused: false,
    type: 'full',
    development_mode: 0,
    name_servers: ['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'],
    original_name_servers: null,
    original_registrar: null,
    original_dnshost: null,
    created_on: zone.createdOn,
    modified_on: zone.createdOn,
    activated_on: zone.createdOn,
    meta: { step: 2, custom_certificate_quota: 0, page_rule_quota: 3, phishing_detected: false },
    owner: { id: null, type: 'user', email: null },
    account: {
      id: zone.accountId,
      name: zone.accountId === account.accountId ? account.accountName : zone.accountName,
    },
    permissions: ['#zone:read', '#analytics:read'],
    plan: {
      id: `${zone.plan}-plan-id`,
      name: planName(zone.plan),
      legacy_id: zone.plan,
      is_subscribed: true,
      can_subscribe: false,
    },
  }
}

function tunnelJson(tunnel: FakeTunnel): Record<string, unknown> {
  return {
    id: tunnel.id,
    account_tag: tunnel.accountId,
    created_at: tunnel.createdAt,
    deleted_at: tunnel.deletedAt,
    name: tunnel.name,
    // Deprecated by Cloudflare and always empty: clients must use the connections endpoint.
    connections: [],
    conns_active_at: tunnel.connsActiveAt,
    conns_inactive_at: tunnel.connsInactiveAt,
    tun_type: 'cfd_tunnel',
    metadata: {},
    status: tunnel.status,
    remote_config: tunnel.configSrc === 'cloudflare',
    config_src: tunnel.configSrc,
  }
}
