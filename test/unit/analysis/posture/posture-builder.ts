/**
 * A posture collection built from real payload shapes: the aiounifi WLAN, port-forward, firewall policy/zone,
 * device and sysinfo fixtures (test/fixtures/real/aiounifi, MIT) parsed by the product's own schemas, with the
 * settings sections and networks written in the controller's field names. `wellKept()` passes every check a
 * controller can answer; each test changes a copy of one raw record and parses it again.
 */
import type { PostureCollection, PostureRead } from '../../../../src/core/unifi/posture-model.js'
import {
  parseDeviceFirmware,
  parseFirewallRules,
  parseNetworks,
  parsePolicies,
  parsePortForwards,
  parsePostureSysinfo,
  parseUpnpMappings,
  parseWlans,
  parseZones,
} from '../../../../src/core/unifi/schemas/posture-config.js'
import { parsePostureSettings } from '../../../../src/core/unifi/schemas/posture-settings.js'
import type { PostureContext } from '../../../../src/core/analysis/posture/context.js'
import { readRealFixture } from '../../../fixtures/real-fixtures.js'

type Raw = Record<string, unknown>

const clone = <T>(value: T): T => structuredClone(value)
const records = (relative: string): Raw[] => {
  const value = readRealFixture(relative)
  if (Array.isArray(value)) return value as Raw[]
  const data = (value as { data?: unknown }).data
  return Array.isArray(data) ? (data as Raw[]) : [value as Raw]
}

export interface RawPosture {
  settings: Raw[]
  wlans: Raw[]
  portForwards: Raw[]
  upnp: Raw[]
  networks: Raw[]
  migration: 'legacy' | 'zone-based'
  rules: Raw[]
  policies: Raw[]
  zones: Raw[]
  devices: Raw[]
  sysinfo: Raw
}

/** A site with every check answered and passing. */
export function wellKeptRaw(): RawPosture {
  const [wlan] = records('aiounifi/config/wlans.json')
  const [forward] = records('aiounifi/config/port-forwarding.json')
  const zones = records('aiounifi/config/firewall-zones.json')
  const [policy] = records('aiounifi/config/firewall-policies.json')
  const accessPoint = readRealFixture('aiounifi/devices/access-point-ac-pro.json') as Raw
  const sysinfo = readRealFixture('aiounifi/sysinfo/stat-sysinfo-item.json') as Raw
  return {
    settings: [
      {
        key: 'mgmt',
        x_ssh_enabled: false,
        x_ssh_auth_password_enabled: false,
        x_ssh_keys: [],
        x_ssh_username: 'ops',
        x_ssh_password: 'not-used-but-set',
        debug_tools_enabled: false,
        auto_upgrade: true,
        auto_upgrade_hour: 3,
      },
      {
        key: 'super_mgmt',
        autobackup_enabled: true,
        autobackup_post_actions: ['copy_local', 'copy_cloud'],
        backup_to_cloud_enabled: true,
        autobackup_max_files: 14,
        auto_upgrade: true,
      },
      {
        key: 'usg',
        upnp_enabled: false,
        upnp_nat_pmp_enabled: false,
        upnp_secure_mode: true,
        geo_ip_filtering_enabled: true,
        geo_ip_filtering_countries: 'KP',
      },
      {
        key: 'ips',
        ips_mode: 'ips',
        enabled_networks: ['lan', 'guest', 'iot'],
        enabled_categories: ['emerging-malware'],
        content_filtering_enabled: true,
      },
      { key: 'rsyslogd', enabled: true, ip: '192.168.1.20', log_all_contents: true, contents: [] },
      { key: 'snmp', enabled: false, enabledV3: false, community: 'long-and-random-community' },
      { key: 'super_cloudaccess', enabled: false },
      { key: 'teleport', enabled: false },
      { key: 'super_fwupdate', controller_channel: 'release', firmware_channel: 'release' },
      { key: 'doh', state: 'auto' },
      { key: 'radius', enabled: true, x_secret: 'a-random-radius-secret-of-32-chars' },
    ],
    wlans: [
      {
        ...clone(wlan),
        enabled: true,
        wpa3_support: true,
        wpa3_transition: true,
        pmf_mode: 'optional',
        hide_ssid: false,
        mac_filter_enabled: false,
        networkconf_id: 'lan',
      },
      {
        ...clone(wlan),
        _id: 'guest-wlan',
        name: 'Guest',
        enabled: true,
        is_guest: true,
        l2_isolation: true,
        wpa3_support: true,
        wpa3_transition: false,
        pmf_mode: 'required',
        networkconf_id: 'guest',
        x_passphrase: 'guest passphrase of decent length',
      },
    ],
    portForwards: [{ ...clone(forward), src: '198.51.100.0/24' }],
    upnp: [{ ...clone(forward), is_upnp: 0 }],
    networks: [
      { _id: 'lan', name: 'Default', purpose: 'corporate', enabled: true, dhcpguard_enabled: true },
      {
        _id: 'guest',
        name: 'Guest',
        purpose: 'guest',
        enabled: true,
        vlan: '20',
        dhcpguard_enabled: true,
        network_isolation_enabled: true,
      },
      {
        _id: 'iot',
        name: 'IoT',
        purpose: 'corporate',
        enabled: true,
        vlan: 30,
        dhcpguard_enabled: true,
        network_isolation_enabled: true,
      },
      { _id: 'wg', name: 'WireGuard', purpose: 'remote-user-vpn', vpn_type: 'wireguard-server', enabled: true },
    ],
    migration: 'zone-based',
    rules: [],
    policies: [
      {
        ...clone(policy),
        name: 'Allow LAN to IoT printers',
        destination: { matching_target: 'IP', zone_id: zones[0]?._id },
      },
      {
        ...clone(policy),
        _id: 'block-regions',
        name: 'Block regions',
        action: 'BLOCK',
        logging: true,
        source: { matching_target: 'REGION', regions: ['KP'], zone_id: zones[1]?._id },
        destination: { matching_target: 'ANY', zone_id: zones[0]?._id },
      },
    ],
    zones,
    devices: [{ ...accessPoint, upgradable: false, model_in_eol: false, model_in_lts: false, unsupported: false }],
    sysinfo: {
      ...sysinfo,
      version: '10.3.58',
      update_available: false,
      autobackup: true,
      ubnt_device_type: 'UDMPRO',
      console_display_version: '5.1.26',
    },
  }
}

