/** The seeded generator: determinism, sizes, and the cast of situations the analysis must recognise. */
import { describe, expect, it } from 'vitest'
import { EVENT_KINDS, LOG_CATEGORIES, LOG_SEVERITIES } from '../../../src/simulator/data/event-kinds.js'
import { FAILED_LOGIN_IP, ROAMING_CLIENT } from '../../../src/simulator/data/events.js'
import { REPEAT_ATTACKER } from '../../../src/simulator/data/threats.js'
import { ANCHOR, DAY, allEvents, dataset, str } from './helpers.js'

const PRIVATE = /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/

describe('determinism', () => {
  it('produces identical data for the same seed and now', () => {
    const a = dataset({ events: 2000, threats: 300, devices: 40 }, 5)
    const b = dataset({ events: 2000, threats: 300, devices: 40 }, 5)
    expect(a.devices()).toEqual(b.devices())
    expect(a.clients()).toEqual(b.clients())
    for (const i of [0, 1, 999, 1999]) expect(a.event(i)).toEqual(b.event(i))
    for (const i of [0, 150, 299]) {
      expect(a.legacyIps(i)).toEqual(b.legacyIps(i))
      expect(a.threatFlow(i, 'v10')).toEqual(b.threatFlow(i, 'v10'))
    }
    expect(a.logEntry(1234)).toEqual(b.logEntry(1234))
  })

  it('produces different data for another seed', () => {
    const a = dataset({}, 5)
    const b = dataset({}, 6)
    expect(a.devices().map((d) => d.mac)).not.toEqual(b.devices().map((d) => d.mac))
    expect(a.event(300)).not.toEqual(b.event(300))
  })

  it('does not depend on the order in which pages are generated', () => {
    const a = dataset({ events: 5000 })
    const b = dataset({ events: 5000 })
    const forward = [10, 4000, 4999].map((i) => a.event(i))
    const backward = [4999, 4000, 10].map((i) => b.event(i)).reverse()
    expect(forward).toEqual(backward)
  })
})

describe('sizes and time window', () => {
  it('honours the requested sizes', () => {
    const ds = dataset({ events: 1234, threats: 321, devices: 37 })
    expect(ds.devices()).toHaveLength(37)
    expect(ds.eventRange(ANCHOR - DAY, ANCHOR)).toEqual([0, 1234])
    expect(ds.threatRange(ANCHOR - DAY, ANCHOR)).toEqual([0, 321])
    expect(ds.logPositions({ fromMs: ANCHOR - DAY, toMs: ANCHOR, categories: null, severities: null })).toHaveLength(
      1555,
    )
  })

  it('serves the benchmark size lazily: far pages exist without building the rest', () => {
    const ds = dataset({ events: 100_000, threats: 20_000, devices: 500 })
    expect(ds.devices()).toHaveLength(500)
    const last = ds.event(99_999)
    expect(last.time).toBeGreaterThanOrEqual(ANCHOR - DAY)
    expect(ds.legacyIps(19_999).time).toBeGreaterThanOrEqual(ANCHOR - DAY)
    expect(ds.logPositions({ fromMs: ANCHOR - DAY, toMs: ANCHOR, categories: null, severities: null })).toHaveLength(
      120_000,
    )
  })

  it('spreads events newest first over the last 24 hours', () => {
    const ds = dataset({ events: 3000 })
    const times = Array.from({ length: 3000 }, (_, i) => ds.timeline.eventTime(i))
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeLessThan(times[i - 1] ?? 0)
    expect(Math.min(...times)).toBeGreaterThanOrEqual(ANCHOR - DAY)
    expect(Math.max(...times)).toBeLessThanOrEqual(ANCHOR)
  })

  it('windows by time: only the last hour when asked for it', () => {
    const ds = dataset({ events: 2400, threats: 240 })
    const [start, end] = ds.eventRange(ANCHOR - 3_600_000, ANCHOR)
    expect(start).toBe(0)
    for (let i = start; i < end; i++) expect(ds.timeline.eventTime(i)).toBeGreaterThanOrEqual(ANCHOR - 3_600_000)
    expect(ds.timeline.eventTime(end)).toBeLessThan(ANCHOR - 3_600_000)
    expect(end).toBeGreaterThan(90)
    expect(end).toBeLessThan(120)
  })
})

