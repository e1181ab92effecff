/**
 * Small per-site documents: `stat/sysinfo`, `stat/health` (shape of unpoller's `stat-health.json`),
 * `rest/setting` sections and the site list entry.
 */
import type { DeviceSpec, JsonRecord } from './device-builders.js'
import { objectId } from './prng.js'
import type { SiteContext } from './site-context.js'

export interface ControllerFacts {
  /** Network application version, e.g. `10.3.58`. */
  version: string
  unifiOs: boolean
  hostname: string
}

export function siteRecord(ctx: SiteContext, role: 'admin' | 'readonly'): JsonRecord {
  const record: JsonRecord = { _id: ctx.siteId, name: ctx.name, desc: ctx.description, role, role_hotspot: false }
  if (ctx.name === 'default') {
    record.attr_hidden_id = 'default'
    record.attr_no_delete = true
  }
  return record
}

export function sysinfo(ctx: SiteContext, facts: ControllerFacts): JsonRecord {
  const [major = '0', minor = '0'] = facts.version.split('.')
  return {
    name: facts.hostname,
    hostname: facts.hostname,
    version: facts.version,
    build: `atag_${facts.version}_${20000 + Number(major) * 100 + Number(minor)}`,
    previous_version: `${major}.${Math.max(0, Number(minor) - 1)}.12`,
    timezone: 'Europe/London',
    uptime: 1_196_290,
    ubnt_device_type: facts.unifiOs ? 'UDMPRO' : 'UNIFI_CONTROLLER',
    udm_version: facts.unifiOs ? '4.3.6.12345' : undefined,
    console_display_version: facts.unifiOs ? '4.3.6' : undefined,
    is_cloud_console: false,
    update_available: false,
    update_downloaded: false,
    data_retention_days: 90,
    https_port: facts.unifiOs ? 443 : 8443,
    inform_port: 8080,
    ip_addrs: [`${ctx.lanPrefix}.1`],
    anonymous_controller_id: objectId(ctx.seed, 0xac1, 0),
    autobackup: true,
    unsupported_device_count: 0,
    unsupported_device_list: [],
  }
}

export function health(ctx: SiteContext, devices: readonly DeviceSpec[], clients: number): JsonRecord[] {
  const count = (role: DeviceSpec['role'], state?: number): number =>
    devices.filter((d) => d.role === role && (state === undefined || d.state === state)).length
  const gateway = devices.find((d) => d.role === 'gateway')
  const wirelessClients = Math.ceil((clients * 3) / 4)
  const apsDown = count('ap') - count('ap', 1)
  return [
    {
      subsystem: 'wlan',
      status: apsDown > 0 ? 'warning' : 'ok',
      num_user: wirelessClients,
      num_guest: 0,
      num_iot: 2,
      num_ap: count('ap'),
      num_adopted: count('ap'),
      num_disabled: 0,
      num_disconnected: apsDown,
      num_pending: 0,
      'tx_bytes-r': 51234,
      'rx_bytes-r': 9876,
    },
    {
      subsystem: 'wan',
      status: gateway?.wan2Offline ? 'warning' : 'ok',
      wan_ip: ctx.wanIp,
      netmask: '255.255.255.0',
      gateways: [ctx.wanIp.replace(/\.\d+$/, '.1')],
      nameservers: ['1.1.1.1'],
      num_gw: count('gateway'),
      num_adopted: count('gateway'),
      num_disconnected: 0,
      num_pending: 0,
      num_sta: clients,
      gw_mac: gateway?.mac ?? '',
      gw_name: gateway?.name ?? '',
      gw_version: gateway?.version ?? '',
      'gw_system-stats': {
        cpu: String(gateway?.cpu ?? 0),
        mem: String(gateway?.mem ?? 0),
        uptime: String(gateway?.uptimeSec ?? 0),
      },
      isp_name: 'Example Fibre',
      isp_organization: 'Example Fibre Ltd',
      uptime_stats: {
        WAN: {
          availability: 100,
          latency_average: 9,
          time_period: 86400,
          uptime: 492522,
          monitors: [{ target: '1.1.1.1', type: 'icmp', availability: 100, latency_average: 9 }],
        },
        WAN2: { availability: 0, latency_average: 0, time_period: 86400, uptime: 0, monitors: [] },
      },
    },
    {
      subsystem: 'www',
      status: 'ok',
      latency: 9,
      uptime: 492506,
      drops: 1,
      xput_up: 940.0,
      xput_down: 912.5,
      speedtest_status: 'Success',
      speedtest_lastrun: Math.floor(ctx.anchorMs / 1000) - 3600,
      speedtest_ping: 10,
      gw_mac: gateway?.mac ?? '',
    },
    {
      subsystem: 'lan',
      status: count('switch', 10) > 0 ? 'warning' : 'ok',
      num_user: clients - wirelessClients,
      num_guest: 0,
      num_iot: 1,
      num_sw: count('switch'),
      num_adopted: count('switch') - count('switch', 10),
      num_disconnected: 0,
      num_pending: count('switch', 10),
      lan_ip: null,
    },
    { subsystem: 'vpn', status: 'unknown', remote_user_enabled: false, site_to_site_enabled: false },
  ]
}

export interface SettingsOptions {
  /** A secret the console may include in the ips section; clients must never log or report it. */
  utmToken: string
}

export function settings(ctx: SiteContext, options: SettingsOptions): JsonRecord[] {
  const ref = (n: number): string => objectId(ctx.seed, 0x5e7, n)
  return [
    {
      _id: ref(1),
      key: 'mgmt',
      site_id: ctx.siteId,
      advanced_feature_enabled: true,
      led_enabled: true,
      alert_enabled: true,
    },
    {
      _id: ref(2),
      key: 'ips',
      site_id: ctx.siteId,
      ips_mode: ctx.ips.mode,
      enabled_categories: [
        'emerging-malware',
        'botcc',
        'emerging-exploit',
        'tor',
        'emerging-scan',
        'spamhaus',
        'ciarmy',
      ],
      enabled_networks: [objectId(ctx.seed, 0x4e7, 0)],
      honeypot_enabled: false,
      dns_filtering: 'none',
      ad_blocking_enabled: true,
      ad_blocking_configurations: [{ network_id: objectId(ctx.seed, 0x4e7, 0) }],
      content_filtering_enabled: false,
      restrict_tor: false,
      suppression: { enabled: true, alerts: [], whitelist: [] },
      utm_token: options.utmToken,
    },
    { _id: ref(3), key: 'dpi', site_id: ctx.siteId, enabled: true, fingerprintingEnabled: true },
    { _id: ref(4), key: 'country', site_id: ctx.siteId, code: 826 },
    { _id: ref(5), key: 'connectivity', site_id: ctx.siteId, enabled: true, uplink_type: 'gateway' },
  ]
}
