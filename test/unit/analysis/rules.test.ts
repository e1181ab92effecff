import { describe, expect, it } from 'vitest'
import { analyse } from '../../../src/core/analysis/analyse.js'
import { ALL_RULES, REFERENCE_RULE_NAMES } from '../../../src/core/analysis/rules/index.js'
import type { Finding } from '../../../src/core/analysis/model.js'
import { collection, defaultThresholds, legacyEvent } from './builders.js'

function findingsFor(key: string, msg = 'neutral message', raw: Record<string, unknown> = {}): Finding[] {
  return analyse(collection({ events: [legacyEvent(key, { msg, raw })] }), { thresholds: defaultThresholds() }).findings
}

/** The earlier product's rule table, which ours must keep: name, a key, severity, title prefix, remediation steps. */
const REFERENCE: [string, string, 'severe' | 'medium' | 'low', string, number][] = [
  ['admin_login_failed', 'EVT_AD_LoginFailed', 'severe', '[Security] Failed admin login from', 5],
  ['rogue_ap_detected', 'EVT_AP_RogueAPDetected', 'severe', '[Security] Rogue access point detected near', 5],
  ['ips_alert', 'EVT_IPS_Alert', 'severe', '[Security] Intrusion Prevention System alert on', 6],
  ['admin_login_success', 'EVT_AD_Login', 'low', '[Security] Admin login from', 0],
  ['ap_lost_contact', 'EVT_AP_Lost_Contact', 'severe', '[Connectivity] Access point', 5],
  ['switch_lost_contact', 'EVT_SW_Lost_Contact', 'severe', '[Connectivity] Switch', 5],
  ['gateway_wan_down', 'EVT_GW_WAN_DOWN', 'severe', '[Connectivity] Internet connection lost on', 5],
  ['ap_isolated', 'EVT_AP_Isolated', 'severe', '[Connectivity] Access point', 5],
  ['ap_connected', 'EVT_AP_Connected', 'low', '[Connectivity] Access point', 0],
  ['client_connected', 'EVT_WU_Connected', 'low', '[Connectivity] Client connected to', 0],
  ['client_disconnected', 'EVT_LU_Disconnected', 'low', '[Connectivity] Client disconnected from', 0],
  ['ap_interference', 'EVT_AP_Interference', 'medium', '[Performance] Wireless interference detected on', 5],
  ['high_cpu_usage', 'EVT_GW_HIGH_CPU', 'medium', '[Performance] High CPU usage on', 5],
  ['high_memory_usage', 'EVT_SW_HIGH_MEMORY', 'medium', '[Performance] High memory usage on', 5],
  ['speed_test_slow', 'EVT_SPEED_TEST_SLOW', 'medium', '[Performance] Speed test below expected on', 5],
  ['channel_utilization_high', 'EVT_AP_CHANNEL_UTIL_HIGH', 'medium', '[Performance] High channel utilization', 5],
  ['firmware_upgraded', 'EVT_SW_Upgraded', 'low', '[System] Firmware upgraded on', 0],
  ['device_restarted', 'EVT_GW_Restarted', 'low', '[System] Device', 0],
  ['device_restarted_unknown', 'EVT_SW_RestartedUnknown', 'medium', '[System] Device', 5],
  ['device_adopted', 'EVT_DEVICE_ADOPTED', 'low', '[System] New device', 0],
  ['config_changed', 'EVT_CONFIG_CHANGED', 'low', '[System] Configuration changed by', 0],
  ['backup_created', 'EVT_AUTO_BACKUP', 'low', '[System] Backup created on', 0],
  ['update_available', 'EVT_AP_UPDATE_AVAILABLE', 'low', '[System] Firmware update available for', 0],
  ['client_roaming', 'EVT_WU_Roam', 'low', '[Wireless] Client roamed from', 0],
  ['band_switch', 'EVT_WG_RoamRadio', 'low', '[Wireless] Client switched from', 0],
  ['ap_channel_change', 'EVT_AP_ChannelChange', 'medium', '[Wireless] AP', 5],
  ['dfs_radar_detected', 'EVT_AP_RadarDetected', 'medium', '[Wireless] DFS radar detected on', 5],
  ['poe_disconnect', 'EVT_SW_PoeDisconnect', 'medium', '[Device Health] PoE device disconnected on', 5],
  ['poe_overload', 'EVT_SW_PoeOverload', 'severe', '[Device Health] PoE power budget exceeded on', 6],
]

