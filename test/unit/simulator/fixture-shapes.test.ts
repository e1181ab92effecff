/**
 * Generated records against the real recorded payloads in test/fixtures/real: every field a real record
 * has and we also send must have the same JSON type (numbers stay numbers, numeric strings stay strings),
 * and the fields parsers rely on must be present.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ANCHOR, DAY, allEvents, dataset } from './helpers.js'
import { REAL_FIXTURES } from '../../fixtures/real-fixtures.js'

const FIXTURES = REAL_FIXTURES

function fixture(relative: string): unknown {
  return JSON.parse(readFileSync(path.join(FIXTURES, relative), 'utf8')) as unknown
}

function record(relative: string): Record<string, unknown> {
  return fixture(relative) as Record<string, unknown>
}

function jsonType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

/** Keys both records share whose JSON types differ (the real record decides). */
function typeMismatches(real: Record<string, unknown>, ours: Record<string, unknown>, ignore: string[] = []): string[] {
  return Object.keys(real)
    .filter((key) => key in ours && !ignore.includes(key))
    .filter((key) => jsonType(real[key]) !== jsonType(ours[key]))
    .map((key) => `${key}: real ${jsonType(real[key])}, ours ${jsonType(ours[key])}`)
}

function missing(real: Record<string, unknown>, ours: Record<string, unknown>, required: string[]): string[] {
  return required.filter((key) => key in real && !(key in ours))
}

const ds = dataset({ devices: 12 })
const devices = ds.devices()
const named = (name: string) => devices.find((d) => d.name === name) ?? {}

describe('stat/device records', () => {
  it('match unpoller usw.json (a PoE switch)', () => {
    const real = record('unpoller-unifi/devices/usw.json')
    const ours = named('Core Switch 24 PoE')
    expect(typeMismatches(real, ours)).toEqual([])
    const required = ['_id', 'adopted', 'mac', 'model', 'name', 'type', 'version', 'ip', 'state', 'uptime', 'last_seen']
    expect(
      missing(real, ours, [
        ...required,
        'system-stats',
        'sys_stats',
        'port_table',
        'total_max_power',
        'general_temperature',
        'overheating',
        'has_temperature',
        'upgradable',
        'uplink',
      ]),
    ).toEqual([])
    const realPort = (real.port_table as Record<string, unknown>[])[1] ?? {}
    const ourPort = (ours.port_table as Record<string, unknown>[])[1] ?? {}
    expect(typeMismatches(realPort, ourPort)).toEqual([])
    expect(
      missing(realPort, ourPort, ['port_idx', 'poe_power', 'poe_enable', 'port_poe', 'up', 'speed', 'name']),
    ).toEqual([])
    expect(
      typeMismatches(real['system-stats'] as Record<string, unknown>, ours['system-stats'] as Record<string, unknown>),
    ).toEqual([])
    expect(
      typeMismatches(real.sys_stats as Record<string, unknown>, ours.sys_stats as Record<string, unknown>),
    ).toEqual([])
  })

  it('match unpoller uap.json (an access point)', () => {
    const real = record('unpoller-unifi/devices/uap.json')
    const ours = named('Upstairs AP')
    expect(typeMismatches(real, ours)).toEqual([])
    expect(
      missing(real, ours, ['radio_table', 'radio_table_stats', 'vap_table', 'num_sta', 'has_temperature']),
    ).toEqual([])
  })

  it('match aiounifi gateway-usg3.json temperatures and the UDM fields client libraries model', () => {
    const real = record('aiounifi/devices/gateway-usg3.json')
    const ours = named('UDM-Pro')
    expect(typeMismatches(real, ours)).toEqual([])
    const realTemp = (real.temperatures as Record<string, unknown>[])[0] ?? {}
    const ourTemp = (ours.temperatures as Record<string, unknown>[])[0] ?? {}
    expect(Object.keys(ourTemp).sort()).toEqual(Object.keys(realTemp).sort())
    expect(missing(real, ours, ['last_wan_status', 'wan1', 'system-stats', 'uptime'])).toEqual([])
  })

  it('match aiounifi switch-flex-mini-5-port.json (no temperature)', () => {
    const real = record('aiounifi/devices/switch-flex-mini-5-port.json')
    const ours = named('Desk Flex Mini')
    expect(real.has_temperature).toBe(false)
    expect(ours.has_temperature).toBe(false)
    expect(typeMismatches(real, ours)).toEqual([])
  })
})

describe('clients, health, sysinfo, sites', () => {
  it('match aiounifi wireless and wired clients', () => {
    const clients = ds.clients()
    const wireless = clients.find((c) => c.is_wired === false) ?? {}
    const wired = clients.find((c) => c.is_wired === true) ?? {}
    const realWireless = record('aiounifi/clients/wireless-client.json')
    const realWired = record('aiounifi/clients/wired-client.json')
    expect(typeMismatches(realWireless, wireless)).toEqual([])
    expect(typeMismatches(realWired, wired)).toEqual([])
    expect(
      missing(realWireless, wireless, ['mac', 'ip', 'hostname', 'ap_mac', 'essid', 'signal', 'radio', 'channel']),
    ).toEqual([])
    expect(missing(realWired, wired, ['mac', 'ip', 'sw_mac', 'sw_port', 'wired_rate_mbps'])).toEqual([])
  })

  it('match unpoller stat-health.json subsystems and value types', () => {
    const real = (record('unpoller-unifi/health/stat-health.json').data as Record<string, unknown>[]) ?? []
    const ours = ds.health()
    expect(ours.map((h) => h.subsystem)).toEqual(real.map((h) => h.subsystem))
    for (const [i, realSub] of real.entries()) {
      expect(typeMismatches(realSub, ours[i] ?? {}, ['lan_ip', 'gateways', 'nameservers'])).toEqual([])
    }
  })

  it('match aiounifi stat-sysinfo-item.json', () => {
    const real = record('aiounifi/sysinfo/stat-sysinfo-item.json')
    const ours = ds.sysinfo({ version: '9.1.120', unifiOs: true, hostname: 'UDM-Pro' })
    expect(typeMismatches(real, ours)).toEqual([])
    expect(missing(real, ours, ['version', 'build', 'hostname', 'name', 'timezone', 'ubnt_device_type'])).toEqual([])
  })

  it('match aiounifi self-sites.json', () => {
    const real = ((record('aiounifi/sites/self-sites.json').data as Record<string, unknown>[]) ?? [])[0] ?? {}
    const ours = ds.site()
    expect(Object.keys(real).filter((k) => !(k in ours))).toEqual([])
    expect(typeMismatches(real, ours)).toEqual([])
  })
})

