import { describe, expect, it } from 'vitest'
import { analyse } from '../../../src/core/analysis/analyse.js'
import { radioDisplayName, rssiQuality } from '../../../src/core/analysis/placeholders.js'
import { defineRule } from '../../../src/core/analysis/rules/rule.js'
import { collection, defaultThresholds, legacyEvent } from './builders.js'

const one = (key: string, raw: Record<string, unknown> = {}, msg = '') =>
  analyse(collection({ events: [legacyEvent(key, { raw, msg })] }), { thresholds: defaultThresholds() }).findings[0]

describe('placeholders', () => {
  it('renders Unknown for a missing value and for a present null', () => {
    expect(one('EVT_AD_LoginFailed')?.title).toBe('[Security] Failed admin login from Unknown')
    expect(one('EVT_AD_LoginFailed', { ip: null })?.title).toBe('[Security] Failed admin login from Unknown')
    expect(one('EVT_AD_LoginFailed', { ip: '203.0.113.9' })?.title).toBe(
      '[Security] Failed admin login from 203.0.113.9',
    )
  })

  it('reads the IP from ip, client_ip or src_ip, and the user from admin, user or username', () => {
    expect(one('EVT_AD_Login', { client_ip: '10.0.0.5' })?.title).toBe('[Security] Admin login from 10.0.0.5')
    expect(one('EVT_AD_Login', { src_ip: '10.0.0.6' })?.title).toBe('[Security] Admin login from 10.0.0.6')
    expect(one('EVT_CONFIG_CHANGED', { admin: 'alice' })?.title).toBe('[System] Configuration changed by alice')
    expect(one('EVT_CONFIG_CHANGED', { username: 'bob' })?.title).toBe('[System] Configuration changed by bob')
  })

  it('names the device by name, then MAC (normalised), then "Unknown device"', () => {
    expect(one('EVT_AP_Lost_Contact', { ap: 'AA-BB-CC-DD-EE-FF', ap_name: 'Lobby AP' })?.title).toBe(
      '[Connectivity] Access point Lobby AP went offline',
    )
    const byMac = one('EVT_AP_Lost_Contact', { ap: 'AA-BB-CC-DD-EE-FF' })
    expect(byMac?.title).toBe('[Connectivity] Access point aa:bb:cc:dd:ee:ff went offline')
    expect(byMac?.deviceMac).toBe('aa:bb:cc:dd:ee:ff')
    expect(one('EVT_AP_Lost_Contact')?.title).toBe('[Connectivity] Access point Unknown device went offline')
    expect(one('EVT_AP_Lost_Contact')?.description).toContain('(Unknown)')
  })

  it('shows radio display names for band switches', () => {
    expect(one('EVT_WU_RoamRadio', { radio_from: 'ng', radio_to: 'na', ap_name: 'AP' })?.title).toBe(
      '[Wireless] Client switched from 2.4GHz to 5GHz on AP',
    )
    expect(one('EVT_WU_RoamRadio', { radio_from: 'na', radio_to: '6e', ap_name: 'AP' })?.title).toBe(
      '[Wireless] Client switched from 5GHz to 6GHz on AP',
    )
    expect(radioDisplayName('xx')).toBe('xx')
    expect(radioDisplayName(null)).toBe('Unknown')
  })

  it('uses channel as the fallback for channel_from/channel_to', () => {
    expect(one('EVT_AP_ChannelChange', { channel_from: 36, channel_to: '149', ap_name: 'AP' })?.title).toBe(
      '[Wireless] AP AP changed channel from 36 to 149',
    )
    expect(one('EVT_AP_ChannelChange', { channel: 44, ap_name: 'AP' })?.title).toBe(
      '[Wireless] AP AP changed channel from 44 to 44',
    )
  })

  it('adds the signal sentence to roams only when an RSSI is known', () => {
    const roam = { user: 'aa:bb:cc:dd:ee:ff', ap_from: 'Office-AP', ap_to: 'Lobby-AP' }
    expect(one('EVT_WU_Roam', { ...roam, rssi: -65 })?.description).toContain('Signal: Fair (-65 dBm).')
    expect(one('EVT_WU_Roam', { ...roam, signal: -45 })?.description).toContain('Signal: Excellent (-45 dBm).')
    const without = one('EVT_WU_Roam', roam)?.description ?? ''
    expect(without).not.toContain('Signal')
    expect(without).not.toContain('None')
    expect(one('EVT_WU_Roam', { ...roam, ap_from_name: 'Office', ap_to_name: 'Lobby' })?.title).toBe(
      '[Wireless] Client roamed from Office to Lobby',
    )
  })

  it.each([
    [-30, 'Excellent'],
    [-50, 'Excellent'],
    [-51, 'Good'],
    [-60, 'Good'],
    [-61, 'Fair'],
    [-70, 'Fair'],
    [-71, 'Poor'],
    [-80, 'Poor'],
    [-81, 'Very Poor'],
    [null, 'Unknown'],
  ])('RSSI %s dBm is %s', (rssi, quality) => {
    expect(rssiQuality(rssi)).toBe(quality)
  })

  it('rejects a template with an unknown placeholder when the rule is defined', () => {
    expect(() =>
      defineRule({
        name: 'broken',
        category: 'system',
        label: 'System',
        severity: 'low',
        triggers: [],
        title: 'Oops {nmae}',
        description: 'x ({event_type})',
      }),
    ).toThrow(/unknown placeholder \{nmae\}/)
  })
})
