/** Every scriptable fault behaves as the agreed API says, on a real loopback HTTPS connection. */
import { afterEach, describe, expect, it } from 'vitest'
import {
  NetworkError,
  RequestTimeoutError,
  ResponseParseError,
  ResponseTooLargeError,
} from '../../../src/core/errors.js'
import { parseJsonBody, httpRequest } from '../../../src/core/http/index.js'
import {
  startSimulatedController,
  type PersonaName,
  type SimulatedController,
  type SimulatorFault,
} from '../../../src/simulator/unifi/index.js'
import { header, legacyData, setCookies, simHttp, type SimHttp } from './sim-http.js'

const open: { sim: SimulatedController; http: SimHttp }[] = []

async function start(persona: PersonaName = 'unifi-os-10.3', faults: SimulatorFault[] = [], limits = {}) {
  const sim = await startSimulatedController({ persona, faults })
  const http = simHttp(sim, limits)
  open.push({ sim, http })
  return { sim, http }
}

afterEach(async () => {
  for (const { sim, http } of open.splice(0)) {
    await http.close()
    await sim.close()
  }
})

const DEVICES = '/proxy/network/api/s/default/stat/device'
const EVENTS_V2 = '/proxy/network/v2/api/site/default/system-log/all'

describe('login-429', () => {
  it('refuses every login with AUTHENTICATION_FAILED_LIMIT_REACHED and the given Retry-After', async () => {
    const { sim, http } = await start('unifi-os-10.3', [{ type: 'login-429', retryAfterSec: 120 }])
    for (let attempt = 1; attempt <= 2; attempt++) {
      const reply = await http.login()
      expect(reply.status).toBe(429)
      expect(header(reply, 'retry-after')).toBe('120')
      expect(reply.body).toMatchObject({ code: 'AUTHENTICATION_FAILED_LIMIT_REACHED' })
      expect(setCookies(reply)).toEqual([])
      expect(sim.stats.logins).toBe(attempt)
    }
  })

  it('omits Retry-After when none is scripted, on both flavours', async () => {
    for (const persona of ['classic-8', 'unifi-os-9.1'] as const) {
      const { http } = await start(persona, [{ type: 'login-429' }])
      const reply = await http.login()
      expect(reply.status).toBe(429)
      expect(header(reply, 'retry-after')).toBeUndefined()
    }
  })

  it('stops when the fault is cleared', async () => {
    const { sim, http } = await start('unifi-os-10.3', [{ type: 'login-429' }])
    expect((await http.login()).status).toBe(429)
    sim.setFaults([])
    expect((await http.login()).status).toBe(200)
  })
})

describe('session-expiry', () => {
  it('answers the next data call 401 once and drops the session', async () => {
    const { sim, http } = await start('unifi-os-10.3')
    await http.login()
    expect((await http.call('GET', DEVICES)).status).toBe(200)
    sim.setFaults([{ type: 'session-expiry' }])
    const expired = await http.call('GET', DEVICES)
    expect(expired.status).toBe(401)
    expect(expired.body).toEqual({ error: { code: 401, message: 'Unauthorized' } })
    // The old cookie stays dead; a fresh login works and the fault does not fire again.
    expect((await http.call('GET', DEVICES)).status).toBe(401)
    expect((await http.login()).status).toBe(200)
    expect((await http.call('GET', DEVICES)).status).toBe(200)
    expect((await http.call('GET', DEVICES)).status).toBe(200)
    expect(sim.stats.logins).toBe(2)
  })

  it('uses api.err.LoginRequired on classic controllers', async () => {
    const { http } = await start('classic-8', [{ type: 'session-expiry' }])
    await http.login()
    const reply = await http.call('GET', '/api/s/default/stat/device')
    expect(reply.status).toBe(401)
    expect(reply.body).toEqual({ meta: { rc: 'error', msg: 'api.err.LoginRequired' }, data: [] })
  })
})

describe('csrf-required', () => {
  const body = { timestampFrom: Date.now() - 3_600_000, timestampTo: Date.now() + 60_000, pageSize: 10 }

  it('rejects writes without the current token and rotates the token on every response', async () => {
    const { http } = await start('unifi-os-10.3', [{ type: 'csrf-required' }])
    await http.login()
    const loginToken = http.csrf
    expect(loginToken).toBeDefined()

    const missing = await http.call('POST', EVENTS_V2, { json: body, headers: { 'x-csrf-token': '' } })
    expect(missing.status).toBe(403)
    expect(missing.body).toEqual({ message: 'Invalid CSRF Token' })

    const first = await http.call('POST', EVENTS_V2, { json: body })
    expect(first.status).toBe(200)
    const rotated = header(first, 'x-updated-csrf-token')
    expect(rotated).toBeDefined()
    expect(rotated).not.toBe(loginToken)

    // A client that ignores the rotation is refused once the grace period for in-flight requests is over …
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const stale = await http.call('POST', EVENTS_V2, { json: body, headers: { 'x-csrf-token': loginToken ?? '' } })
    expect(stale.status).toBe(403)
    // … one that follows it is not, and GETs never need the token.
    expect((await http.call('POST', EVENTS_V2, { json: body })).status).toBe(200)
    expect((await http.call('GET', DEVICES, { headers: { 'x-csrf-token': '' } })).status).toBe(200)
  })

  it('accepts concurrent writes sent with the token that was current when they left', async () => {
    const { http } = await start('unifi-os-10.3', [{ type: 'csrf-required' }])
    await http.login()
    const token = http.csrf ?? ''
    const replies = await Promise.all(
      Array.from({ length: 4 }, () => http.call('POST', EVENTS_V2, { json: body, headers: { 'x-csrf-token': token } })),
    )
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200])
  })

  it('leaves API-key requests alone', async () => {
    const { sim, http } = await start('unifi-os-10.3', [{ type: 'csrf-required' }])
    const reply = await http.call('POST', EVENTS_V2, { json: body, headers: { 'x-api-key': sim.credentials.apiKey } })
    expect(reply.status).toBe(200)
    expect(header(reply, 'x-updated-csrf-token')).toBeUndefined()
  })
})

