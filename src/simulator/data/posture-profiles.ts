/**
 * How a simulated site is set up, for the configuration posture audit. Five profiles: a well-kept site, a
 * neglected one, a site migrated to the zone-based firewall, a console on a UniFi OS version affected by a listed
 * advisory (otherwise well kept), and a controller that refuses the settings endpoints to an API key. Field names
 * and enums are the controller's own (docs/configuration-posture.md); the secrets are planted so tests can prove none of them
 * ever leaves the product.
 */
import type { JsonRecord } from './device-builders.js'
import { objectId } from './prng.js'
import type { SiteContext } from './site-context.js'

export type PostureProfileName = 'well-kept' | 'neglected' | 'zone-based' | 'cve-affected' | 'settings-refused'
export const POSTURE_PROFILES: readonly PostureProfileName[] = [
  'well-kept',
  'neglected',
  'zone-based',
  'cve-affected',
  'settings-refused',
]

/** Secrets the profiles plant in their payloads (passphrases, SSH password, RADIUS secret, SNMP community, PSKs). */
export const PLANTED_SECRETS = {
  homePsk: 'Sim-Home-Passphrase-7d1e9c',
  guestPsk: 'Sim-Guest-Passphrase-41aa',
  iotPsk: 'Sim-IoT-Passphrase-90b3f2',
  shortPsk: 'Qz7!kp2w',
  legacyPsk: 'Sim-Legacy-Wpa1-5e',
  sshPassword: 'Sim-Ssh-Password-c0ffee',
  radiusSecret: 'Sim-Radius-Secret-beef',
  snmpCommunity: 'Sim-Snmp-Community-a11',
  ipsecPsk: 'Sim-Ipsec-Psk-77',
  wireguardKey: 'SimWireguardPrivateKey0123456789abcdefABCD=',
  mgmtKey: 'Sim-Mgmt-Key-feedface',
} as const

const S = PLANTED_SECRETS

/** Network ids of a site: the same ids the `ips` section lists as protected. */
export function networkId(ctx: SiteContext, index: number): string {
  return objectId(ctx.seed, 0x4e7, index)
}

function wlanId(ctx: SiteContext, index: number): string {
  return objectId(ctx.seed, 0x31a, index)
}

const neglected = (name: PostureProfileName) => name === 'neglected'

/** Sections merged over the site's base settings by key (`mgmt` and `ips` keep their other fields). */
export function postureSettings(ctx: SiteContext, name: PostureProfileName): JsonRecord[] {
  const bad = neglected(name)
  const allNetworks = [0, 1, 2].map((i) => networkId(ctx, i))
  return [
    {
      key: 'mgmt',
      x_ssh_enabled: bad,
      x_ssh_auth_password_enabled: bad,
      x_ssh_keys: bad ? [] : [{ name: 'ops', type: 'ssh-ed25519', key: 'AAAAC3Nza-sim', fingerprint: 'sim' }],
      x_ssh_username: bad ? 'ubnt' : 'ops-7f3',
      x_ssh_password: S.sshPassword,
      x_ssh_sha512passwd: `$6$sim$${S.sshPassword}`,
      x_mgmt_key: S.mgmtKey,
      debug_tools_enabled: bad,
      auto_upgrade: !bad,
      auto_upgrade_hour: 3,
    },
    {
      key: 'super_mgmt',
      autobackup_enabled: !bad,
      autobackup_post_actions: bad ? ['copy_local'] : ['copy_local', 'copy_cloud'],
      backup_to_cloud_enabled: !bad,
      autobackup_max_files: bad ? 3 : 14,
      auto_upgrade: !bad,
    },
    {
      key: 'usg',
      upnp_enabled: bad,
      upnp_nat_pmp_enabled: bad,
      upnp_secure_mode: !bad,
      geo_ip_filtering_enabled: !bad && name !== 'zone-based',
      geo_ip_filtering_block: 'block',
      geo_ip_filtering_countries: bad ? '' : 'KP,IR',
      geo_ip_filtering_traffic_direction: 'both',
    },
    { key: 'ips', enabled_networks: bad ? [networkId(ctx, 0)] : allNetworks },
    {
      key: 'rsyslogd',
      enabled: !bad,
      ip: bad ? '' : `${ctx.lanPrefix}.20`,
      port: 514,
      log_all_contents: false,
      contents: bad ? [] : ['security_detections', 'firewall_default_policy', 'admin_activity', 'device'],
    },
    {
      key: 'snmp',
      enabled: bad,
      enabledV3: false,
      community: bad ? 'public' : S.snmpCommunity,
      x_password: S.snmpCommunity,
    },
    { key: 'super_cloudaccess', enabled: bad, x_private_key: S.mgmtKey },
    { key: 'teleport', enabled: false, subnet_cidr: '192.168.4.0/24' },
    { key: 'super_fwupdate', controller_channel: 'release', firmware_channel: bad ? 'beta' : 'release' },
    { key: 'doh', state: bad ? 'off' : 'auto' },
    { key: 'radius', enabled: bad, x_secret: bad ? 'radius1' : S.radiusSecret },
  ]
}

