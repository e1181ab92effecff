/**
 * The fake Cloudflare API: a loopback HTTP server under `/client/v4` with Bearer-token auth, the REST
 * endpoints the integration reads, GraphQL Analytics, seeded data, rate-limit headers, scriptable faults
 * and a record of every request (for tests that check what a client sent).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createFaultBook, type CloudflareEndpoint, type CloudflareFault } from './faults.js'
import { datasetsOf, executeGraphql, type GraphqlState } from './graphql-executor.js'
import { createRandom } from './random.js'
import { failure, routeRest } from './rest-routes.js'
import { buildAccount, type FakeAccount } from './seed-account.js'
import { buildDnsRows, buildFirewallRows } from './seed-traffic.js'

export interface RecordedRequest {
  method: string
  /** Path below the API root, e.g. `/zones` or `/graphql`. */
  path: string
  query: Record<string, string>
  /** Lower-case header names, first value. */
  headers: Record<string, string>
  body: string
  /** Parsed body of a GraphQL request. */
  graphql: { query: string; variables: Record<string, unknown> } | null
  endpoint: CloudflareEndpoint
  at: number
}

export interface FakeCloudflareOptions {
  seed?: number
  token?: string
  now?: () => number
  faults?: CloudflareFault[]
  /** Who owns the token: an account-owned token gets 403 on `/user/tokens/verify`. */
  tokenOwner?: 'user' | 'account'
  /** Caps `per_page` so that tests can force several pages. */
  maxPerPage?: number
  /** Additional Free zones (`site-N.example`) beyond the five seeded ones, e.g. to exceed 10 zones per query. */
  extraZones?: number
}

export interface FakeCloudflare {
  /** API root including `/client/v4`, e.g. `http://127.0.0.1:40123/client/v4`. */
  url: string
  token: string
  accountId: string
  /** The seeded account (zones, tunnels), for tests that compare against it. */
  account: FakeAccount
  setFaults(faults: CloudflareFault[]): void
  requests: RecordedRequest[]
  close(): Promise<void>
}

const ROOT = '/client/v4'
const MAX_RECORDED = 10_000

