/**
 * What real controllers send and the earlier analysis got wrong: device-type prefixes and name fields of
 * legacy events, structured WAN transitions, events the controller marks negative, v2 event families and
 * address roles, devices without a state, and stat/health subsystems. Records go through the real parsers.
 */
import { describe, expect, it } from 'vitest'
import { analyse } from '../../../src/core/analysis/analyse.js'
import { parseDevice } from '../../../src/core/unifi/parse/device.js'
import { parseLegacyEvent, parseSystemLogEntry } from '../../../src/core/unifi/parse/events.js'
import { parseHealth } from '../../../src/core/unifi/parse/controller.js'
import type { CollectedEvent } from '../../../src/core/unifi/model.js'
import { collection, defaultThresholds, T0 } from './builders.js'

const legacy = (record: Record<string, unknown>): CollectedEvent => {
  const event = parseLegacyEvent({ time: T0, ...record }, 'stat/event', 'event')
  if (event === null) throw new Error('record did not parse')
  return event
}
const v2 = (record: Record<string, unknown>): CollectedEvent => {
  const event = parseSystemLogEntry({ timestamp: T0, ...record }, 'system-log', 'event')
  if (event === null) throw new Error('record did not parse')
  return event
}
const run = (events: CollectedEvent[]) => analyse(collection({ events }), { thresholds: defaultThresholds() })
const only = (event: CollectedEvent) => {
  const result = run([event])
  expect(result.otherEvents, 'nothing left in Other events').toEqual([])
  expect(result.findings).toHaveLength(1)
  const [finding] = result.findings
  if (!finding) throw new Error('no finding')
  return finding
}

describe('legacy device-type prefixes reach the rule meant for them', () => {
  it.each([
    ['EVT_XG_Lost_Contact', 'gateway_lost_contact', 'xg'],
    ['EVT_DM_Lost_Contact', 'gateway_lost_contact', 'dm'],
    ['EVT_USP_Lost_Contact', 'device_lost_contact', 'usp'],
    ['EVT_DM_Upgraded', 'firmware_upgraded', 'dm'],
    ['EVT_XG_Connected', 'device_connected', 'xg'],
    ['EVT_DM_Connected', 'device_connected', 'dm'],
    ['EVT_XG_AutoReadopted', 'device_adopted', 'xg'],
    ['EVT_XG_RestartedUnknown', 'device_restarted_unknown', 'xg'],
    ['EVT_AP_UpgradeFailed', 'firmware_upgrade_failed', 'ap'],
    ['EVT_LG_Connected', 'guest_connected', 'guest'],
  ])('%s → %s', (key, rule, prefix) => {
    const finding = only(
      legacy({
        key,
        [prefix]: 'd0:21:f9:74:d2:0e',
        [`${prefix}_name`]: 'Edge Gateway',
        msg: 'Gateway[d0:21:f9:74:d2:0e] happened',
      }),
    )
    expect(finding.rule).toBe(rule)
  })

  it('names the device by its own prefix, then its display name, never by the MAC when a name exists', () => {
    const finding = only(
      legacy({
        key: 'EVT_XG_Lost_Contact',
        xg: 'd0:21:f9:74:d2:0e',
        gw: 'd0:21:f9:74:d2:0e',
        gw_displayName: 'UXG Pro',
        msg: 'Gateway[d0:21:f9:74:d2:0e] was disconnected',
      }),
    )
    expect(finding.title).toBe('[Connectivity] Gateway UXG Pro went offline')
    expect(finding.deviceMac).toBe('d0:21:f9:74:d2:0e')
  })

  it('takes the name from the device list when the event carries only a MAC', () => {
    const result = analyse(
      collection({
        events: [legacy({ key: 'EVT_SW_Lost_Contact', sw: 'fc:ec:da:11:22:33', msg: 'Switch lost contact' })],
        devices: [parseDevice({ mac: 'FC-EC-DA-11-22-33', name: 'Rack Switch', state: 0, type: 'usw' })].filter(
          (device) => device !== null,
        ),
      }),
      { thresholds: defaultThresholds() },
    )
    expect(result.findings[0]?.title).toBe('[Connectivity] Switch Rack Switch went offline')
  })
})

