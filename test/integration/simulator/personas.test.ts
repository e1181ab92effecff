/**
 * Each firmware persona answers as that Network version does: flavour detection, login flavour,
 * endpoint presence, empties and 404s, status/sysinfo versions, API key reach.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  PERSONAS,
  startSimulatedController,
  type PersonaName,
  type SimulatedController,
} from '../../../src/simulator/unifi/index.js'
import { ConfigError } from '../../../src/core/errors.js'
import { header, legacyData, setCookies, simHttp, type SimHttp } from './sim-http.js'

interface Expectation {
  version: string
  cookie: 'unifises' | 'TOKEN' | 'UOS_TOKEN'
  /** Status of stat/event and whether rows come back. */
  events: 'rows' | 'empty' | 404
  ips: 'rows' | 'empty' | 404
  systemLog: boolean
  flows: 'old-body' | 'new-body' | 404
}

const EXPECTED: Record<PersonaName, Expectation> = {
  'classic-8': { version: '8.6.9', cookie: 'unifises', events: 'rows', ips: 'rows', systemLog: false, flows: 404 },
  'unifi-os-9.1': {
    version: '9.1.120',
    cookie: 'TOKEN',
    events: 'rows',
    ips: 'rows',
    systemLog: true,
    flows: 'old-body',
  },
  'unifi-os-9.4': {
    version: '9.4.19',
    cookie: 'TOKEN',
    events: 'rows',
    ips: 'empty',
    systemLog: true,
    flows: 'old-body',
  },
  'unifi-os-10.0': {
    version: '10.0.162',
    cookie: 'UOS_TOKEN',
    events: 'empty',
    ips: 'empty',
    systemLog: true,
    flows: 'new-body',
  },
  'unifi-os-10.3': {
    version: '10.3.58',
    cookie: 'UOS_TOKEN',
    events: 404,
    ips: 404,
    systemLog: true,
    flows: 'new-body',
  },
}

const LOG_BODY = {
  timestampFrom: Date.now() - 86_400_000,
  timestampTo: Date.now() + 60_000,
  pageNumber: 0,
  pageSize: 50,
  categories: [
    'SECURITY',
    'UNIFI_DEVICES',
    'CLIENT_DEVICES',
    'AUDIT',
    'POWER',
    'INTERNET_AND_WAN',
    'SOFTWARE_UPDATES',
    'VPN',
    'UNIFI_ETHERNET_PORTS',
    'UNKNOWN',
  ],
}

function decodeJwtPayload(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1] ?? ''
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
}

it('lists exactly the five agreed personas', () => {
  expect([...PERSONAS].sort()).toEqual(['classic-8', 'unifi-os-10.0', 'unifi-os-10.3', 'unifi-os-9.1', 'unifi-os-9.4'])
})

