import { describe, expect, it } from 'vitest'
import { parseLegacyEvent, parseSystemLogEntry, parseSystemLogRecord } from '../../../src/core/unifi/parse/events.js'
import {
  isSystemLogThreat,
  parseLegacyIps,
  parseTrafficFlowThreat,
  systemLogThreat,
} from '../../../src/core/unifi/parse/threats.js'
import { parseIpsMessage } from '../../../src/core/unifi/parse/ips-message.js'
import { realFixture } from './fixtures.js'

const list = (file: string): Record<string, unknown>[] => realFixture(file) as Record<string, unknown>[]
const page = (file: string): { data: Record<string, unknown>[] } =>
  realFixture(file) as { data: Record<string, unknown>[] }

describe('legacy events (unpoller-unifi/events/stat-event-data.json)', () => {
  const events = list('unpoller-unifi/events/stat-event-data.json')

  it('parses Wi-Fi events with their key, ms timestamp, AP MAC and message', () => {
    const connected = parseLegacyEvent(events[0], 'stat/event', 'event')
    expect(connected).toMatchObject({
      key: 'EVT_WU_Connected',
      timestampMs: 1592386923851,
      subsystem: 'wlan',
      deviceMac: 'b4:fb:e4:d2:74:39',
      id: '5ee9e572453d4e00f3c04a7c',
    })
    expect(connected?.message).toContain('has connected to AP')
    expect(connected?.raw).toBe(events[0])
  })

  it('reads the embedded IPS alert as a threat: catname array joined, srcipGeo [] tolerated, outbound', () => {
    const threat = parseLegacyIps(events[2], 'stat/event')
    expect(threat).toMatchObject({
      origins: ['stat/event'],
      timestampMs: 1592391625000,
      srcIp: '192.168.1.199',
      srcPort: 50447,
      dstPort: 80,
      protocol: 'TCP',
      signature: 'ET MALWARE Suspicious User Agent (Autoupdate)',
      signatureId: 2003337,
      category: 'emerging-malware',
      classtype: 'A Network Trojan was Detected',
      severity: 1,
      action: 'allow',
      srcCountry: null,
      dstCountry: 'FR',
      direction: 'outbound',
    })
  })
})

describe('legacy stat/ips/event (unpoller-unifi/ips/stat-ips-event-data.json)', () => {
  it('parses the flat inner_alert_* fields, dstipGeo:false and seconds timestamps', () => {
    const [record] = list('unpoller-unifi/ips/stat-ips-event-data.json')
    const threat = parseLegacyIps(record)
    expect(threat).toMatchObject({
      origins: ['stat/ips/event'],
      timestampMs: 1562646211000,
      srcIp: '196.196.244.84',
      dstIp: '192.168.3.2',
      dstPort: 36881,
      protocol: 'UDP',
      signatureId: 2400022,
      signature: 'ET DROP Spamhaus DROP Listed Traffic Inbound group 23',
      category: 'spamhaus',
      severity: 2,
      action: 'allow',
      srcCountry: 'SE',
      dstCountry: null,
      direction: 'inbound',
    })
  })

  it('falls back to the nested inner_alert object and to the msg text when flat fields are missing', () => {
    const [record = {}] = list('unpoller-unifi/ips/stat-ips-event-data.json')
    const nested = {
      ...record,
      inner_alert_signature: undefined,
      inner_alert_signature_id: undefined,
      inner_alert_action: undefined,
    }
    Object.assign(nested, {
      inner_alert: { signature: 'ETPRO TROJAN Example', signature_id: 2812345, action: 'BLOCKED' },
    })
    expect(parseLegacyIps(nested)).toMatchObject({
      signature: 'ETPRO TROJAN Example',
      signatureId: 2812345,
      action: 'block',
    })
    const bare = { _id: 'x', time: 1562646211000, msg: record.msg }
    expect(parseLegacyIps(bare)).toMatchObject({
      signature: 'ET DROP Spamhaus DROP Listed Traffic Inbound group 23',
      srcIp: '196.196.244.84',
      srcPort: 51413,
      dstPort: 36881,
      severity: 2,
      classtype: 'Misc Attack',
    })
  })
})