describe('WAN transitions are judged by their structured state', () => {
  const transition = (iface: string, state: string) =>
    legacy({
      key: 'EVT_GW_WANTransition',
      gw: 'd0:21:f9:74:d2:0e',
      iface,
      state,
      xg_name: 'UXG Pro',
      subsystem: 'lan',
      is_negative: false,
      msg: `Gateway[d0:21:f9:74:d2:0e] WAN iface ${iface} transition to state ${state}`,
    })

  it('a WAN going inactive is a severe outage finding', () => {
    const finding = only(transition('eth1', 'inactive'))
    expect(finding.rule).toBe('gateway_wan_down')
    expect(finding.severity).toBe('severe')
    expect(finding.title).toBe('[Connectivity] Internet connection lost on UXG Pro')
  })

  it('a WAN going inactive while another WAN of the gateway comes up is a medium failover', () => {
    const up = transition('eth0', 'active')
    const down = { ...transition('eth1', 'inactive'), timestampMs: T0 + 1000 }
    const result = run([up, down])
    expect(result.findings.map((finding) => `${finding.severity}:${finding.rule}`)).toEqual([
      'medium:wan_failover',
      'low:wan_transition',
    ])
    expect(result.findings[0]?.title).toBe(
      '[Connectivity] WAN link eth1 went down on UXG Pro; internet moved to the other WAN',
    )
  })

  it('the same interface coming back is not a failover', () => {
    const down = transition('eth1', 'inactive')
    const back = { ...transition('eth1', 'active'), timestampMs: T0 + 60_000 }
    expect(run([down, back]).findings.map((finding) => finding.rule)).toEqual(['gateway_wan_down', 'wan_transition'])
  })

  it('a backup WAN that came up hours apart is not this failover', () => {
    const up = transition('eth0', 'active')
    const down = { ...transition('eth1', 'inactive'), timestampMs: T0 + 3 * 3_600_000 }
    expect(run([up, down]).findings.map((finding) => finding.rule)).toEqual(['gateway_wan_down', 'wan_transition'])
  })

  it('a WAN becoming active is a low state change', () => {
    const finding = only(transition('eth0', 'active'))
    expect(finding.rule).toBe('wan_transition')
    expect(finding.severity).toBe('low')
  })

  it('the structured state wins over the wording', () => {
    const event = legacy({ key: 'EVT_GW_WANTransition', state: 'active', msg: 'transitioned to disconnected' })
    expect(only(event).rule).toBe('wan_transition')
  })

  it('without a state the wording decides', () => {
    const event = legacy({
      key: 'EVT_GW_WANTransition',
      msg: 'WAN port (eth8) transitioned from connected to disconnected',
    })
    expect(only(event).rule).toBe('gateway_wan_down')
  })
})

describe('events the controller marks negative never vanish into Other events', () => {
  it('lists an unknown negative event with the controller message, the MAC replaced by the name', () => {
    const finding = only(
      legacy({
        key: 'EVT_AP_SomethingNew',
        ap: 'aa:bb:cc:00:11:22',
        ap_displayName: 'Upstairs AP',
        subsystem: 'wlan',
        is_negative: true,
        msg: 'AP[aa:bb:cc:00:11:22] did something bad',
      }),
    )
    expect(finding.rule).toBe('negative_event')
    expect(finding.severity).toBe('medium')
    expect(finding.category).toBe('wireless')
    expect(finding.title).toBe('[Wireless] AP[Upstairs AP] did something bad')
    expect(finding.description).toContain('AP[aa:bb:cc:00:11:22] did something bad (EVT_AP_SomethingNew)')
    expect(finding.remediation.length).toBeGreaterThan(0)
  })

  it('keeps an unknown event that is not negative in Other events', () => {
    const result = run([legacy({ key: 'EVT_HS_VoucherUsed', is_negative: false, msg: 'Guest used a voucher' })])
    expect(result.findings).toEqual([])
    expect(result.otherEvents).toEqual([{ eventType: 'EVT_HS_VoucherUsed', count: 1 }])
  })
})