export function postureWlans(ctx: SiteContext, name: PostureProfileName): JsonRecord[] {
  const common = { site_id: ctx.siteId, wpa_enc: 'ccmp', mac_filter_policy: 'allow', x_iapp_key: S.mgmtKey }
  if (neglected(name)) {
    return [
      {
        ...common,
        _id: wlanId(ctx, 0),
        name: 'Office',
        enabled: true,
        security: 'wpapsk',
        wpa_mode: 'wpa2',
        wpa3_support: false,
        wpa3_transition: false,
        pmf_mode: 'disabled',
        is_guest: false,
        hide_ssid: true,
        mac_filter_enabled: true,
        l2_isolation: false,
        networkconf_id: networkId(ctx, 0),
        x_passphrase: S.shortPsk,
      },
      {
        ...common,
        _id: wlanId(ctx, 1),
        name: 'Guest-Open',
        enabled: true,
        security: 'open',
        wpa_mode: 'wpa2',
        pmf_mode: 'disabled',
        is_guest: true,
        l2_isolation: false,
        networkconf_id: networkId(ctx, 0),
      },
      {
        ...common,
        _id: wlanId(ctx, 2),
        name: 'Printers',
        enabled: true,
        security: 'wpapsk',
        wpa_mode: 'wpa1',
        pmf_mode: 'disabled',
        is_guest: false,
        networkconf_id: networkId(ctx, 0),
        x_passphrase: S.legacyPsk,
      },
    ]
  }
  return [
    {
      ...common,
      _id: wlanId(ctx, 0),
      name: 'Home',
      enabled: true,
      security: 'wpapsk',
      wpa_mode: 'wpa2',
      wpa3_support: true,
      wpa3_transition: true,
      pmf_mode: 'optional',
      is_guest: false,
      hide_ssid: false,
      mac_filter_enabled: false,
      networkconf_id: networkId(ctx, 0),
      x_passphrase: S.homePsk,
    },
    {
      ...common,
      _id: wlanId(ctx, 1),
      name: 'Guest',
      enabled: true,
      security: 'wpapsk',
      wpa_mode: 'wpa2',
      wpa3_support: true,
      wpa3_transition: false,
      pmf_mode: 'required',
      is_guest: true,
      l2_isolation: true,
      networkconf_id: networkId(ctx, 1),
      x_passphrase: S.guestPsk,
    },
    {
      ...common,
      _id: wlanId(ctx, 2),
      name: 'IoT',
      enabled: true,
      security: 'wpapsk',
      wpa_mode: 'wpa2',
      wpa3_support: true,
      wpa3_transition: true,
      pmf_mode: 'optional',
      is_guest: false,
      networkconf_id: networkId(ctx, 2),
      x_passphrase: S.iotPsk,
    },
  ]
}