describe('v2 system log (unifi-mcp/v2/system-log-all.json)', () => {
  const entries = page('unifi-mcp/v2/system-log-all.json').data

  it('renders {ROLE} placeholders from parameters and keeps unknown ones', () => {
    const blocked = parseSystemLogEntry(entries[0], 'system-log', 'event')
    expect(blocked?.message).toBe(
      'Lab-Camera was blocked from accessing 198.51.100.24 by the block cameras to external Firewall Policy.',
    )
    expect(blocked).toMatchObject({
      category: 'SECURITY',
      event: 'BLOCKED_BY_FIREWALL',
      severity: 'MEDIUM',
      timestampMs: 1786225096952,
    })
    const unknown = parseSystemLogEntry(entries[3], 'system-log', 'event')
    expect(unknown?.message).toBe('{MYSTERY_ROLE} did something to 198.51.100.7.')
  })

  it('classifies only THREAT_DETECTED as a threat and reads its parties without a signature', () => {
    const records = entries.map((entry) => parseSystemLogRecord(entry))
    expect(records.map((record) => (record === null ? null : isSystemLogThreat(record)))).toEqual([
      false,
      true,
      false,
      false,
    ])
    const threat = records[1] ? systemLogThreat(records[1]) : null
    expect(threat).toMatchObject({
      origins: ['system-log'],
      dstIp: '198.51.100.99',
      signature: '',
      signatureId: null,
      severity: 1,
      action: 'alert',
    })
    expect(threat?.message).toBe('A network intrusion attempt from Lab-Host to 198.51.100.99 has been detected.')
  })

  it('takes the device from the DEVICE/AP role', () => {
    expect(parseSystemLogEntry(entries[2], 'system-log', 'event')).toMatchObject({
      deviceMac: 'aa:bb:cc:ff:ff:fd',
      deviceName: 'Lab-AP',
    })
  })
})

describe('v2 traffic flows (unifi-mcp/v2/traffic-flows.json)', () => {
  const flows = page('unifi-mcp/v2/traffic-flows.json').data

  it('keeps only flows matched by a THREAT/IDS policy and normalises upper-case actions', () => {
    expect(parseTrafficFlowThreat(flows[0])).toBeNull()
    expect(parseTrafficFlowThreat(flows[1])).toMatchObject({
      origins: ['traffic-flows'],
      timestampMs: 1779742700000,
      srcIp: '192.0.2.55',
      dstIp: '198.51.100.3',
      dstPort: 53,
      protocol: 'UDP',
      action: 'block',
      severity: 1,
    })
  })

  it('reads the ips object and its advanced_information text when present (traffic-flows shape)', () => {
    const withIps = {
      ...flows[1],
      action: 'blocked',
      ips: {
        advanced_information:
          'IPS Alert 2: Misc Attack. Signature ET CINS Active Threat Intelligence Poor Reputation IP group 42. From: 185.220.101.7:51514, to: 10.101.1.202:443, protocol: TCP',
        signature_id: 2403341,
        ips_category: 'ciarmy',
      },
      source: { ip: '185.220.101.7', port: 51514, region: 'de' },
      destination: { ip: '10.101.1.202', port: 443 },
    }
    expect(parseTrafficFlowThreat(withIps)).toMatchObject({
      signature: 'ET CINS Active Threat Intelligence Poor Reputation IP group 42',
      signatureId: 2403341,
      category: 'ciarmy',
      classtype: 'Misc Attack',
      severity: 2,
      srcCountry: 'DE',
      direction: 'inbound',
      action: 'block',
    })
  })
})

describe('parseIpsMessage', () => {
  it('returns null for text that is not an IPS alert', () => {
    expect(parseIpsMessage('User[aa] has connected')).toBeNull()
    expect(parseIpsMessage(null)).toBeNull()
  })
})
