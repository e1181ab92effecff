/**
 * The rule table in registration order (security, connectivity, performance, system, wireless, device
 * health). Order only matters between generic rules sharing a key; pattern-gated triggers always win.
 */
import type { Rule } from './rule.js'
import { CONNECTIVITY_RULES } from './connectivity.js'
import { DEVICE_HEALTH_RULES } from './device-health.js'
import { PERFORMANCE_RULES } from './performance.js'
import { SECURITY_RULES } from './security.js'
import { SYSTEM_RULES } from './system.js'
import { WIRELESS_RULES } from './wireless.js'

export const ALL_RULES: readonly Rule[] = [
  ...SECURITY_RULES,
  ...CONNECTIVITY_RULES,
  ...PERFORMANCE_RULES,
  ...SYSTEM_RULES,
  ...WIRELESS_RULES,
  ...DEVICE_HEALTH_RULES,
]

/** The 29 rules of the reference table; the others map keys seen on real consoles the earlier table missed. */
export const REFERENCE_RULE_NAMES = [
  'admin_login_failed',
  'rogue_ap_detected',
  'ips_alert',
  'admin_login_success',
  'ap_lost_contact',
  'switch_lost_contact',
  'gateway_wan_down',
  'ap_isolated',
  'ap_connected',
  'client_connected',
  'client_disconnected',
  'ap_interference',
  'high_cpu_usage',
  'high_memory_usage',
  'speed_test_slow',
  'channel_utilization_high',
  'firmware_upgraded',
  'device_restarted',
  'device_restarted_unknown',
  'device_adopted',
  'config_changed',
  'backup_created',
  'update_available',
  'client_roaming',
  'band_switch',
  'ap_channel_change',
  'dfs_radar_detected',
  'poe_disconnect',
  'poe_overload',
] as const

export type { Rule } from './rule.js'