describe('mfa-required and bad credentials', () => {
  it('answers a local 2FA account with api.err.Ubic2faTokenRequired and no session', async () => {
    const { http } = await start('classic-8', [{ type: 'mfa-required', variant: 'token-required' }])
    const reply = await http.login()
    expect(reply.status).toBe(200)
    expect(reply.body).toMatchObject({ meta: { rc: 'error', msg: 'api.err.Ubic2faTokenRequired' } })
    expect(setCookies(reply)).toEqual([])
  })

  it('answers an SSO account with HTTP 499 and an mfaCookie', async () => {
    const { http } = await start('unifi-os-10.3', [{ type: 'mfa-required', variant: 'sso-499' }])
    const reply = await http.login()
    expect(reply.status).toBe(499)
    expect((reply.body as { data: { mfaCookie: string } }).data.mfaCookie).toMatch(/^UBIC_2FA=/)
  })

  it('rejects bad credentials per flavour without echoing the password', async () => {
    const os = await start('unifi-os-10.3', [{ type: 'bad-credentials' }])
    const osReply = await os.http.login()
    expect(osReply.status).toBe(403)
    expect(osReply.body).toMatchObject({ code: 'AUTHENTICATION_FAILED_INVALID_CREDENTIALS' })
    expect(osReply.text).not.toContain(os.sim.credentials.password)

    const classic = await start('classic-8')
    const wrong = await classic.http.login({ username: 'admin', password: 'wrong-password' })
    expect(wrong.status).toBe(400)
    expect(wrong.body).toEqual({ meta: { rc: 'error', msg: 'api.err.Invalid' }, data: [] })
  })
})

describe('transport faults', () => {
  it('delays only the matching path', async () => {
    const { http } = await start('unifi-os-10.3', [{ type: 'slow', delayMs: 400, pathIncludes: 'stat/device' }])
    await http.login()
    const started = performance.now()
    expect((await http.call('GET', DEVICES)).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(390)
    // A client deadline shorter than the delay fires.
    const late = await http.call('GET', DEVICES, { timeoutMs: 100 }).catch((e: unknown) => e)
    expect(late).toBeInstanceOf(RequestTimeoutError)
  })

  it('hangs: the request is accepted and never answered, and close() still returns', async () => {
    const { sim, http } = await start('unifi-os-10.3', [{ type: 'hang', pathIncludes: 'stat/sysinfo' }])
    const error = await http
      .call('GET', '/proxy/network/api/s/default/stat/sysinfo', { timeoutMs: 150 })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RequestTimeoutError)
    expect(sim.stats.requests.at(-1)).toMatchObject({ path: '/proxy/network/api/s/default/stat/sysinfo', status: 0 })
    expect((await http.call('GET', '/')).status).toBe(200)
  })

  it('resets the connection', async () => {
    const { http } = await start('unifi-os-10.3', [{ type: 'reset', pathIncludes: '/api/auth/login' }])
    const error = await http.login().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetworkError)
  })

  it('sends invalid JSON', async () => {
    const { sim, http } = await start('unifi-os-10.3', [{ type: 'invalid-json', pathIncludes: 'stat/device' }])
    await http.login()
    const dispatcherFree = await http.call('GET', DEVICES)
    expect(dispatcherFree.status).toBe(200)
    expect(dispatcherFree.body).toBeUndefined()
    expect(() => parseJsonBody({ status: 200, headers: {}, text: dispatcherFree.text, url: sim.url })).toThrow(
      ResponseParseError,
    )
  })

  it('sends an oversize body that trips a response cap', async () => {
    const { http } = await start(
      'unifi-os-10.3',
      [{ type: 'oversize', bytes: 3 * 1024 * 1024, pathIncludes: 'stat/device' }],
      {
        maxResponseBytes: 1024 * 1024,
      },
    )
    await http.login()
    const error = await http.call('GET', DEVICES).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ResponseTooLargeError)
  })

  it('sends the full oversize body to a client without a cap', async () => {
    const { sim } = await start('unifi-os-10.3', [{ type: 'oversize', bytes: 2_000_000 }])
    const { Agent } = await import('undici')
    const dispatcher = new Agent({ connect: { ca: sim.certPem } })
    try {
      const reply = await httpRequest({ url: `${sim.url}/anything`, dispatcher })
      expect(Buffer.byteLength(reply.text)).toBe(2_000_000)
      expect(() => JSON.parse(reply.text) as unknown).not.toThrow()
    } finally {
      await dispatcher.close()
    }
  })
})

describe('stats', () => {
  it('records every request with method, path and status, and counts logins and logouts', async () => {
    const { sim, http } = await start('unifi-os-9.1')
    await http.login()
    legacyData(await http.call('GET', DEVICES))
    await http.call('POST', '/api/auth/logout')
    expect(sim.stats.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['POST', '/api/auth/login', 200],
      ['GET', DEVICES, 200],
      ['POST', '/api/auth/logout', 200],
    ])
    expect(sim.stats.logins).toBe(1)
    expect(sim.stats.logouts).toBe(1)
    expect(sim.stats.openConnections()).toBeGreaterThan(0)
  })
})