describe('the reference rule table', () => {
  it('has all 29 reference rules, each defined once', () => {
    expect(REFERENCE.map(([name]) => name)).toEqual([...REFERENCE_RULE_NAMES])
    const names = ALL_RULES.map((rule) => rule.name)
    expect(new Set(names).size).toBe(names.length)
    for (const name of REFERENCE_RULE_NAMES) expect(names).toContain(name)
  })

  it.each(REFERENCE)('%s: %s → %s, "%s…", %i steps', (name, key, severity, titleStart, steps) => {
    const [finding, ...rest] = findingsFor(key)
    expect(rest).toEqual([])
    expect(finding?.rule).toBe(name)
    expect(finding?.severity).toBe(severity)
    expect(finding?.title.startsWith(titleStart)).toBe(true)
    expect(finding?.description).toContain(`(${key})`)
    expect(finding?.remediation).toHaveLength(steps)
    expect(finding?.eventType).toBe(key)
  })

  it('matches every key each rule lists (generic triggers) to that rule', () => {
    for (const rule of ALL_RULES) {
      for (const trigger of rule.triggers.filter((candidate) => !candidate.pattern && !candidate.when)) {
        for (const key of trigger.keys) {
          expect(findingsFor(key)[0]?.rule, key).toBe(rule.name)
        }
      }
    }
  })

  it('gives severe and medium findings numbered steps and low findings none', () => {
    for (const rule of ALL_RULES) {
      const key = rule.triggers.at(-1)?.keys[0]
      if (!key || rule.triggers.at(-1)?.pattern || rule.triggers.at(-1)?.when) continue
      const finding = findingsFor(key)[0]
      if (rule.severity === 'low') expect(finding?.remediation, rule.name).toEqual([])
      else expect(finding?.remediation.length, rule.name).toBeGreaterThanOrEqual(5)
      for (const step of finding?.remediation ?? []) expect(step).not.toMatch(/^\d+\./)
    }
  })

  it('matches keys regardless of case (consoles mix EVT_AD_Login and EVT_AD_LOGIN)', () => {
    expect(findingsFor('evt_ap_lost_contact')[0]?.rule).toBe('ap_lost_contact')
  })
})

describe('keys seen on real consoles that the earlier table missed', () => {
  it.each([
    ['EVT_GW_Lost_Contact', 'gateway_lost_contact', 'severe'],
    ['EVT_DM_Lost_Contact', 'gateway_lost_contact', 'severe'],
    ['EVT_SW_Overheat', 'switch_overheat', 'severe'],
    ['EVT_SW_DetectRogueDHCP', 'rogue_dhcp_detected', 'severe'],
    ['EVT_SW_StpPortBlocking', 'stp_port_blocking', 'medium'],
    ['EVT_AP_DetectRogueAP', 'rogue_ap_detected', 'severe'],
    ['EVT_AP_RadarDetected', 'dfs_radar_detected', 'medium'],
    ['EVT_WC_Blocked', 'client_blocked', 'low'],
    ['EVT_LC_Blocked', 'client_blocked', 'low'],
    ['EVT_USP_RpsPowerDeniedByPsuOverload', 'rps_power_denied', 'severe'],
    ['EVT_IPS_IpsAlert', 'ips_alert', 'severe'],
  ])('%s → %s (%s)', (key, rule, severity) => {
    const finding = findingsFor(key)[0]
    expect(finding?.rule).toBe(rule)
    expect(finding?.severity).toBe(severity)
    expect(finding?.description).toContain(`(${key})`)
  })

  it('reads EVT_GW_WANTransition to disconnected as an outage and any other transition as informational', () => {
    const down = findingsFor('EVT_GW_WANTransition', 'WAN port (eth8) transitioned from connected to disconnected')
    expect(down[0]?.rule).toBe('gateway_wan_down')
    expect(down[0]?.severity).toBe('severe')
    const up = findingsFor('EVT_GW_WANTransition', 'WAN port (eth8) transitioned from disconnected to connected')
    expect(up[0]?.rule).toBe('wan_transition')
    expect(up[0]?.severity).toBe('low')
  })
})