const read = <T>(endpoint: string, value: T): PostureRead<T> => ({ state: 'read', endpoint, value })

export function parseRaw(raw: RawPosture): PostureCollection {
  const sysinfo = parsePostureSysinfo([raw.sysinfo])
  return {
    settings: read('rest/setting', parsePostureSettings(raw.settings)),
    wlans: read('rest/wlanconf', parseWlans(raw.wlans).values),
    portForwards: read('rest/portforward', parsePortForwards(raw.portForwards).values),
    upnp: read('stat/portforward', parseUpnpMappings(raw.upnp).values),
    networks: read('rest/networkconf', parseNetworks(raw.networks).values),
    firewall:
      raw.migration === 'legacy'
        ? read('rest/firewallrule', { mode: 'legacy' as const, rules: parseFirewallRules(raw.rules).values })
        : read('firewall-policies', {
            mode: 'zone-based' as const,
            policies: parsePolicies(raw.policies).values,
            zones: parseZones(raw.zones).values,
          }),
    devices: read(
      'stat/device',
      raw.devices.map(parseDeviceFirmware).filter((d) => d !== null),
    ),
    sysinfo:
      sysinfo === null
        ? { state: 'unavailable', endpoint: 'stat/sysinfo', reason: 'no sysinfo' }
        : read('stat/sysinfo', sysinfo),
  }
}

export function contextOf(
  raw: RawPosture,
  controller: PostureContext['controller'] = { kind: 'unifi-os', version: '10.3.58' },
): PostureContext {
  return { posture: parseRaw(raw), controller }
}

/** The raw settings section with `key`, to change in a test. */
export function setting(raw: RawPosture, key: string): Raw {
  const found = raw.settings.find((s) => s.key === key)
  if (found === undefined) throw new Error(`no ${key} section`)
  return found
}