describe.each(PERSONAS)('persona %s', (persona) => {
  const expected = EXPECTED[persona]
  const classic = persona === 'classic-8'
  let sim: SimulatedController
  let http: SimHttp

  beforeAll(async () => {
    sim = await startSimulatedController({ persona, seed: 7 })
    http = simHttp(sim)
  })
  afterAll(async () => {
    await http.close()
    await sim.close()
  })

  it('is detected by GET / without redirects', async () => {
    const reply = await http.call('GET', '/')
    if (classic) {
      expect(reply.status).toBe(302)
      expect(header(reply, 'location')).toBe('/manage')
    } else {
      expect(reply.status).toBe(200)
      expect(header(reply, 'content-type')).toContain('text/html')
    }
  })

  it('refuses data calls before login with the flavour’s 401 body', async () => {
    const reply = await http.call('GET', `${http.prefix}/api/s/default/stat/device`, { headers: { cookie: '' } })
    expect(reply.status).toBe(401)
    if (classic) expect(reply.body).toEqual({ meta: { rc: 'error', msg: 'api.err.LoginRequired' }, data: [] })
    else expect(reply.body).toEqual({ error: { code: 401, message: 'Unauthorized' } })
  })

  it('logs in with the flavour’s endpoint, cookie and CSRF token', async () => {
    const reply = await http.login()
    expect(reply.status).toBe(200)
    const cookie = setCookies(reply).find((c) => c.startsWith(`${expected.cookie}=`))
    expect(cookie).toBeDefined()
    if (classic) {
      expect(reply.body).toEqual({ meta: { rc: 'ok' }, data: [] })
    } else {
      expect(cookie).toMatch(/partitioned/i)
      const jwt = (cookie ?? '').split(';')[0]?.split('=')[1] ?? ''
      const csrf = header(reply, 'x-csrf-token')
      expect(csrf).toMatch(/^[0-9a-f-]{36}$/)
      expect(decodeJwtPayload(jwt).csrfToken).toBe(csrf)
      expect((reply.body as { username?: string }).username).toBe(sim.credentials.username)
    }
    expect(sim.stats.logins).toBe(1)
  })

  it('serves sites, sysinfo with the persona version, devices, health and clients', async () => {
    const sites = legacyData(await http.call('GET', `${http.prefix}/api/self/sites`))
    expect(sites.map((s) => s.name)).toEqual(['default'])
    expect(sites[0]?.desc).toBe('Default')
    const sysinfo = legacyData(await http.call('GET', `${http.prefix}/api/s/default/stat/sysinfo`))
    expect(sysinfo[0]?.version).toBe(expected.version)
    expect(legacyData(await http.call('GET', `${http.prefix}/api/s/default/stat/device`))).toHaveLength(10)
    const health = legacyData(await http.call('GET', `${http.prefix}/api/s/default/stat/health`))
    expect(health.map((h) => h.subsystem)).toEqual(['wlan', 'wan', 'www', 'lan', 'vpn'])
    expect(legacyData(await http.call('GET', `${http.prefix}/api/s/default/stat/sta`)).length).toBeGreaterThan(0)
  })

  it('answers an unknown site with api.err.NoSiteContext', async () => {
    const reply = await http.call('GET', `${http.prefix}/api/s/nosuchsite/stat/device`)
    expect(reply.status).toBe(400)
    expect(reply.body).toEqual({ meta: { rc: 'error', msg: 'api.err.NoSiteContext' }, data: [] })
  })

  it('serves legacy events as the persona does', async () => {
    const reply = await http.call('POST', `${http.prefix}/api/s/default/stat/event`, {
      json: { _sort: '-time', within: 24, type: null, _start: 0, _limit: 3000 },
    })
    if (expected.events === 404) {
      expect(reply.status).toBe(404)
      return
    }
    const rows = legacyData(reply)
    if (expected.events === 'empty') expect(rows).toEqual([])
    else expect(rows).toHaveLength(400)
  })

  it('serves legacy IPS events as the persona does', async () => {
    const reply = await http.call('POST', `${http.prefix}/api/s/default/stat/ips/event`, {
      json: { start: Date.now() - 86_400_000, end: Date.now() + 60_000, _limit: 10000 },
    })
    if (expected.ips === 404) {
      expect(reply.status).toBe(404)
      return
    }
    const rows = legacyData(reply)
    if (expected.ips === 'empty') expect(rows).toEqual([])
    else expect(rows).toHaveLength(120)
  })

  it('serves the v2 system log only where it exists', async () => {
    const reply = await http.call('POST', `${http.prefix}/v2/api/site/default/system-log/all`, { json: LOG_BODY })
    if (!expected.systemLog) {
      expect(reply.status).toBe(404)
      return
    }
    expect(reply.status).toBe(200)
    const body = reply.body as { data: unknown[]; total_element_count: number; total_page_count: number }
    expect(body.total_element_count).toBe(520)
    expect(body.data).toHaveLength(50)
    expect(body.total_page_count).toBe(11)
  })

  it('answers traffic-flows with the body style of its firmware', async () => {
    const oldBody = { limit: 100, offset: 0, timeRange: '24h' }
    const newBody = { ...LOG_BODY, policy_type: ['INTRUSION_PREVENTION'], pageSize: 100 }
    const withOld = await http.call('POST', `${http.prefix}/v2/api/site/default/traffic-flows`, { json: oldBody })
    const withNew = await http.call('POST', `${http.prefix}/v2/api/site/default/traffic-flows`, { json: newBody })
    if (expected.flows === 404) {
      expect([withOld.status, withNew.status]).toEqual([404, 404])
    } else if (expected.flows === 'old-body') {
      expect(withNew.status).toBe(400)
      expect(withOld.status).toBe(200)
      expect((withOld.body as { total_element_count: number }).total_element_count).toBe(240)
    } else {
      expect(withOld.status).toBe(400)
      expect(withNew.status).toBe(200)
      expect((withNew.body as { total_element_count: number }).total_element_count).toBe(120)
    }
  })

  it('reports its version on /status only before Network 10', async () => {
    const reply = await http.call('GET', `${http.prefix}/status`, { headers: { cookie: '' } })
    expect(reply.status).toBe(200)
    const meta = (reply.body as { meta: Record<string, unknown> }).meta
    expect(meta.up).toBe(true)
    expect(meta.server_version).toBe(expected.version.startsWith('10.') ? undefined : expected.version)
  })

  it('accepts the API key on UniFi OS only', async () => {
    const withKey = await http.call('GET', `${http.prefix}/api/s/default/stat/sysinfo`, {
      headers: { cookie: '', 'x-api-key': sim.credentials.apiKey },
    })
    const wrongKey = await http.call('GET', `${http.prefix}/api/s/default/stat/sysinfo`, {
      headers: { cookie: '', 'x-api-key': 'not-the-key' },
    })
    expect(wrongKey.status).toBe(401)
    if (classic) {
      expect(withKey.status).toBe(401)
    } else {
      expect(legacyData(withKey)[0]?.version).toBe(expected.version)
      const info = await http.call('GET', '/proxy/network/integration/v1/info', {
        headers: { cookie: '', 'x-api-key': sim.credentials.apiKey },
      })
      expect(info.body).toEqual({ applicationVersion: expected.version })
    }
  })

  it('logs out and forgets the session', async () => {
    const reply = await http.call('POST', classic ? '/api/logout' : '/api/auth/logout')
    expect(reply.status).toBe(200)
    expect(sim.stats.logouts).toBe(1)
    const after = await http.call('GET', `${http.prefix}/api/s/default/stat/device`)
    expect(after.status).toBe(401)
  })
})