describe('devices', () => {
  const devices = dataset().devices()
  const byName = (name: string) => devices.find((d) => d.name === name) ?? {}

  it('has an overheating gateway with WAN2 offline', () => {
    const gw = byName('UDM-Pro')
    expect(gw.type).toBe('udm')
    expect(gw.overheating).toBe(true)
    expect((gw.temperatures as { value: number }[])[0]?.value).toBeGreaterThan(90)
    expect(gw.last_wan_status).toEqual({ WAN: 'online', WAN2: 'offline' })
  })

  it('has a PoE switch drawing more than 90 % of its budget, with watts as strings', () => {
    const sw = byName('Core Switch 24 PoE')
    const ports = sw.port_table as { poe_power: string }[]
    const drawn = ports.reduce((sum, p) => sum + Number(p.poe_power), 0)
    expect(ports.every((p) => typeof p.poe_power === 'string')).toBe(true)
    expect(drawn / Number(sw.total_max_power)).toBeGreaterThan(0.9)
    expect(drawn / Number(sw.total_max_power)).toBeLessThan(1)
  })

  it('has high CPU, very long uptime as a string, devices without temperature and odd states', () => {
    expect(Number((byName('Lobby AP')['system-stats'] as { cpu: string }).cpu)).toBeGreaterThan(80)
    const office = byName('Office AP')
    expect(typeof office.uptime).toBe('string')
    expect(Number(office.uptime) / 86_400).toBeGreaterThan(180)
    const withoutTemp = devices.filter((d) => d.has_temperature === false)
    expect(withoutTemp.length).toBeGreaterThan(2)
    for (const d of withoutTemp) {
      expect(d.general_temperature).toBeUndefined()
      expect(d.temperatures).toBeUndefined()
    }
    expect(new Set(devices.map((d) => d.state))).toEqual(new Set([0, 1, 6, 10]))
    expect(devices.some((d) => /^([0-9A-F]{2}-){5}[0-9A-F]{2}$/.test(str(d.mac)))).toBe(true)
  })
})

describe('events', () => {
  const ds = dataset()
  const events = allEvents(ds)
  const keys = new Set(events.map((e) => e.key))

  it('contains every event kind, including EVT_IPS_IpsAlert and unknown keys', () => {
    for (const kind of EVENT_KINDS) expect(keys, kind.key).toContain(kind.key)
    expect(keys).toContain('EVT_ZZ_QuantumFluxCalibrated')
  })

  it('reports DFS radar in the wording the rules match', () => {
    const radar = events.filter((e) => /radar.*detected on channel 52/i.test(str(e.msg)))
    expect(new Set(radar.map((e) => e.key))).toEqual(
      new Set(['EVT_AP_RADAR_DETECTED', 'EVT_AP_ChannelChange', 'EVT_AP_Interference']),
    )
  })

  it('names the port of a PoE disconnect', () => {
    const poe = events.find((e) => e.key === 'EVT_SW_PoeDisconnect') ?? {}
    expect(typeof poe.port).toBe('number')
    expect(str(poe.msg)).toContain(`port ${String(poe.port)}`)
    expect(str(poe.sw_name)).not.toBe('')
  })

  it('has one client roaming at least five times across several APs', () => {
    const mac = ds.client(ROAMING_CLIENT).mac
    const roams = events.filter((e) => e.key === 'EVT_WU_Roam' && e.user === mac)
    expect(roams.length).toBeGreaterThanOrEqual(5)
    const aps = new Set(roams.flatMap((r) => [r.ap_from, r.ap_to]))
    expect(aps.size).toBeGreaterThan(1)
  })

  it('has repeated failed admin logins from one address', () => {
    const failed = events.filter((e) => /LoginFailed|LOGIN_FAILED/.test(str(e.key)) && e.ip === FAILED_LOGIN_IP)
    expect(failed.length).toBeGreaterThanOrEqual(3)
  })

  it('uses dash-form MACs on some events', () => {
    expect(events.some((e) => /^([0-9A-F]{2}-){5}[0-9A-F]{2}$/.test(str(e.sw) || str(e.user)))).toBe(true)
  })
})