describe('v2 system-log families and address roles', () => {
  it.each([
    ['CLIENT_CONNECTED', 'CLIENT_CONNECTED_WIRED', 'client_connected'],
    ['CLIENT_DISCONNECTED', 'CLIENT_DISCONNECTED_WIRELESS_2', 'client_disconnected'],
    ['ADMIN_ACCESS_DENIED', 'ADMIN_ACCESS_DENIED_WEB', 'admin_login_failed'],
    ['LOGIN_FAILURE', 'LOGIN_FAILURE', 'admin_login_failed'],
    ['ACCESSED_NETWORK_WEB', 'ACCESSED_NETWORK_WEB', 'admin_login_success'],
  ])('%s (%s) → %s', (event, key, rule) => {
    const finding = only(
      v2({
        category: event.startsWith('CLIENT') ? 'CLIENT_DEVICES' : 'AUDIT',
        event,
        key,
        severity: 'LOW',
        message_raw: '{CLIENT} did it.',
        parameters: { CLIENT: { id: 'aa:bb:cc:00:00:03', name: 'Lab-Phone' } },
      }),
    )
    expect(finding.rule).toBe(rule)
  })

  it.each([
    ['an ADMIN role with ip', { ADMIN: { id: 'admin-1', name: 'alice', ip: '203.0.113.9' } }],
    ['an IP role whose id is the address', { IP: { id: '203.0.113.9' } }],
    ['a role the table does not know', { ORIGIN: { id: 'x', name: '203.0.113.9' } }],
    ['only the message', {}],
  ])('takes the address of a failed login from %s', (_label, parameters) => {
    const finding = only(
      v2({
        category: 'AUDIT',
        event: 'ADMIN_LOGIN_FAILED',
        key: 'ADMIN_LOGIN_FAILED',
        severity: 'HIGH',
        message_raw: 'Failed login attempt from 203.0.113.9.',
        parameters: { DEVICE: { id: 'aa:bb:cc:ff:ff:fe', ip: '192.168.1.1', name: 'Lab-Gateway' }, ...parameters },
      }),
    )
    expect(finding.title).toBe('[Security] Failed admin login from 203.0.113.9')
  })

  it('never takes the logging device address as the source', () => {
    const finding = only(
      v2({
        category: 'AUDIT',
        event: 'ADMIN_LOGIN_FAILED',
        severity: 'HIGH',
        message_raw: 'Failed login attempt.',
        parameters: { DEVICE: { id: 'aa:bb:cc:ff:ff:fe', ip: '192.168.1.1', name: 'Lab-Gateway' } },
      }),
    )
    expect(finding.title).not.toContain('192.168.1.1')
  })
})

describe('devices and network health', () => {
  it('a device record without state is not offline', () => {
    const device = parseDevice({ mac: '00:11:22:33:44:55', name: 'Plug', type: 'uap' })
    expect(device?.state).toBeNull()
    const result = analyse(collection({ devices: device ? [device] : [] }), { thresholds: defaultThresholds() })
    expect(result.health.findings).toEqual([])
    expect(result.health.rows[0]?.state).toBe('state not reported')
  })

  it('turns subsystems in error or warning into findings, and a failed speed test', () => {
    const health = parseHealth([
      { subsystem: 'wan', status: 'error', gw_name: 'UDM Pro', gw_mac: '28:70:4e:85:a9:e9' },
      { subsystem: 'www', status: 'ok', speedtest_status: 'Error' },
      { subsystem: 'vpn', status: 'error', site_to_site_num_inactive: 1 },
      { subsystem: 'wlan', status: 'warning' },
      { subsystem: 'lan', status: 'ok' },
    ])
    const result = analyse(collection({ health }), { thresholds: defaultThresholds() })
    const seen = result.findings.map((finding) => `${finding.severity}:${finding.title}`)
    expect(seen).toEqual([
      'severe:[Connectivity] Internet (WAN) reports error',
      'medium:[Connectivity] VPN reports error',
      'low:[Performance] Speed test failed',
      'low:[Wireless] WiFi (WLAN) reports warning',
    ])
    expect(result.findings[0]?.deviceName).toBe('UDM Pro')
    expect(result.findings[1]?.description).toContain('site-to-site tunnels inactive: 1')
  })
})