export function postureNetworks(ctx: SiteContext, name: PostureProfileName): JsonRecord[] {
  const lan = {
    _id: networkId(ctx, 0),
    site_id: ctx.siteId,
    name: 'Default',
    purpose: 'corporate',
    enabled: true,
    vlan_enabled: false,
    ip_subnet: `${ctx.lanPrefix}.1/24`,
    dhcpguard_enabled: !neglected(name),
    network_isolation_enabled: false,
    internet_access_enabled: true,
  }
  const wan = { _id: networkId(ctx, 9), site_id: ctx.siteId, name: 'Internet 1', purpose: 'wan', enabled: true }
  if (neglected(name)) {
    return [
      lan,
      wan,
      {
        _id: networkId(ctx, 5),
        site_id: ctx.siteId,
        name: 'Road warriors',
        purpose: 'remote-user-vpn',
        vpn_type: 'pptp-server',
        enabled: true,
        require_mschapv2: true,
      },
      {
        _id: networkId(ctx, 6),
        site_id: ctx.siteId,
        name: 'Branch tunnel',
        purpose: 'site-vpn',
        vpn_type: 'ipsec-vpn',
        enabled: true,
        ipsec_encryption: '3des',
        ipsec_hash: 'md5',
        ipsec_dh_group: 2,
        ipsec_key_exchange: 'ikev1',
        ipsec_pfs: false,
        x_ipsec_pre_shared_key: S.ipsecPsk,
      },
    ]
  }
  return [
    lan,
    wan,
    {
      _id: networkId(ctx, 1),
      site_id: ctx.siteId,
      name: 'Guest',
      purpose: 'guest',
      enabled: true,
      vlan_enabled: true,
      vlan: '20',
      dhcpguard_enabled: true,
      network_isolation_enabled: true,
    },
    {
      _id: networkId(ctx, 2),
      site_id: ctx.siteId,
      name: 'IoT',
      purpose: 'corporate',
      enabled: true,
      vlan_enabled: true,
      vlan: 30,
      dhcpguard_enabled: true,
      network_isolation_enabled: true,
    },
    {
      _id: networkId(ctx, 3),
      site_id: ctx.siteId,
      name: 'WireGuard',
      purpose: 'remote-user-vpn',
      vpn_type: 'wireguard-server',
      enabled: true,
      local_port: 51820,
      x_wireguard_private_key: S.wireguardKey,
    },
  ]
}

/** `rest/portforward`: the neglected site forwards RDP, SSH and the console to the whole internet. */
export function posturePortForwards(ctx: SiteContext, name: PostureProfileName): JsonRecord[] {
  const forward = (i: number, label: string, port: string, to: string, src: string) => ({
    _id: objectId(ctx.seed, 0xf0d, i),
    site_id: ctx.siteId,
    name: label,
    enabled: true,
    dst_port: port,
    fwd_port: port,
    fwd: `${ctx.lanPrefix}.${to}`,
    proto: 'tcp_udp',
    pfwd_interface: 'wan',
    src,
    log: false,
  })
  if (neglected(name))
    return [
      forward(0, 'Remote desktop', '3389', '50', 'any'),
      forward(1, 'SSH to NAS', '22', '40', 'any'),
      forward(2, 'Console', '443', '1', 'any'),
      forward(3, 'Photos', '5000', '40', '198.51.100.0/24'),
    ]
  if (name === 'cve-affected') return [forward(0, 'Console from outside', '8443', '1', 'any')]
  return []
}

/** `stat/portforward`: the static forwards plus the UPnP mappings the gateway granted. */
export function postureUpnpTable(ctx: SiteContext, name: PostureProfileName): JsonRecord[] {
  const statics = posturePortForwards(ctx, name).map((f) => ({ ...f, is_upnp: 0, rx_bytes: 1024, rx_packets: 8 }))
  if (!neglected(name)) return statics
  return [
    ...statics,
    {
      name: 'Xbox (UPnP)',
      is_upnp: 1,
      dst_port: 3074,
      fwd_port: 3074,
      fwd: `${ctx.lanPrefix}.77`,
      proto: 'udp',
      lease_duration: 3600,
    },
    {
      name: 'Camera (UPnP)',
      is_upnp: 1,
      dst_port: 80,
      fwd_port: 80,
      fwd: `${ctx.lanPrefix}.81`,
      proto: 'tcp',
      lease_duration: 0,
    },
  ]
}

/** `site-feature-migration`: only the zone-based site lists the migration. */
export function postureMigrations(name: PostureProfileName): JsonRecord[] {
  return name === 'zone-based' ? [{ feature: 'ZONE_BASED_FIREWALL', migrated_at: 1_735_000_000_000 }] : []
}