describe('threats', () => {
  const ds = dataset()
  const records = Array.from({ length: 120 }, (_, i) => ds.legacyIps(i))
  const sid = (r: Record<string, unknown>): number | undefined => {
    const nested = r.inner_alert as { signature_id?: number } | undefined
    return (r.inner_alert_signature_id as number | undefined) ?? nested?.signature_id
  }
  const signature = (r: Record<string, unknown>): string =>
    str(r.inner_alert_signature) || str((r.inner_alert as { signature?: string } | undefined)?.signature)

  it('covers ET Open, reputation lists, ET PRO, Suricata engine and SID-less rules', () => {
    const sids = records.map(sid)
    expect(sids.some((s) => s !== undefined && s >= 2_000_000 && s < 2_100_000)).toBe(true)
    expect(sids.some((s) => s !== undefined && s >= 2_400_000 && s < 2_500_000)).toBe(true)
    expect(sids.some((s) => s !== undefined && s >= 2_200_000 && s < 2_300_000)).toBe(true)
    const pro = records.filter((r) => (sid(r) ?? 0) >= 2_800_000 && (sid(r) ?? 0) <= 2_899_999)
    expect(pro.length).toBeGreaterThan(0)
    for (const r of pro) expect(signature(r)).toMatch(/^ETPRO /)
    expect(sids).toContain(undefined)
  })

  it('has both actions, both directions and all three severities', () => {
    const actions = new Set(records.map((r) => r.inner_alert_action ?? (r.inner_alert as { action: string }).action))
    expect(actions).toEqual(new Set(['allowed', 'blocked', 'drop']))
    expect(records.some((r) => PRIVATE.test(str(r.src_ip)) && !PRIVATE.test(str(r.dest_ip)))).toBe(true)
    expect(records.some((r) => !PRIVATE.test(str(r.src_ip)) && PRIVATE.test(str(r.dest_ip)))).toBe(true)
    const severities = new Set(records.map((r) => r.inner_alert_severity).filter((s) => s !== undefined))
    expect(severities).toEqual(new Set([1, 2, 3]))
  })

  it('has one attacker seen at least ten times', () => {
    expect(records.filter((r) => r.src_ip === REPEAT_ATTACKER.ip).length).toBeGreaterThanOrEqual(10)
  })

  it('reproduces the legacy quirks: catname string or array, geo false or [], nested layout', () => {
    expect(records.some((r) => typeof r.catname === 'string')).toBe(true)
    expect(records.some((r) => Array.isArray(r.catname))).toBe(true)
    expect(records.some((r) => r.dstipGeo === false)).toBe(true)
    expect(records.some((r) => Array.isArray(r.srcipGeo))).toBe(true)
    expect(records.some((r) => typeof r.inner_alert === 'object')).toBe(true)
  })

  it('writes msg in the controller’s format', () => {
    for (const r of records.slice(0, 20)) {
      expect(str(r.msg)).toMatch(
        /^IPS Alert [123]: .+\. Signature .+\. From: [\d.]+:\d+, to: [\d.]+:\d+, protocol: (TCP|UDP|ICMP)$/,
      )
    }
  })

  it('serves the same threat as a flow with the firmware’s casing', () => {
    const v9 = ds.threatFlow(3, 'v9')
    const v10 = ds.threatFlow(3, 'v10')
    expect(['allowed', 'blocked']).toContain(v9.action)
    expect(['ALLOW', 'BLOCK']).toContain(v10.action)
    expect(v10.protocol).toBe(str(v9.protocol).toLowerCase())
    expect((v10.ips as { advanced_information: string }).advanced_information).toBe(ds.legacyIps(3).msg)
    expect(v10.time).toBe(ds.legacyIps(3).time)
  })
})

describe('system log', () => {
  const ds = dataset()
  const positions = ds.logPositions({ fromMs: ANCHOR - DAY, toMs: ANCHOR, categories: null, severities: null })
  const entries = Array.from(positions, (p) => ds.logEntry(p))

  it('uses only the enum categories and severities, newest first', () => {
    for (const e of entries) {
      expect(LOG_CATEGORIES).toContain(e.category)
      expect(LOG_SEVERITIES).toContain(e.severity)
    }
    for (let i = 1; i < entries.length; i++)
      expect(entries[i]?.timestamp).toBeLessThan(Number(entries[i - 1]?.timestamp))
  })

  it('fills every placeholder it uses from parameters', () => {
    for (const e of entries) {
      const roles = [...str(e.message_raw).matchAll(/\{([A-Z_]+)\}/g)].map((m) => m[1] ?? '')
      for (const role of roles) expect(e.parameters, `${str(e.event)}: ${role}`).toHaveProperty(role)
    }
  })

  it('carries threats without signatures, as real captures do', () => {
    const threats = entries.filter((e) => e.event === 'THREAT_DETECTED')
    expect(threats.length).toBe(120 + allEvents(ds).filter((e) => /^EVT_(IPS|IDS|THREAT)/.test(str(e.key))).length)
    for (const t of threats) expect(JSON.stringify(t)).not.toMatch(/signature|ET(PRO)? [A-Z]/)
  })

  it('filters by category and severity', () => {
    const security = ds.logPositions({
      fromMs: ANCHOR - DAY,
      toMs: ANCHOR,
      categories: new Set(['SECURITY']),
      severities: null,
    })
    expect(Array.from(security, (p) => ds.logEntry(p).category)).toEqual(Array(security.length).fill('SECURITY'))
    const critical = ds.logPositions({
      fromMs: ANCHOR - DAY,
      toMs: ANCHOR,
      categories: null,
      severities: new Set(['HIGH', 'VERY_HIGH']),
    })
    expect(critical.length).toBeGreaterThan(0)
    for (const p of critical) expect(['HIGH', 'VERY_HIGH']).toContain(ds.logEntry(p).severity)
  })
})