describe('sites', () => {
  it('adds the branch site when the seed is even', async () => {
    const sim = await startSimulatedController({ persona: 'unifi-os-9.1', seed: 2 })
    const http = simHttp(sim)
    try {
      await http.login()
      const sites = legacyData(await http.call('GET', '/proxy/network/api/self/sites'))
      expect(sites.map((s) => [s.name, s.desc])).toEqual([
        ['default', 'Default'],
        ['branch', 'Branch office'],
      ])
      const devices = legacyData(await http.call('GET', '/proxy/network/api/s/branch/stat/device'))
      expect(devices.length).toBeGreaterThan(0)
    } finally {
      await http.close()
      await sim.close()
    }
  })
})

describe('options and the Integration API', () => {
  it('refuses an unknown persona or a negative size with a ConfigError', async () => {
    await expect(startSimulatedController({ persona: 'unifi-os-11' as PersonaName })).rejects.toBeInstanceOf(
      ConfigError,
    )
    await expect(startSimulatedController({ events: -1 })).rejects.toThrow(/events must be a whole number/)
  })

  it('lists sites with their internal reference and tells a wrong key from a missing one', async () => {
    const sim = await startSimulatedController({ persona: 'unifi-os-10.3', seed: 4 })
    const http = simHttp(sim)
    try {
      const sites = await http.call('GET', '/proxy/network/integration/v1/sites', {
        headers: { 'x-api-key': sim.credentials.apiKey },
      })
      const body = sites.body as { totalCount: number; data: { internalReference: string; name: string; id: string }[] }
      expect(body.totalCount).toBe(2)
      expect(body.data.map((s) => [s.internalReference, s.name])).toEqual([
        ['default', 'Default'],
        ['branch', 'Branch office'],
      ])
      expect(body.data[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
      const wrong = await http.call('GET', '/proxy/network/integration/v1/sites', { headers: { 'x-api-key': 'nope' } })
      const none = await http.call('GET', '/proxy/network/integration/v1/sites')
      expect([wrong.status, none.status]).toEqual([401, 401])
      expect(wrong.body).toMatchObject({ code: 'api.authentication.invalid-credentials' })
      expect(none.body).toMatchObject({
        code: 'api.authentication.missing-credentials',
        requestPath: '/integration/v1/sites',
      })
    } finally {
      await http.close()
      await sim.close()
    }
  })
})