export function postureFirewallRules(ctx: SiteContext, name: PostureProfileName): JsonRecord[] {
  // A migrated site keeps an empty legacy list: reading it would wrongly say "no firewall".
  if (name === 'zone-based') return []
  const rule = (i: number, label: string, ruleset: string, action: string, extra: JsonRecord) => ({
    _id: objectId(ctx.seed, 0xf1e, i),
    site_id: ctx.siteId,
    name: label,
    enabled: true,
    ruleset,
    rule_index: 2000 + i,
    action,
    protocol: 'all',
    ...extra,
  })
  if (neglected(name))
    return [
      rule(0, 'Allow admin from anywhere', 'WAN_LOCAL', 'accept', { dst_port: '443', logging: false }),
      rule(1, 'Drop bad hosts', 'WAN_IN', 'drop', { src_address: '192.0.2.0/24', logging: false }),
    ]
  return [
    rule(0, 'Block IoT to LAN', 'LAN_IN', 'drop', { src_networkconf_id: networkId(ctx, 2), logging: true }),
    rule(1, 'Drop invalid', 'WAN_IN', 'drop', { state_invalid: true, logging: true }),
  ]
}

export function postureZones(ctx: SiteContext): JsonRecord[] {
  const zone = (i: number, label: string, key: string, networks: number[]) => ({
    _id: objectId(ctx.seed, 0x20e, i),
    name: label,
    zone_key: key,
    default_zone: true,
    network_ids: networks.map((n) => networkId(ctx, n)),
  })
  return [
    zone(0, 'Internal', 'internal', [0, 2]),
    zone(1, 'External', 'external', [9]),
    zone(2, 'Gateway', 'gateway', []),
    zone(3, 'Hotspot', 'hotspot', [1]),
    zone(4, 'VPN', 'vpn', [3]),
    { ...zone(5, 'IoT', '', [2]), default_zone: false },
  ]
}

export function posturePolicies(ctx: SiteContext, name: PostureProfileName): JsonRecord[] {
  if (name !== 'zone-based') return []
  const [internal, external, gateway, , , iot] = postureZones(ctx).map((z) => String(z._id))
  const policy = (i: number, label: string, action: string, extra: JsonRecord) => ({
    _id: objectId(ctx.seed, 0xb01, i),
    name: label,
    enabled: true,
    action,
    index: 10_000 + i,
    ip_version: 'BOTH',
    protocol: 'all',
    predefined: false,
    logging: false,
    ...extra,
  })
  return [
    policy(0, 'Allow internal to IoT', 'ALLOW', {
      source: { matching_target: 'ANY', zone_id: internal },
      destination: { matching_target: 'ANY', zone_id: iot },
    }),
    policy(1, 'Block hostile regions', 'BLOCK', {
      logging: true,
      source: { matching_target: 'REGION', regions: ['KP', 'IR'], zone_id: external },
      destination: { matching_target: 'ANY', zone_id: internal },
    }),
    policy(2, 'Block external to gateway', 'BLOCK', {
      predefined: true,
      logging: true,
      source: { matching_target: 'ANY', zone_id: external },
      destination: { matching_target: 'ANY', zone_id: gateway },
    }),
  ]
}

/** Firmware fields the profile sets on the device list (`stat/device`). */
export function postureDevice(device: JsonRecord, name: PostureProfileName): JsonRecord {
  const model = device.model
  if (name === 'neglected') {
    if (model === 'U7PG2') return { ...device, model_in_eol: true, model_in_lts: false, upgradable: false }
    return { ...device, model_in_eol: false, model_in_lts: false }
  }
  if (name === 'cve-affected') {
    if (device.type === 'udm' || model === 'UDMPRO')
      return {
        ...device,
        version: '5.0.16.30692',
        displayable_version: '5.0.16',
        upgradable: true,
        upgrade_to_firmware: '5.1.26.33914',
      }
    return { ...device, upgradable: false, model_in_eol: false, model_in_lts: false }
  }
  if (model === 'UDMPRO')
    return {
      ...device,
      version: '5.1.26.33914',
      displayable_version: '5.1.26',
      upgradable: false,
      model_in_eol: false,
      model_in_lts: false,
    }
  return { ...device, upgradable: false, model_in_eol: false, model_in_lts: false }
}

/** `stat/sysinfo` fields the profile sets. */
export function postureSysinfo(name: PostureProfileName): JsonRecord {
  return neglected(name)
    ? { update_available: true, autobackup: false, unsupported_device_count: 1 }
    : { update_available: false, autobackup: true, unsupported_device_count: 0 }
}
