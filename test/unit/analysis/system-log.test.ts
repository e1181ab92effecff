import { describe, expect, it } from 'vitest'
import { analyse } from '../../../src/core/analysis/analyse.js'
import { candidateKeys } from '../../../src/core/analysis/system-log-mapping.js'
import type { CollectedEvent } from '../../../src/core/unifi/model.js'
import { EVENT_KINDS } from '../../../src/simulator/data/event-kinds.js'
import { collection, defaultThresholds, legacyEvent, systemLogEvent, T0 } from './builders.js'
import { systemLogEvents } from './real-fixtures.js'

const run = (events: CollectedEvent[]) => analyse(collection({ events }), { thresholds: defaultThresholds() })

describe('v2 system-log entries (real capture: unifi-mcp/v2/system-log-all.json)', () => {
  const events = systemLogEvents('unifi-mcp/v2/system-log-all.json')
  const result = run(events)

  it('maps the firewall block, the threat and the client connect onto findings', () => {
    const byRule = new Map(result.findings.map((finding) => [finding.rule, finding]))
    expect([...byRule.keys()].sort()).toEqual(['client_connected', 'firewall_blocked', 'ips_alert'])
    expect(byRule.get('firewall_blocked')?.title).toBe(
      '[Security] Traffic blocked by firewall policy block cameras to external',
    )
    expect(byRule.get('firewall_blocked')?.description).toContain('Lab-Camera was blocked from accessing 198.51.100.24')
    expect(byRule.get('firewall_blocked')?.description).toContain('(TRAFFIC_BLOCKED_KNOWN_SOURCE_CLIENT)')
    expect(byRule.get('ips_alert')?.title).toBe('[Security] Intrusion Prevention System alert on Lab-Gateway')
    expect(byRule.get('ips_alert')?.deviceMac).toBe('aa:bb:cc:ff:ff:fe')
    expect(byRule.get('client_connected')?.title).toBe('[Connectivity] Client connected to Lab-AP')
    expect(byRule.get('client_connected')?.description).toContain('Client aa:bb:cc:00:00:03')
  })

  it('counts the unknown LOW entry as an other event under its key', () => {
    expect(result.otherEvents).toEqual([{ eventType: 'EVENT_WITH_UNKNOWN_PLACEHOLDER', count: 1 }])
    expect(result.logEntryCount).toBe(4)
  })
})

