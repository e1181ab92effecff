/**
 * The analysis on the UniFi client's own parser output (not the test converter): recorded payloads go
 * through `parseLegacyEvent`, `parseSystemLogEntry`, `parseLegacyIps`, `parseTrafficFlowThreat` and
 * `parseDevice`, exactly as a live collection would hand them over.
 */
import { describe, expect, it } from 'vitest'
import { analyse } from '../../../src/core/analysis/analyse.js'
import {
  parseDevice,
  parseLegacyEvent,
  parseLegacyIps,
  parseSystemLogEntry,
  parseTrafficFlowThreat,
} from '../../../src/core/unifi/index.js'
import type { CollectedDevice, CollectedEvent, CollectedThreat } from '../../../src/core/unifi/model.js'
import { collection, defaultThresholds, T0 } from './builders.js'
import { readFixture } from './real-fixtures.js'

const rows = (relative: string): unknown[] => {
  const payload = readFixture(relative) as unknown[] | { data: unknown[] }
  return Array.isArray(payload) ? payload : payload.data
}
const present = <T>(value: T | null): value is T => value !== null

describe('analyse() on the UniFi client parsers', () => {
  const legacy = [
    ...rows('aiounifi/websocket/event-switch-16-lost-contact.json'),
    ...rows('aiounifi/websocket/event-switch-16-restarted-unknown.json'),
    ...rows('aiounifi/websocket/event-wireless-client-connected.json'),
  ]
  const events: CollectedEvent[] = [
    ...legacy.map((row) => parseLegacyEvent(row, 'stat/event', 'event')).filter(present),
    ...rows('unifi-mcp/v2/system-log-all.json')
      .map((row) => parseSystemLogEntry(row, 'system-log', 'event'))
      .filter(present),
  ]
  const threats: CollectedThreat[] = [
    ...rows('unpoller-unifi/ips/stat-ips-event-data.json').map((row) => parseLegacyIps(row)),
    ...rows('unifi-mcp/v2/traffic-flows.json').map(parseTrafficFlowThreat),
  ].filter(present)
  const devices: CollectedDevice[] = [
    readFixture('aiounifi/devices/switch-16-port-poe.json'),
    readFixture('aiounifi/devices/gateway-usg3.json'),
  ]
    .map(parseDevice)
    .filter(present)
  const result = analyse(collection({ events, threats, devices }), { thresholds: defaultThresholds(), now: () => T0 })

  it('matches every parsed event to its rule', () => {
    expect(events).toHaveLength(7)
    expect(result.findings.map((finding) => finding.rule).sort()).toEqual([
      'client_connected',
      'client_connected',
      'device_restarted_unknown',
      'firewall_blocked',
      'ips_alert',
      'switch_lost_contact',
    ])
    expect(result.otherEvents).toEqual([{ eventType: 'EVENT_WITH_UNKNOWN_PLACEHOLDER', count: 1 }])
    const lost = result.findings.find((finding) => finding.rule === 'switch_lost_contact')
    expect(lost?.deviceMac).toBe('fc:ec:da:11:22:33')
    expect(lost?.title).toBe('[Connectivity] Switch Switch 16 went offline')
  })

  it('classifies the parsed threats and checks the parsed devices', () => {
    expect(result.threats.total).toBe(threats.length)
    const spamhaus = result.threats.groups.find((group) => group.signatureId === 2400022)
    expect(spamhaus?.categoryName).toBe('Blocked by Reputation')
    expect(result.threats.groups.every((group) => !group.cyberSecure)).toBe(true)
    expect(result.health.rows.map((row) => row.name).sort()).toEqual(['Switch 16', 'USG'])
    expect(result.health.findings.map((finding) => finding.rule)).toEqual(['health_cpu'])
  })
})