export async function startFakeCloudflare(options: FakeCloudflareOptions = {}): Promise<FakeCloudflare> {
  const seed = options.seed ?? 1
  const now = options.now ?? Date.now
  const random = createRandom(seed)
  const token = options.token ?? `${random.hex(8)}_${random.hex(31)}`
  const tokenId = random.hex(32)
  const account = buildAccount(random, now(), options.extraZones ?? 0)
  const firewallRows = new Map(account.zones.map((z) => [z.id, buildFirewallRows(random, z, now())]))
  const dnsRows = new Map(account.zones.map((z) => [z.id, buildDnsRows(random, z, now())]))
  const faults = createFaultBook(options.faults ?? [])
  const requests: RecordedRequest[] = []

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const url = new URL(req.url ?? '/', 'http://fake.invalid')
    const path = url.pathname.startsWith(ROOT) ? url.pathname.slice(ROOT.length) || '/' : url.pathname
    const graphql = path === '/graphql' ? parseGraphqlBody(body) : null
    const endpoint = endpointOf(path)
    const endpoints: CloudflareEndpoint[] = [endpoint, ...(graphql ? datasetsOf(graphql.query) : [])]
    // A long demo session must not grow without bound; tests look at far fewer requests than this.
    if (requests.length >= MAX_RECORDED) requests.shift()
    requests.push({
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : (v ?? '')]),
      ),
      body,
      graphql,
      endpoint,
      at: now(),
    })
    if (!url.pathname.startsWith(ROOT)) return send(res, 404, failure(7003, 'No route for the URI'))
    const isGraphql = endpoint === 'graphql'
    if (req.method !== (isGraphql ? 'POST' : 'GET')) return send(res, 405, failure(10405, 'Method not allowed'))
    const fault = faults.take(endpoints)
    if (fault?.kind === 'hang') return
    const auth = checkAuth(
      req.headers.authorization,
      token,
      isGraphql,
      fault?.kind === 'invalid-token' || (fault?.kind === 'expired-token' && endpoint !== 'verify'),
    )
    if (auth) return send(res, auth.status, auth.body)
    if (fault?.kind === 'rate-limited') {
      const seconds = fault.retryAfterSeconds ?? 300
      const body429 = isGraphql
        ? { data: null, errors: [{ message: 'rate limiter budget depleted, try again after 5 minutes' }] }
        : failure(971, 'Please wait and consider throttling your request speed')
      return send(res, 429, body429, { 'retry-after': String(seconds) })
    }
    if (fault?.kind === 'server-error') {
      return send(
        res,
        500,
        isGraphql
          ? { data: null, errors: [{ message: 'internal server error' }] }
          : failure(10002, 'Internal server error'),
      )
    }
    if (fault?.kind === 'malformed-json')
      return sendRaw(res, 200, '{"success":true,"result":[{"id":"0', 'application/json')
    if (isGraphql) {
      const state: GraphqlState = {
        zones: account.zones,
        firewallRows,
        dnsRows,
        now: now(),
        inject:
          fault?.kind === 'errors-in-200'
            ? {
                target: graphqlTarget(fault.target),
                message: fault.message ?? 'cannot request data older than 2678400s',
              }
            : null,
      }
      const outcome = executeGraphql(graphql ?? body, state)
      return send(res, outcome.status, outcome.body)
    }
    const reply = routeRest(account, {
      path,
      query: url.searchParams,
      tokenOwner: options.tokenOwner ?? 'user',
      tokenStatus: fault?.kind === 'expired-token' ? 'expired' : 'active',
      tokenId,
      maxPerPage: options.maxPerPage ?? 50,
      now: now(),
    })
    return send(res, reply.status, reply.body)
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${ROOT}`,
    token,
    accountId: account.accountId,
    account,
    setFaults: (list) => faults.set(list),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function endpointOf(path: string): CloudflareEndpoint {
  if (path === '/graphql') return 'graphql'
  if (path.endsWith('/tokens/verify')) return 'verify'
  if (path.startsWith('/zones')) return 'zones'
  if (path.endsWith('/connections')) return 'connections'
  if (path.includes('/cfd_tunnel')) return 'tunnels'
  return 'all'
}

function graphqlTarget(target: CloudflareEndpoint | undefined): 'all' | 'events' | 'dns' | 'limits' {
  return target === 'events' || target === 'dns' || target === 'limits' ? target : 'all'
}

function parseGraphqlBody(body: string): RecordedRequest['graphql'] {
  try {
    const parsed = JSON.parse(body) as { query?: unknown; variables?: unknown }
    if (typeof parsed.query !== 'string') return null
    const variables =
      typeof parsed.variables === 'object' && parsed.variables !== null
        ? (parsed.variables as Record<string, unknown>)
        : {}
    return { query: parsed.query, variables }
  } catch {
    return null
  }
}

/** Bearer tokens only, as Cloudflare's token endpoints: a missing or wrong token never reaches the data. */
function checkAuth(
  header: string | undefined,
  token: string,
  graphql: boolean,
  forcedInvalid: boolean,
): { status: number; body: unknown } | null {
  const unauthorized = graphql
    ? { status: 401, body: { data: null, errors: [{ message: 'Unauthorized' }] } }
    : { status: 401, body: failure(1000, 'Invalid API Token') }
  if (header === undefined) {
    return { status: 400, body: failure(9106, 'Missing X-Auth-Key, X-Auth-Email or Authorization headers') }
  }
  const match = /^Bearer (.+)$/.exec(header)
  if (!match) {
    return {
      status: 400,
      body: failure(6003, 'Invalid request headers', {
        error_chain: [{ code: 6111, message: 'Invalid format for Authorization header' }],
      }),
    }
  }
  if (forcedInvalid || match[1] !== token) return unauthorized
  return null
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendRaw(res, status, JSON.stringify(body), 'application/json', headers)
}

function sendRaw(
  res: ServerResponse,
  status: number,
  text: string,
  type: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': type,
    ratelimit: '"default";r=1199;t=300',
    'ratelimit-policy': '"burst";q=1200;w=300',
    'cf-ray': '8f0c1d2e3a4b5c6d-LHR',
    ...headers,
  })
  res.end(text)
}