describe('system-log mapping', () => {
  const entry = (fields: Record<string, unknown>) =>
    systemLogEvent({ id: `sl-${JSON.stringify(fields).length}`, timestamp: T0, title_raw: 'Title', ...fields })

  it('maps a device going offline to the rule for its kind of device', () => {
    const ap = entry({
      category: 'UNIFI_DEVICES',
      event: 'DEVICE_OFFLINE',
      key: 'DEVICE_OFFLINE',
      parameters: { DEVICE: { id: '80:2a:a8:00:01:02', name: 'Lobby AP', model: 'U7PG2' } },
    })
    const sw = entry({
      category: 'UNIFI_DEVICES',
      event: 'DEVICE_OFFLINE',
      key: 'DEVICE_OFFLINE_SWITCH',
      parameters: { DEVICE: { id: 'fc:ec:da:11:22:33', name: 'Core' } },
    })
    const unknown = entry({ category: 'UNIFI_DEVICES', event: 'DEVICE_OFFLINE', key: 'DEVICE_OFFLINE' })
    expect(run([ap]).findings[0]?.rule).toBe('ap_lost_contact')
    expect(run([sw]).findings[0]?.rule).toBe('switch_lost_contact')
    expect(run([unknown]).findings[0]?.rule).toBe('device_lost_contact')
  })

  it('names the address of a failed admin login from the IP role', () => {
    const failed = entry({
      category: 'AUDIT',
      event: 'ADMIN_LOGIN_FAILED',
      key: 'ADMIN_LOGIN_FAILED',
      message_raw: '{ADMIN} failed to log in from {IP}',
      parameters: { ADMIN: { id: 'a1', name: 'admin' }, IP: { id: '203.0.113.9', name: '203.0.113.9' } },
    })
    const finding = run([failed]).findings[0]
    expect(finding?.rule).toBe('admin_login_failed')
    expect(finding?.title).toBe('[Security] Failed admin login from 203.0.113.9')
  })

  it('prefers an EVT_ key carried by the entry over the mapped event name', () => {
    const event = entry({ key: 'EVT_AP_RadarDetected', event: 'CHANNEL_CHANGED' })
    expect(candidateKeys(event)[0]).toBe('EVT_AP_RadarDetected')
    expect(run([event]).findings[0]?.rule).toBe('dfs_radar_detected')
  })

  it('turns an unmapped entry rated HIGH or above into a finding with the console wording', () => {
    const veryHigh = entry({
      category: 'INTERNET_AND_WAN',
      event: 'SOMETHING_NEW',
      key: 'SOMETHING_NEW_KEY',
      severity: 'VERY_HIGH',
      title_raw: 'ISP Outage',
      message_raw: '{DEVICE} lost its ISP.',
      parameters: { DEVICE: { id: '28:70:4e:85:a9:e9', name: 'UDM-Pro' } },
    })
    const [finding] = run([veryHigh]).findings
    expect(finding?.rule).toBe('system_log_alert')
    expect(finding?.severity).toBe('severe')
    expect(finding?.category).toBe('connectivity')
    expect(finding?.title).toBe('[Connectivity] ISP Outage on UDM-Pro')
    expect(finding?.description).toBe('The console logged: UDM-Pro lost its ISP. (SOMETHING_NEW_KEY).')
    expect(finding?.remediation.length).toBeGreaterThan(0)

    const high = run([entry({ category: 'SECURITY', event: 'X', key: 'X', severity: 'HIGH' })]).findings[0]
    expect(high?.severity).toBe('medium')
    expect(high?.title).toBe('[Security] Title')
    const medium = run([entry({ category: 'SECURITY', event: 'Y', key: 'Y', severity: 'MEDIUM' })])
    expect(medium.findings).toEqual([])
    expect(medium.otherEvents).toEqual([{ eventType: 'Y', count: 1 }])
  })

  it('feeds v2 roams into the same roaming rule', () => {
    const roam = entry({ category: 'CLIENT_DEVICES', event: 'CLIENT_ROAMED', key: 'CLIENT_ROAMED' })
    expect(run([roam]).findings[0]?.rule).toBe('client_roaming')
  })
})

describe('legacy and v2 forms of the same event agree (every kind the simulator emits)', () => {
  /** The v2 key the simulator builds: event name plus the device role token. */
  const token = (key: string): string | null =>
    /^EVT_AP_/.test(key) ? 'AP' : /^EVT_(SW|USP)_/.test(key) ? 'SWITCH' : /^EVT_(GW|DM)_/.test(key) ? 'GATEWAY' : null
  // Deliberate differences: the v2 name says "radar detected" outright, while the legacy key needs the
  // message pattern; the v2 log reports re-adoption as an adoption, the legacy key is unknown to the rules.
  const DIFFERENT = new Set(['EVT_AP_RADAR_DETECTED', 'EVT_XG_AutoReadopted'])

  it.each(EVENT_KINDS.filter((kind) => !DIFFERENT.has(kind.key)).map((kind) => [kind.key, kind] as const))(
    '%s',
    (_key, kind) => {
      const legacy = run([legacyEvent(kind.key, { msg: 'neutral' })])
      const suffix = token(kind.key)
      const v2 = run([
        systemLogEvent({
          id: 'v2',
          category: kind.category,
          event: kind.event,
          key: suffix ? `${kind.event}_${suffix}` : kind.event,
          severity: kind.severity,
          timestamp: T0,
          title_raw: kind.title,
          message_raw: 'neutral',
        }),
      ])
      expect(v2.findings.map((finding) => finding.rule)).toEqual(legacy.findings.map((finding) => finding.rule))
      expect(v2.otherEvents.length).toBe(legacy.otherEvents.length)
    },
  )
})
