import { describe, expect, it } from 'vitest'
import { normaliseMac, normaliseTimestamp } from '../../../src/core/analysis/normalise-values.js'
import { renderSystemLogText, toLogEntry } from '../../../src/core/analysis/log-entry.js'
import { legacyEvent, systemLogEvent } from './builders.js'

describe('timestamps', () => {
  it('reads numbers above 1e12 as milliseconds and smaller ones as seconds', () => {
    expect(normaliseTimestamp(1705084800000)).toBe(1705084800000)
    expect(normaliseTimestamp(1705084800)).toBe(1705084800000)
    expect(normaliseTimestamp('1562646211')).toBe(1562646211000)
  })

  it('reads ISO strings with an offset and treats naive ones as UTC', () => {
    expect(normaliseTimestamp('2026-01-28T11:33:20Z')).toBe(Date.UTC(2026, 0, 28, 11, 33, 20))
    expect(normaliseTimestamp('2026-01-28T13:33:20+02:00')).toBe(Date.UTC(2026, 0, 28, 11, 33, 20))
    expect(normaliseTimestamp('2026-01-28T11:33:20')).toBe(Date.UTC(2026, 0, 28, 11, 33, 20))
    expect(normaliseTimestamp('2026-01-28 11:33:20')).toBe(Date.UTC(2026, 0, 28, 11, 33, 20))
  })

  it('returns null for anything it cannot parse', () => {
    for (const value of ['yesterday', '', null, undefined, {}, Number.NaN, -5, '2026-13-45T99:99:99Z']) {
      expect(normaliseTimestamp(value)).toBeNull()
    }
  })
})

describe('MAC addresses', () => {
  it('lower-cases and turns dashes into colons', () => {
    expect(normaliseMac('AA-BB-CC-DD-EE-FF')).toBe('aa:bb:cc:dd:ee:ff')
    expect(normaliseMac(' 00:11:22:33:44:55 ')).toBe('00:11:22:33:44:55')
  })

  it('keeps a malformed value as given rather than losing the reference', () => {
    expect(normaliseMac('not-a-mac')).toBe('not-a-mac')
    expect(normaliseMac('')).toBeNull()
    expect(normaliseMac(42)).toBeNull()
  })
})

describe('log entries', () => {
  it('keeps an entry with an unparseable timestamp, flagged, at the window start (never "now")', () => {
    const event = {
      ...legacyEvent('EVT_AP_Connected', { raw: { time: 'garbage', datetime: 'n/a' } }),
      timestampMs: null,
    }
    const entry = toLogEntry(event, 0, 1_000_000)
    expect(entry.timestampUncertain).toBe(true)
    expect(entry.timestampMs).toBe(1_000_000)
  })

  it('recovers the time from raw fields when the client left it empty', () => {
    const event = {
      ...legacyEvent('EVT_AP_Connected', { raw: { time: undefined, datetime: '2020-06-17T09:42:03Z' } }),
      timestampMs: null,
    }
    const entry = toLogEntry(event, 0, 0)
    expect(entry.timestampUncertain).toBe(false)
    expect(entry.timestampMs).toBe(Date.UTC(2020, 5, 17, 9, 42, 3))
  })

  it('takes the device from the first of mac, ap_mac, sw_mac, gw_mac and the name from ap/sw/gw_name', () => {
    const entry = toLogEntry(
      legacyEvent('EVT_SW_Lost_Contact', { raw: { sw_mac: 'FC-EC-DA-11-22-33', sw_name: 'Switch 16' } }),
      0,
      0,
    )
    expect(entry.deviceMac).toBe('fc:ec:da:11:22:33')
    expect(entry.deviceName).toBe('Switch 16')
  })

  it('finds the device of a v2 entry in its parameters and renders its message', () => {
    const entry = toLogEntry(
      systemLogEvent({
        id: 'x',
        key: 'THREAT_DETECTED_KNOWN_SOURCE_CLIENT',
        event: 'THREAT_DETECTED',
        timestamp: 1769683099647,
        message_raw: 'A network intrusion attempt from {SRC_CLIENT} to {DST_IP} has been detected.',
        parameters: {
          SRC_CLIENT: { id: 'aa:bb:cc:00:00:02', name: 'Office-PC' },
          DST_IP: { id: '198.51.100.99', name: '198.51.100.99' },
          DEVICE: { id: '28:70:4E:85:A9:E9', name: 'UDM-Pro', model: 'UDM-Pro' },
        },
      }),
      0,
      0,
    )
    expect(entry.deviceMac).toBe('28:70:4e:85:a9:e9')
    expect(entry.deviceName).toBe('UDM-Pro')
    expect(entry.message).toBe('A network intrusion attempt from Office-PC to 198.51.100.99 has been detected.')
    expect(entry.eventType).toBe('THREAT_DETECTED_KNOWN_SOURCE_CLIENT')
  })

  it('keeps unknown v2 roles as written and falls back to the role id', () => {
    expect(renderSystemLogText('{MYSTERY} did something to {DST_IP}.', { DST_IP: { id: '198.51.100.7' } })).toBe(
      '{MYSTERY} did something to 198.51.100.7.',
    )
  })
})
