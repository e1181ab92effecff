/**
 * The posture schemas on real payload shapes (test/fixtures/real, sources in its README): the fields the checks
 * read come through with their loose typing, and every secret is reduced to a length or a flag at parse time.
 */
import { describe, expect, it } from 'vitest'
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
} from '../../../src/core/unifi/schemas/posture-config.js'
import { parsePostureSettings } from '../../../src/core/unifi/schemas/posture-settings.js'
import { zoneBasedIn } from '../../../src/core/unifi/collect/posture.js'
import { readRealFixture } from '../../fixtures/real-fixtures.js'

const list = (relative: string): unknown[] => {
  const value = readRealFixture(relative)
  if (Array.isArray(value)) return value as unknown[]
  const data = (value as { data?: unknown }).data
  return Array.isArray(data) ? (data as unknown[]) : [value]
}

describe('posture schemas on real payloads', () => {
  it('WLANs (aiounifi WLANS): security fields kept, the clear-text passphrase reduced to its length', () => {
    const { values, rejected } = parseWlans(list('aiounifi/config/wlans.json'))
    expect(rejected).toBe(0)
    expect(values[0]).toMatchObject({ name: 'SSID 1', security: 'wpapsk', wpaMode: 'wpa2', passphraseLength: 22 })
    expect(values[1]?.hideSsid).toBe(true)
    // Absent booleans stay null: a 2019 record without WPA3 fields cannot prove WPA3 is off.
    expect(values[0]?.wpa3Support).toBeNull()
    const kept = JSON.stringify(values)
    expect(kept).not.toContain('password in clear text')
    expect(kept).not.toContain('x_iapp_key')
  })

  it('port forwards (aiounifi PORT_FORWARDING): source any, ports as strings', () => {
    const { values } = parsePortForwards(list('aiounifi/config/port-forwarding.json'))
    expect(values).toEqual([
      {
        id: '5a32aa4ee4b0412345678911',
        name: 'New port forward',
        enabled: true,
        dstPort: '12345',
        fwdPort: '23456',
        fwd: '10.0.0.2',
        proto: 'tcp_udp',
        src: 'any',
        srcLimiting: null,
      },
    ])
  })

  it('zone-based policies and zones (aiounifi FIREWALL_POLICIES, FIREWALL_ZONES)', () => {
    const policies = parsePolicies(list('aiounifi/config/firewall-policies.json')).values
    expect(policies[0]).toMatchObject({
      name: 'Allow internal to IoT',
      action: 'ALLOW',
      predefined: false,
      sourceAny: true,
      destinationAny: true,
      sourceZone: '678c63bc2d97692f08adcdfa',
      logging: false,
      region: false,
    })
    expect(parseZones(list('aiounifi/config/firewall-zones.json')).values.map((z) => z.zoneKey)).toEqual(['lan', 'wan'])
  })

  it('devices: firmware currency (aiounifi U7PG2) and lifecycle (unpoller PDU) fields', () => {
    expect(parseDeviceFirmware(readRealFixture('aiounifi/devices/access-point-ac-pro.json'))).toMatchObject({
      model: 'U7PG2',
      type: 'uap',
      version: '4.0.69.10871',
      upgradable: true,
      upgradeTo: '4.0.80.10875',
      modelInEol: null,
    })
    expect(parseDeviceFirmware(readRealFixture('unpoller-unifi/devices/pdu.json'))).toMatchObject({
      model: 'USPPDUP',
      modelInEol: false,
      modelInLts: false,
      upgradable: false,
    })
  })

  it('sysinfo (aiounifi SYSTEM_INFORMATION): update and backup flags, the console, never the SSO secret', () => {
    const sysinfo = parsePostureSysinfo([readRealFixture('aiounifi/sysinfo/stat-sysinfo-item.json')])
    expect(sysinfo).toEqual({
      version: '7.4.162',
      updateAvailable: false,
      autobackup: false,
      unsupportedDeviceCount: 0,
      consoleModel: 'UDMPRO',
      consoleVersion: '3.1.15',
    })
  })

  it('settings: secrets become lengths and flags, absent sections stay null', () => {
    const settings = parsePostureSettings([
      {
        key: 'mgmt',
        x_ssh_enabled: 'true',
        x_ssh_auth_password_enabled: 1,
        x_ssh_username: 'UBNT',
        x_ssh_password: 'planted-ssh-secret',
        x_ssh_sha512passwd: '$6$planted',
        x_mgmt_key: 'planted-mgmt-key',
        x_ssh_keys: [],
      },
      { key: 'snmp', enabled: true, community: 'public' },
      { key: 'radius', enabled: true, x_secret: 'planted-radius' },
      { key: 'usg', upnp_enabled: false, geo_ip_filtering_countries: 'KP,IR' },
      'not an object',
    ])
    expect(settings.mgmt).toMatchObject({
      sshEnabled: true,
      sshPasswordAuth: true,
      sshUsernameIsDefault: true,
      sshPasswordLength: 18,
      sshKeyCount: 0,
      autoUpgrade: null,
    })
    expect(settings.snmp).toMatchObject({ communityIsDefault: true, communityLength: 6 })
    expect(settings.radius).toEqual({ enabled: true, secretLength: 14 })
    expect(settings.usg?.geoIpCountryCount).toBe(2)
    expect(settings.superMgmt).toBeNull()
    expect(settings.keys).toEqual(['mgmt', 'snmp', 'radius', 'usg'])
    expect(JSON.stringify(settings)).not.toMatch(/planted|\$6\$|public/)
  })

  it('networks, legacy rules and UPnP rows: VPN keys reduced, any-source rules recognised', () => {
    const networks = parseNetworks([
      {
        _id: 'n1',
        name: 'Tunnel',
        purpose: 'site-vpn',
        vlan: '30',
        ipsec_dh_group: '2',
        x_ipsec_pre_shared_key: 'k3y',
      },
    ]).values
    expect(networks[0]).toMatchObject({ vlan: 30, ipsecDhGroup: 2, presharedKeyLength: 3 })
    expect(JSON.stringify(networks)).not.toContain('k3y')
    const rules = parseFirewallRules([
      { _id: 'r1', ruleset: 'wan_local', action: 'ACCEPT', dst_port: '443' },
      { _id: 'r2', ruleset: 'WAN_IN', action: 'drop', src_firewallgroup_ids: ['g1'] },
    ]).values
    expect(rules.map((r) => [r.ruleset, r.action, r.srcAny])).toEqual([
      ['WAN_LOCAL', 'accept', true],
      ['WAN_IN', 'drop', false],
    ])
    expect(
      parseUpnpMappings([
        { is_upnp: 0, dst_port: '22' },
        { is_upnp: 1, dst_port: '3074', proto: 'udp' },
      ]).values,
    ).toEqual([{ dstPort: 3074, proto: 'udp', fwd: null }])
  })

  it('the migration list says whether the site runs the zone-based firewall', () => {
    expect(zoneBasedIn([{ feature: 'ZONE_BASED_FIREWALL' }])).toBe(true)
    expect(zoneBasedIn({ data: [{ feature: 'ZONE_BASED_FIREWALL' }] })).toBe(true)
    expect(zoneBasedIn([])).toBe(false)
    expect(zoneBasedIn([{ feature: 'SOMETHING_ELSE' }])).toBe(false)
  })
})
