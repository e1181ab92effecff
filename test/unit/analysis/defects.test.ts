import { describe, expect, it } from 'vitest'
import { analyse } from '../../../src/core/analysis/analyse.js'
import { collection, defaultThresholds, legacyEvent, threat, T0 } from './builders.js'
import type { CollectedEvent, CollectedThreat } from '../../../src/core/unifi/model.js'

const run = (events: CollectedEvent[], threats: CollectedThreat[] = []) =>
  analyse(collection({ events, threats }), { thresholds: defaultThresholds() })

describe('defects of the earlier implementation (unreachable DFS rule, unfilled placeholder, missed IPS key)', () => {
  it.each(['EVT_AP_RADAR_DETECTED', 'EVT_AP_Interference', 'EVT_AP_ChannelChange'])(
    'reaches the DFS radar rule for %s when the message says radar was detected',
    (key) => {
      const [finding] = run([legacyEvent(key, { msg: 'Radar detected on channel 100, moving to 36' })]).findings
      expect(finding?.rule).toBe('dfs_radar_detected')
    },
  )

  it('accepts "radar hit" and any case', () => {
    expect(run([legacyEvent('EVT_AP_Interference', { msg: 'RADAR HIT on ch 52' })]).findings[0]?.rule).toBe(
      'dfs_radar_detected',
    )
  })

  it('keeps the generic rules for the same keys when the message is not about radar', () => {
    expect(run([legacyEvent('EVT_AP_Interference', { msg: 'High interference' })]).findings[0]?.rule).toBe(
      'ap_interference',
    )
    expect(run([legacyEvent('EVT_AP_ChannelChange', { msg: 'Channel changed' })]).findings[0]?.rule).toBe(
      'ap_channel_change',
    )
    // "detected" before "radar" is not the pattern
    expect(run([legacyEvent('EVT_AP_RADAR_DETECTED', { msg: 'detected: no radar' })]).findings[0]?.rule).toBe(
      'ap_interference',
    )
  })

  it('names the port in the PoE disconnect finding from the event port field', () => {
    const [finding] = run([
      legacyEvent('EVT_SW_PoeDisconnect', { raw: { sw: 'fc:ec:da:11:22:33', sw_name: 'Switch 16', port: 7 } }),
    ]).findings
    expect(finding?.title).toBe('[Device Health] PoE device disconnected on Switch 16 port 7')
    expect(finding?.remediation.join(' ')).toContain('port 7')
  })

  it('falls back to the port number in the message, and says Unknown when there is none', () => {
    const fromMessage = run([legacyEvent('EVT_SW_PoeDisconnect', { msg: 'PoE disconnect on Port 12' })]).findings[0]
    expect(fromMessage?.title).toMatch(/ port 12$/)
    const none = run([legacyEvent('EVT_SW_PoeDisconnect', { msg: 'PoE disconnect' })]).findings[0]
    expect(none?.title).toMatch(/ port Unknown$/)
  })

  it('counts unknown event types as "Other events" instead of dropping them', () => {
    const result = run([
      legacyEvent('EVT_XG_Something'),
      legacyEvent('EVT_XG_Something'),
      legacyEvent('EVT_HS_VoucherUsed'),
    ])
    expect(result.findings).toEqual([])
    expect(result.otherEvents).toEqual([
      { eventType: 'EVT_XG_Something', count: 2 },
      { eventType: 'EVT_HS_VoucherUsed', count: 1 },
    ])
    expect(result.logEntryCount).toBe(3)
  })
})

describe('EVT_IPS_IpsAlert and the threat section (no double counting)', () => {
  const alert = (at: number) =>
    legacyEvent('EVT_IPS_IpsAlert', {
      at,
      msg: 'IPS Alert 2: Misc Attack. Signature ET DROP Spamhaus DROP Listed Traffic Inbound group 23.',
      raw: { src_ip: '196.196.244.84', dest_ip: '192.168.3.2' },
    })

  it('leaves an alert the threat data covers to the threat section, with a note', () => {
    const result = run(
      [alert(T0 + 20_000)],
      [threat({ srcIp: '196.196.244.84', dstIp: '192.168.3.2', timestampMs: T0 })],
    )
    expect(result.findings).toEqual([])
    expect(result.threats.total).toBe(1)
    expect(result.threats.notes.join(' ')).toContain('1 IPS alert event is included in this threat summary')
    expect(result.otherEvents).toEqual([])
  })

  it('still reports an alert the threat data lacks (different addresses or time)', () => {
    const result = run(
      [alert(T0 + 10 * 60_000)],
      [threat({ srcIp: '196.196.244.84', dstIp: '192.168.3.2', timestampMs: T0 })],
    )
    expect(result.findings.map((finding) => finding.rule)).toEqual(['ips_alert'])
  })

  it('reports alerts as findings when no threat data was collected', () => {
    expect(run([alert(T0)]).findings[0]?.rule).toBe('ips_alert')
  })
})