describe('events and threats', () => {
  const events = allEvents(ds)
  const realEvents = fixture('unpoller-unifi/events/stat-event-data.json') as Record<string, unknown>[]

  it.each(['EVT_WU_Connected', 'EVT_WU_Disconnected', 'EVT_IPS_IpsAlert'])('%s matches unpoller events.json', (key) => {
    const real = realEvents.find((e) => e.key === key) ?? {}
    const ours = events.find((e) => e.key === key && !('inner_alert' in e)) ?? {}
    expect(Object.keys(real).filter((k) => !(k in ours) && k !== 'tx_id')).toEqual([])
    expect(typeMismatches(real, ours, ['srcipGeo', 'dstipGeo', 'dstipCountry', 'srcipCountry', 'catname'])).toEqual([])
  })

  it('device events match the aiounifi websocket event records', () => {
    for (const [file, key] of [
      ['aiounifi/websocket/event-switch-16-upgraded.json', 'EVT_SW_Upgraded'],
      ['aiounifi/websocket/event-switch-16-lost-contact.json', 'EVT_SW_Lost_Contact'],
      ['aiounifi/websocket/event-switch-16-restarted-unknown.json', 'EVT_SW_RestartedUnknown'],
    ] as const) {
      const real = ((record(file).data as Record<string, unknown>[]) ?? [])[0] ?? {}
      const ours = events.find((e) => e.key === key) ?? {}
      expect(real.key).toBe(key)
      expect(missing(real, ours, ['sw', 'sw_name', 'subsystem', 'time', 'datetime', 'msg', 'site_id'])).toEqual([])
      expect(typeMismatches(real, ours)).toEqual([])
      expect(String(ours.msg)).toMatch(/^Switch\[[^\]]+\] /)
    }
  })

  it('legacy IPS records match unpoller ids.json', () => {
    const real = (fixture('unpoller-unifi/ips/stat-ips-event-data.json') as Record<string, unknown>[])[0] ?? {}
    const flat =
      Array.from({ length: 120 }, (_, i) => ds.legacyIps(i)).find(
        (r) => typeof r.catname === 'string' && 'inner_alert_signature_id' in r,
      ) ?? {}
    expect(Object.keys(real).filter((k) => !(k in flat))).toEqual([])
    expect(
      typeMismatches(real, flat, ['srcipGeo', 'dstipGeo', 'dstipCountry', 'srcipCountry', 'srcipASN', 'dstipASN']),
    ).toEqual([])
  })
})

describe('v2 shapes', () => {
  it('system-log entries carry every field of unifi-mcp system-log-all.json', () => {
    const realEntries = (record('unifi-mcp/v2/system-log-all.json').data as Record<string, unknown>[]) ?? []
    const positions = ds.logPositions({ fromMs: ANCHOR - DAY, toMs: ANCHOR, categories: null, severities: null })
    const ours = Array.from(positions, (p) => ds.logEntry(p))
    const threat = ours.find((e) => e.event === 'THREAT_DETECTED') ?? {}
    const client = ours.find((e) => e.event === 'CLIENT_CONNECTED') ?? {}
    const realThreat = realEntries.find((e) => e.event === 'THREAT_DETECTED') ?? {}
    const realClient = realEntries.find((e) => e.event === 'CLIENT_CONNECTED') ?? {}
    expect(Object.keys(realThreat).filter((k) => !(k in threat))).toEqual([])
    expect(Object.keys(realClient).filter((k) => !(k in client))).toEqual([])
    expect(typeMismatches(realThreat, threat)).toEqual([])
    expect(typeMismatches(realClient, client)).toEqual([])
  })

  it('traffic flows carry every field of unifi-mcp traffic-flows.json, envelope included', () => {
    const real = record('unifi-mcp/v2/traffic-flows.json')
    const realFlow = (real.data as Record<string, unknown>[])[0] ?? {}
    const plain = ds.flow(1, 'v10')
    const threat = ds.threatFlow(0, 'v10')
    for (const ours of [plain, threat]) {
      expect(Object.keys(realFlow).filter((k) => !(k in ours))).toEqual([])
      expect(typeMismatches(realFlow, ours)).toEqual([])
      const realSource = realFlow.source as Record<string, unknown>
      expect(
        Object.keys(realSource).filter((k) => !(k in (ours.source as object)) && k !== 'client_fingerprint'),
      ).toEqual([])
    }
    expect(plain.ips).toBeUndefined()
    expect(threat.ips).toBeDefined()
  })
})
