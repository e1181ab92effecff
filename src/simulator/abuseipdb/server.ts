/**
 * A fake AbuseIPDB API v2 on loopback: `GET /api/v2/check` with the `Key` header, the real answer envelope
 * `{data:{…}}`, the real error shape `{errors:[{detail,status}]}` for 401 (key refused), 422 (not an address)
 * and 429 (daily limit, with `Retry-After`), the `X-RateLimit-*` headers on every answer, an optional delay
 * for slow answers, and a record of every request for tests that check what a client sent.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { isAddress, reputationOf } from './reputations.js'

export interface FakeAbuseIpdbOptions {
  key?: string
  /** Requests per day before 429 (X-RateLimit-Limit). */
  dailyLimit?: number
  /** Delay before every answer, in ms (slow answers). */
  delayMs?: number
  /** Seconds sent in `Retry-After` with a 429. */
  retryAfterSeconds?: number
}

export interface RecordedCheck {
  ipAddress: string
  maxAgeInDays: string | null
  /** Whether the request carried the right key (the key itself is never recorded). */
  keyAccepted: boolean
  accept: string | null
}

export type FakeAbuseIpdbMode = 'normal' | 'quota' | 'server-error'

export interface FakeAbuseIpdb {
  /** Base including `/api/v2`, e.g. `http://127.0.0.1:40123/api/v2`. */
  url: string
  key: string
  requests: RecordedCheck[]
  setMode(mode: FakeAbuseIpdbMode): void
  setDelay(ms: number): void
  /** Starts a new day: the quota counter goes back to zero. */
  resetQuota(): void
  close(): Promise<void>
}

const KEY_REFUSED =
  'Authentication failed. Your API key is either missing, incorrect, or revoked. Note: The APIv2 key differs from the APIv1 key.'
const NOT_AN_ADDRESS = 'The ip address must be a valid IPv4 or IPv6 address (e.g. 8.8.8.8 or 2001:4860:4860::8888).'

export async function startFakeAbuseIpdb(options: FakeAbuseIpdbOptions = {}): Promise<FakeAbuseIpdb> {
  const key = options.key ?? 'fake-abuseipdb-key-0123456789abcdef'
  const dailyLimit = options.dailyLimit ?? 1000
  const retryAfter = options.retryAfterSeconds ?? 3600
  let delayMs = options.delayMs ?? 0
  let mode: FakeAbuseIpdbMode = 'normal'
  let used = 0
  const requests: RecordedCheck[] = []
  const timers = new Set<NodeJS.Timeout>()

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body)
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      'x-ratelimit-limit': String(dailyLimit),
      'x-ratelimit-remaining': String(Math.max(0, dailyLimit - used)),
      ...headers,
    })
    res.end(text)
  }
  const error = (res: ServerResponse, status: number, detail: string, headers?: Record<string, string>) =>
    send(res, status, { errors: [{ detail, status }] }, headers)

  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (req.method !== 'GET' || url.pathname !== '/api/v2/check') {
      error(res, 404, 'The requested resource could not be found.')
      return
    }
    const keyHeader = req.headers.key
    const keyAccepted = keyHeader === key
    const ipAddress = url.searchParams.get('ipAddress') ?? ''
    requests.push({
      ipAddress,
      maxAgeInDays: url.searchParams.get('maxAgeInDays'),
      keyAccepted,
      accept: typeof req.headers.accept === 'string' ? req.headers.accept : null,
    })
    if (!keyAccepted) {
      error(res, 401, KEY_REFUSED)
      return
    }
    if (mode === 'server-error') {
      res.writeHead(503, { 'content-type': 'text/html' })
      res.end('<html><body>503 Service Unavailable</body></html>')
      return
    }
    if (mode === 'quota' || used >= dailyLimit) {
      const reset = Math.floor(Date.now() / 1000) + retryAfter
      error(
        res,
        429,
        `Daily rate limit of ${dailyLimit} requests exceeded for this endpoint. See headers for additional details.`,
        {
          'retry-after': String(retryAfter),
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(reset),
        },
      )
      return
    }
    if (!isAddress(ipAddress)) {
      send(res, 422, { errors: [{ detail: NOT_AN_ADDRESS, status: 422, source: { parameter: 'ipAddress' } }] })
      return
    }
    used += 1
    const known = reputationOf(ipAddress)
    send(res, 200, {
      data: {
        ipAddress,
        isPublic: true,
        ipVersion: ipAddress.includes(':') ? 6 : 4,
        isWhitelisted: false,
        ...known,
        countryName: null,
        hostnames: [],
      },
    })
  }

  const server = createServer((req, res) => {
    req.resume()
    if (delayMs <= 0) {
      answer(req, res)
      return
    }
    const timer = setTimeout(() => {
      timers.delete(timer)
      if (!res.destroyed) answer(req, res)
    }, delayMs)
    timers.add(timer)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/api/v2`,
    key,
    requests,
    setMode: (next) => void (mode = next),
    setDelay: (ms) => void (delayMs = ms),
    resetQuota: () => void (used = 0),
    async close() {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
