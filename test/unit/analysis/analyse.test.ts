import { describe, expect, it } from 'vitest'
import { analyse } from '../../../src/core/analysis/analyse.js'
import { collection, defaultThresholds, device, HOUR, legacyEvent, T0, threat } from './builders.js'
import { ipsThreats, legacyEvents, readFixture, realDevice, systemLogEvents } from './real-fixtures.js'

describe('analyse() on recorded controller data', () => {
  const input = collection({
    window: { since: Date.UTC(2019, 0, 1), until: Date.UTC(2026, 11, 31) },
    events: [
      ...legacyEvents('unpoller-unifi/events/stat-event-data.json'),
      ...legacyEvents('aiounifi/websocket/event-switch-16-lost-contact.json'),
      ...legacyEvents('aiounifi/websocket/event-switch-16-restarted-unknown.json'),
      ...legacyEvents('aiounifi/websocket/event-switch-16-upgraded.json'),
      ...legacyEvents('aiounifi/websocket/event-switch-16-connected.json'),
      ...legacyEvents('aiounifi/websocket/event-wireless-client-connected.json'),
      ...legacyEvents('aiounifi/websocket/event-wireless-client-wired-connected.json'),
      ...systemLogEvents('unifi-mcp/v2/system-log-all.json'),
    ],
    threats: ipsThreats(readFixture('unpoller-unifi/ips/stat-ips-event-data.json') as unknown[]),
    devices: [realDevice('aiounifi/devices/switch-16-port-poe.json'), realDevice('aiounifi/devices/gateway-usg3.json')],
  })
  const result = analyse(input, { thresholds: defaultThresholds(), now: () => T0 })

  it('turns every recorded event into a finding or an "Other events" count', () => {
    const counted =
      result.findings.reduce((sum, finding) => sum + finding.occurrences, 0) +
      result.otherEvents.reduce((sum, other) => sum + other.count, 0)
    expect(result.logEntryCount).toBe(input.events.length)
    expect(counted).toBe(input.events.length)
    // EVT_SW_Connected reaches the device_connected rule; only the constructed v2 edge case is left over.
    expect(result.otherEvents.map((other) => other.eventType).sort()).toEqual(['EVENT_WITH_UNKNOWN_PLACEHOLDER'])
    expect(result.findings.map((finding) => finding.rule)).toContain('device_connected')
  })

  it('produces the findings an admin should see, most severe first', () => {
    const rules = result.findings.map((finding) => `${finding.severity}:${finding.rule}`)
    expect(rules.slice(0, 3).sort()).toEqual(['severe:ips_alert', 'severe:ips_alert', 'severe:switch_lost_contact'])
    expect(rules).toContain('medium:device_restarted_unknown')
    expect(rules).toContain('low:firmware_upgraded')
    expect(rules).toContain('low:firewall_blocked')
    const order = result.findings.map((finding) => ({ severe: 0, medium: 1, low: 2 })[finding.severity])
    expect(order).toEqual([...order].sort((a, b) => a - b))
    const lost = result.findings.find((finding) => finding.rule === 'switch_lost_contact')
    expect(lost?.title).toBe('[Connectivity] Switch Switch 16 went offline')
    expect(lost?.deviceMac).toBe('fc:ec:da:11:22:33')
    expect(lost?.description).toContain('(EVT_SW_Lost_Contact)')
  })

  it('keeps IPS alerts that the threat capture does not cover as findings', () => {
    // The stat/event IPS alert (2020) is not among the collected threats (2019 capture), so it stays a finding.
    const ips = result.findings.filter((finding) => finding.rule === 'ips_alert')
    expect(ips.map((finding) => finding.eventType).sort()).toEqual([
      'EVT_IPS_IpsAlert',
      'THREAT_DETECTED_KNOWN_SOURCE_CLIENT',
    ])
    expect(result.threats.total).toBe(1)
  })

  it('checks device health with the injected clock', () => {
    expect(result.health.findings.map((finding) => [finding.rule, finding.lastSeenMs])).toEqual([['health_cpu', T0]])
    expect(result.health.totals.devices).toBe(2)
  })

  it('is deterministic and plain JSON', () => {
    const again = analyse(structuredClone(input), { thresholds: defaultThresholds(), now: () => T0 })
    expect(again).toEqual(result)
    expect(JSON.parse(JSON.stringify(result))).toEqual(result)
  })
})

describe('finding ids', () => {
  it('stay unique when payloads repeat event ids or device MACs', () => {
    const result = analyse(
      collection({
        events: [
          legacyEvent('EVT_AP_Lost_Contact', { id: 'same', at: T0, raw: { ap: 'aa:bb:cc:dd:ee:01' } }),
          legacyEvent('EVT_AP_Lost_Contact', { id: 'same', at: T0 + 2 * HOUR, raw: { ap: 'aa:bb:cc:dd:ee:01' } }),
        ],
        devices: [device({ name: 'usw', cpuPercent: 99 }), device({ name: 'ugw', cpuPercent: 99 })],
      }),
      { thresholds: defaultThresholds() },
    )
    const ids = [...result.findings, ...result.health.findings].map((finding) => finding.id)
    expect(ids).toHaveLength(4)
    expect(new Set(ids).size).toBe(4)
  })
})

describe('analyse() defaults', () => {
  it('stamps health findings with the end of the window when no clock is injected', () => {
    const input = collection({ devices: [device({ temperatureC: 99 })] })
    const result = analyse(input, { thresholds: defaultThresholds() })
    expect(result.health.findings[0]?.lastSeenMs).toBe(input.window.until)
  })

  it('handles a large window in one linear pass (20 000 events, 5 000 threats, 100 devices)', () => {
    const keys = ['EVT_WU_Roam', 'EVT_AP_Lost_Contact', 'EVT_AD_LoginFailed', 'EVT_XG_Unknown', 'EVT_SW_PoeDisconnect']
    const events = Array.from({ length: 20_000 }, (_, i) =>
      legacyEvent(keys[i % keys.length] ?? 'EVT_AP_Connected', {
        at: T0 + (i % 1000) * 60_000,
        raw: {
          ap: `aa:bb:cc:dd:${String(i % 50).padStart(2, '0')}:01`,
          user: `11:22:33:44:55:${String(i % 90).padStart(2, '0')}`,
          ip: `203.0.113.${i % 200}`,
          port: i % 24,
        },
      }),
    )
    const threats = Array.from({ length: 5_000 }, (_, i) =>
      threat({ signature: `ET SCAN sig ${i % 40}`, srcIp: `198.51.100.${i % 60}`, timestampMs: T0 + i * 1000 }),
    )
    const devices = Array.from({ length: 100 }, (_, i) =>
      device({ mac: `00:00:00:00:01:${String(i).padStart(2, '0')}` }),
    )
    const result = analyse(
      collection({ events, threats, devices, window: { since: T0 - HOUR, until: T0 + 1000 * HOUR } }),
      {
        thresholds: defaultThresholds(),
      },
    )
    expect(result.logEntryCount).toBe(20_000)
    expect(result.otherEvents).toEqual([{ eventType: 'EVT_XG_Unknown', count: 4_000 }])
    expect(result.threats.groups).toHaveLength(40)
    expect(result.threats.topSources).toHaveLength(60)
    // roams are every 5th event, so 18 of the 90 client addresses roam, each far more than 5 times
    expect(result.findings.filter((finding) => finding.rule === 'client_flapping').length).toBe(18)
  })
})
