/**
 * Paging, windows, validation and per-persona variants of the data endpoints, through real HTTPS: legacy
 * `meta.count` truncation, system-log paging and its strict category enum, traffic-flow bodies, alarms and
 * settings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulatedController, type SimulatedController } from '../../../src/simulator/unifi/index.js'
import { legacyData, simHttp, type SimHttp } from './sim-http.js'

const NOW = Date.UTC(2026, 0, 29, 12, 0, 0)
const HOUR = 3_600_000
const now = () => NOW

async function open(persona: Parameters<typeof startSimulatedController>[0]) {
  const sim = await startSimulatedController({ now, ...persona })
  const http = simHttp(sim)
  await http.login()
  return { sim, http }
}

describe('legacy stat/event on a 9.x console with 7 000 events', () => {
  let sim: SimulatedController
  let http: SimHttp
  beforeAll(async () => ({ sim, http } = await open({ persona: 'unifi-os-9.1', events: 7000, threats: 50 })))
  afterAll(async () => {
    await http.close()
    await sim.close()
  })
  const url = '/proxy/network/api/s/default/stat/event'

  it('caps a page at 3000 rows and reports the true total in meta.count', async () => {
    const reply = await http.call('POST', url, { json: { _sort: '-time', within: 24, _start: 0, _limit: 50000 } })
    const body = reply.body as { meta: { rc: string; count?: number }; data: unknown[] }
    expect(body.data).toHaveLength(3000)
    expect(body.meta).toEqual({ rc: 'ok', count: 7000 })
  })

  it('pages on with _start until every row was read, newest first and without overlap', async () => {
    const ids = new Set<unknown>()
    let last = Infinity
    for (let start = 0; start < 7000; start += 3000) {
      const rows = legacyData(await http.call('POST', url, { json: { within: 24, _start: start, _limit: 3000 } }))
      for (const row of rows) {
        ids.add(row._id)
        expect(Number(row.time)).toBeLessThan(last)
        last = Number(row.time)
      }
    }
    expect(ids.size).toBe(7000)
  })

  it('limits the rows to the requested window in hours', async () => {
    const body = (await http.call('POST', url, { json: { within: 1 } })).body as { data: { time: number }[] }
    expect(body.data.length).toBeGreaterThan(250)
    expect(body.data.length).toBeLessThan(330)
    for (const row of body.data) expect(row.time).toBeGreaterThanOrEqual(NOW - HOUR)
  })

  it('windows legacy IPS events by start/end in ms', async () => {
    const rows = legacyData(
      await http.call('POST', '/proxy/network/api/s/default/stat/ips/event', {
        json: { start: NOW - 6 * HOUR, end: NOW, _limit: 10000 },
      }),
    )
    expect(rows.length).toBeGreaterThan(5)
    expect(rows.length).toBeLessThan(50)
    for (const row of rows) expect(Number(row.time)).toBeGreaterThanOrEqual(NOW - 6 * HOUR)
  })

  it('lists alarms, keeps an old archived one and filters it with archived=false', async () => {
    const all = legacyData(await http.call('GET', '/proxy/network/api/s/default/list/alarm'))
    const active = legacyData(
      await http.call('POST', '/proxy/network/api/s/default/list/alarm', { json: { archived: false } }),
    )
    expect(all.some((a) => a.archived === true && Number(a.time) < NOW - 2 * 24 * HOUR)).toBe(true)
    expect(active.length).toBe(all.length - 1)
    expect(active.map((a) => a.key)).toContain('EVT_IPS_IpsAlert')
    const count = legacyData(await http.call('GET', '/proxy/network/api/s/default/cnt/alarm'))
    expect(count).toEqual([{ count: active.length }])
  })

  it('serves the ips settings section (mode, categories, ad blocking) including the secret utm_token', async () => {
    const all = legacyData(await http.call('GET', '/proxy/network/api/s/default/rest/setting'))
    const ips = all.find((s) => s.key === 'ips')
    expect(ips).toMatchObject({ ips_mode: 'ips', ad_blocking_enabled: true, content_filtering_enabled: false })
    expect(ips?.enabled_categories).toContain('emerging-malware')
    expect(typeof ips?.utm_token).toBe('string')
    const only = legacyData(await http.call('GET', '/proxy/network/api/s/default/rest/setting/ips'))
    expect(only.map((s) => s.key)).toEqual(['ips'])
  })

  it('filters stat/device by MAC, in either MAC form', async () => {
    const devices = legacyData(await http.call('GET', '/proxy/network/api/s/default/stat/device'))
    const dashed = devices.find((d) => String(d.mac).includes('-'))
    expect(dashed).toBeDefined()
    const colon = String(dashed?.mac).toLowerCase().replaceAll('-', ':')
    const filtered = legacyData(
      await http.call('POST', '/proxy/network/api/s/default/stat/device', { json: { macs: [colon] } }),
    )
    expect(filtered.map((d) => d.name)).toEqual([dashed?.name])
  })

  it('adds health and alarm counts on stat/sites', async () => {
    const sites = legacyData(await http.call('GET', '/proxy/network/api/stat/sites'))
    expect(sites[0]).toMatchObject({ name: 'default' })
    expect(Array.isArray(sites[0]?.health)).toBe(true)
    expect(Number(sites[0]?.num_new_alarms)).toBeGreaterThan(0)
  })
})

describe('v2 system log on 10.3 (strict enum)', () => {
  let sim: SimulatedController
  let http: SimHttp
  beforeAll(async () => ({ sim, http } = await open({ persona: 'unifi-os-10.3', events: 1500, threats: 300 })))
  afterAll(async () => {
    await http.close()
    await sim.close()
  })
  const log = (cls: string) => `/proxy/network/v2/api/site/default/system-log/${cls}`
  const window = { timestampFrom: NOW - 24 * HOUR, timestampTo: NOW }

  it('pages through the window with pageNumber/pageSize', async () => {
    const ids = new Set<unknown>()
    let pages = 0
    for (let pageNumber = 0; ; pageNumber++) {
      const body = (await http.call('POST', log('all'), { json: { ...window, pageNumber, pageSize: 500 } })).body as {
        data: { id: string }[]
        total_page_count: number
        total_element_count: number
      }
      expect(body.total_element_count).toBe(1800)
      body.data.forEach((e) => ids.add(e.id))
      pages++
      if (pageNumber >= body.total_page_count - 1) break
    }
    expect(pages).toBe(4)
    expect(ids.size).toBe(1800)
  })

  it('rejects category names outside the enum with the Java deserialisation error', async () => {
    const reply = await http.call('POST', log('all'), { json: { ...window, categories: ['SECURITY', 'MONITORING'] } })
    expect(reply.status).toBe(400)
    expect(reply.body).toMatchObject({ errorCode: 400 })
    expect((reply.body as { message: string }).message).toMatch(/Cannot deserialize value .*"MONITORING".*not one of/)
  })

  it('returns only HIGH and VERY_HIGH entries from critical, and only SECURITY from threat-alert', async () => {
    const critical = (await http.call('POST', log('critical'), { json: { ...window, pageSize: 1000 } })).body as {
      data: { severity: string }[]
    }
    expect(critical.data.length).toBeGreaterThan(0)
    for (const e of critical.data) expect(['HIGH', 'VERY_HIGH']).toContain(e.severity)
    const threats = (await http.call('POST', log('threat-alert'), { json: { ...window, pageSize: 1000 } })).body as {
      data: { category: string }[]
      total_element_count: number
    }
    expect(threats.total_element_count).toBeGreaterThanOrEqual(300)
    for (const e of threats.data) expect(e.category).toBe('SECURITY')
  })

  it('treats the window as milliseconds: a window in seconds finds nothing', async () => {
    const seconds = { timestampFrom: Math.floor((NOW - 24 * HOUR) / 1000), timestampTo: Math.floor(NOW / 1000) }
    const body = (await http.call('POST', log('all'), { json: seconds })).body as { total_element_count: number }
    expect(body.total_element_count).toBe(0)
  })

  it('counts with system-log/count and refuses page sizes over 1000', async () => {
    expect((await http.call('POST', log('count'), { json: window })).body).toMatchObject({ count: 1800 })
    expect((await http.call('POST', log('all'), { json: { ...window, pageSize: 5000 } })).status).toBe(400)
  })

  it('answers the legacy alarm list with api.err.InvalidObject and stat/alarm empty', async () => {
    const list = await http.call('GET', '/proxy/network/api/s/default/list/alarm')
    expect(list.status).toBe(400)
    expect(list.body).toEqual({ meta: { rc: 'error', msg: 'api.err.InvalidObject' }, data: [] })
    expect(legacyData(await http.call('GET', '/proxy/network/api/s/default/stat/alarm'))).toEqual([])
  })

  it('pages traffic-flow threats with the new body, upper-case actions and signature ids', async () => {
    const body = (
      await http.call('POST', '/proxy/network/v2/api/site/default/traffic-flows', {
        json: { ...window, pageNumber: 1, pageSize: 100, policy_type: ['INTRUSION_PREVENTION'], risk: [], action: [] },
      })
    ).body as {
      data: { action: string; ips: { signature_id?: number } }[]
      has_next: boolean
      total_page_count: number
      page_number: number
    }
    expect(body).toMatchObject({ page_number: 1, total_page_count: 3, has_next: true })
    expect(body.data).toHaveLength(100)
    for (const flow of body.data) expect(['ALLOW', 'BLOCK']).toContain(flow.action)
    expect(body.data.some((f) => typeof f.ips.signature_id === 'number')).toBe(true)
  })
})

describe('non-strict system log on 9.4', () => {
  it('ignores category names it does not know instead of failing', async () => {
    const { sim, http } = await open({ persona: 'unifi-os-9.4' })
    try {
      const reply = await http.call('POST', '/proxy/network/v2/api/site/default/system-log/all', {
        json: { timestampFrom: NOW - 24 * HOUR, timestampTo: NOW, categories: ['MONITORING', 'SECURITY'] },
      })
      expect(reply.status).toBe(200)
      const body = reply.body as { data: { category: string }[] }
      for (const e of body.data) expect(e.category).toBe('SECURITY')
      const flows = (
        await http.call('POST', '/proxy/network/v2/api/site/default/traffic-flows', {
          json: { limit: 50, offset: 0, timeRange: '24h' },
        })
      ).body as { data: { action: string; ips?: unknown }[] }
      expect(flows.data.some((f) => f.ips === undefined)).toBe(true)
      for (const f of flows.data) expect(['allowed', 'blocked']).toContain(f.action)
    } finally {
      await http.close()
      await sim.close()
    }
  })
})
