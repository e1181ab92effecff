/**
 * Every posture check on real payload shapes (posture-builder.ts): passing on the well-kept site, and turning
 * into the expected status and severity when one raw field changes the way a neglected site has it.
 */
import { describe, expect, it } from 'vitest'
import { assessPosture } from '../../../../src/core/analysis/posture/assess.js'
import type { PostureCheckResult } from '../../../../src/core/analysis/posture/model.js'
import type { PostureCollection } from '../../../../src/core/unifi/posture-model.js'
import { contextOf, setting, wellKeptRaw, type RawPosture } from './posture-builder.js'

type Mutation = (raw: RawPosture) => void
const checkOf = (
  raw: RawPosture,
  id: string,
  version = '10.3.58',
  kind: 'unifi-os' | 'classic' = 'unifi-os',
): PostureCheckResult => {
  const check = assessPosture(contextOf(raw, { kind, version })).checks.find((c) => c.id === id)
  if (check === undefined) throw new Error(`no check ${id}`)
  return check
}
const wlan0 = (raw: RawPosture) => raw.wlans[0] as Record<string, unknown>

const CASES: [string, Mutation, string, string][] = [
  ['MGMT-SSH', (r) => void (setting(r, 'mgmt').x_ssh_enabled = true), 'gap', 'medium'],
  [
    'MGMT-SSH-PASSWORD',
    (r) => void Object.assign(setting(r, 'mgmt'), { x_ssh_enabled: true, x_ssh_auth_password_enabled: true }),
    'gap',
    'high',
  ],
  [
    'MGMT-SSH-USER',
    (r) => void Object.assign(setting(r, 'mgmt'), { x_ssh_enabled: true, x_ssh_username: 'ubnt' }),
    'gap',
    'low',
  ],
  ['MGMT-DEBUG-TOOLS', (r) => void (setting(r, 'mgmt').debug_tools_enabled = true), 'recommendation', 'low'],
  ['MGMT-WAN', (r) => void Object.assign(r.portForwards[0] ?? {}, { src: 'any', dst_port: '8443' }), 'gap', 'critical'],
  ['MGMT-SNMP', (r) => void Object.assign(setting(r, 'snmp'), { enabled: true, community: 'public' }), 'gap', 'high'],
  ['MGMT-REMOTE-ACCESS', (r) => void (setting(r, 'super_cloudaccess').enabled = true), 'recommendation', 'info'],
  ['MGMT-UPDATE-CHANNEL', (r) => void (setting(r, 'super_fwupdate').firmware_channel = 'beta'), 'gap', 'low'],
  ['MGMT-RADIUS-SECRET', (r) => void (setting(r, 'radius').x_secret = 'radius1'), 'gap', 'medium'],
  ['FW-DEVICE-UPDATES', (r) => void Object.assign(r.devices[0] ?? {}, { upgradable: true }), 'gap', 'medium'],
  ['FW-EOL', (r) => void Object.assign(r.devices[0] ?? {}, { model_in_eol: true }), 'gap', 'high'],
  ['FW-LTS', (r) => void Object.assign(r.devices[0] ?? {}, { model_in_lts: true }), 'recommendation', 'medium'],
  ['FW-UNSUPPORTED', (r) => void (r.sysinfo.unsupported_device_count = 2), 'gap', 'high'],
  ['FW-AUTO-UPDATE', (r) => void (setting(r, 'mgmt').auto_upgrade = false), 'gap', 'medium'],
  ['FW-AUTO-UPDATE-APP', (r) => void (setting(r, 'super_mgmt').auto_upgrade = false), 'recommendation', 'low'],
  ['FW-APP-UPDATE', (r) => void (r.sysinfo.update_available = true), 'gap', 'medium'],
  ['FW-ADVISORY-CONSOLE', (r) => void (r.sysinfo.console_display_version = '5.0.16'), 'gap', 'critical'],
  ['BAK-AUTO', (r) => void (setting(r, 'super_mgmt').autobackup_enabled = false), 'gap', 'high'],
  [
    'BAK-OFFSITE',
    (r) =>
      void Object.assign(setting(r, 'super_mgmt'), {
        autobackup_post_actions: ['copy_local'],
        backup_to_cloud_enabled: false,
      }),
    'gap',
    'medium',
  ],
  ['BAK-RETENTION', (r) => void (setting(r, 'super_mgmt').autobackup_max_files = 3), 'recommendation', 'low'],
  ['LOG-SYSLOG', (r) => void (setting(r, 'rsyslogd').enabled = false), 'gap', 'medium'],
  [
    'LOG-SYSLOG-CONTENT',
    (r) => void Object.assign(setting(r, 'rsyslogd'), { log_all_contents: false, contents: ['device'] }),
    'recommendation',
    'low',
  ],
  ['LOG-DENY-RULES', (r) => void Object.assign(r.policies[1] ?? {}, { logging: false }), 'recommendation', 'low'],
  ['IPS-MODE', (r) => void (setting(r, 'ips').ips_mode = 'disabled'), 'gap', 'medium'],
  ['IPS-NETWORKS', (r) => void (setting(r, 'ips').enabled_networks = ['lan']), 'recommendation', 'low'],
  ['DNS-ENCRYPTED', (r) => void (setting(r, 'doh').state = 'off'), 'recommendation', 'low'],
  ['DNS-CONTENT-FILTER', (r) => void (setting(r, 'ips').content_filtering_enabled = false), 'recommendation', 'low'],
  [
    'GEO-BLOCKING',
    (r) => void ((setting(r, 'usg').geo_ip_filtering_enabled = false), r.policies.pop()),
    'recommendation',
    'low',
  ],
  [
    'UPNP-ENABLED',
    (r) => void ((setting(r, 'usg').upnp_enabled = true), r.upnp.push({ is_upnp: 1, dst_port: 80, proto: 'tcp' })),
    'gap',
    'high',
  ],
  ['PF-OPEN', (r) => void Object.assign(r.portForwards[0] ?? {}, { src: 'any', dst_port: '3389' }), 'gap', 'high'],
  ['PF-NO-VPN', (r) => void r.networks.pop(), 'gap', 'high'],
  [
    'VPN-PPTP',
    (r) =>
      void r.networks.push({
        _id: 'p',
        name: 'PPTP',
        purpose: 'remote-user-vpn',
        vpn_type: 'pptp-server',
        enabled: true,
      }),
    'gap',
    'critical',
  ],
  [
    'VPN-WEAK-CRYPTO',
    (r) =>
      void r.networks.push({
        _id: 's',
        name: 'Tunnel',
        purpose: 'site-vpn',
        vpn_type: 'ipsec-vpn',
        ipsec_encryption: '3des',
      }),
    'gap',
    'medium',
  ],
  [
    'VPN-PSK-LENGTH',
    (r) =>
      void r.networks.push({
        _id: 's',
        name: 'Tunnel',
        purpose: 'site-vpn',
        vpn_type: 'ipsec-vpn',
        x_ipsec_pre_shared_key: 'short-psk',
      }),
    'gap',
    'medium',
  ],
  ['WIFI-OPEN', (r) => void (wlan0(r).security = 'open'), 'gap', 'high'],
  ['WIFI-LEGACY-CRYPTO', (r) => void (wlan0(r).wpa_mode = 'wpa1'), 'gap', 'high'],
  ['WIFI-WPA2-ONLY', (r) => void (wlan0(r).wpa3_support = false), 'recommendation', 'low'],
  ['WIFI-PSK-LENGTH', (r) => void (wlan0(r).x_passphrase = 'Qz7!kp2w'), 'gap', 'high'],
  ['WIFI-PMF', (r) => void Object.assign(r.wlans[1] ?? {}, { pmf_mode: 'optional' }), 'gap', 'medium'],
  ['WIFI-GUEST-ISOLATION', (r) => void Object.assign(r.wlans[1] ?? {}, { l2_isolation: false }), 'gap', 'medium'],
  ['WIFI-OBSCURITY', (r) => void (wlan0(r).hide_ssid = true), 'recommendation', 'info'],
  ['SEG-FLAT', (r) => void (r.networks = r.networks.filter((n) => n._id === 'lan' || n._id === 'wg')), 'gap', 'high'],
  [
    'SEG-GUEST-ISOLATION',
    (r) =>
      void Object.assign(
        r.networks[2] ?? {},
        { network_isolation_enabled: false },
        ((r.wlans[1] ?? {}).networkconf_id = 'iot'),
      ),
    'gap',
    'medium',
  ],
  [
    'SEG-IOT',
    (r) => void r.wlans.push({ ...(r.wlans[0] ?? {}), _id: 'iot-wlan', name: 'IoT cameras', networkconf_id: 'lan' }),
    'gap',
    'medium',
  ],
  [
    'SEG-PERMISSIVE-RULE',
    (r) =>
      void Object.assign(r.policies[0] ?? {}, {
        source: { matching_target: 'ANY', zone_id: '678ccc26e3849d2932432e26' },
        destination: { matching_target: 'ANY', zone_id: '678ccc26e3849d2932432e26' },
      }),
    'gap',
    'medium',
  ],
  ['SEG-DHCP-GUARD', (r) => void ((r.networks[0] ?? {}).dhcpguard_enabled = false), 'recommendation', 'low'],
]

describe('posture checks', () => {
  const baseline = assessPosture(contextOf(wellKeptRaw()))

  it('has at least 30 checks with unique, stable ids', () => {
    const ids = baseline.checks.map((c) => c.id)
    expect(ids.length).toBeGreaterThanOrEqual(30)
    expect(new Set(ids).size).toBe(ids.length)
    for (const check of baseline.checks) {
      expect(check.id).toMatch(/^[A-Z]+(?:-[A-Z0-9]+)+$/)
      expect(check.why.length).toBeGreaterThan(20)
      expect(check.fix).toMatch(/UniFi|Settings|Restore|Plan/)
    }
  })

  it('passes every check a controller can answer on the well-kept site', () => {
    const notOk = baseline.checks.filter((c) => c.status !== 'ok').map((c) => `${c.id}: ${c.status} ${c.reason ?? ''}`)
    // A restore test is never visible through the API.
    expect(notOk).toEqual([
      'BAK-RESTORE-TESTED: unknown whether a restore was ever tested is not visible through the controller API; confirm it yourself',
    ])
    expect(baseline.compound).toEqual([])
  })

  it.each(CASES)('%s turns into the expected finding', (id, mutate, status, severity) => {
    const raw = wellKeptRaw()
    expect(checkOf(raw, id).status).toBe('ok')
    mutate(raw)
    const check = checkOf(raw, id)
    expect([check.status, check.severity], check.evidence.join('; ')).toEqual([status, severity])
    expect(check.evidence.length).toBeGreaterThan(0)
  })

  it('covers every check with a case (except the restore test and the Network advisory, tested apart)', () => {
    const covered = new Set(CASES.map(([id]) => id))
    const missing = baseline.checks.map((c) => c.id).filter((id) => !covered.has(id))
    expect(missing.sort()).toEqual(['BAK-RESTORE-TESTED', 'FW-ADVISORY-NETWORK'])
  })

  it('says the UPnP mappings were not read when UPnP is off, and that they are missing when UPnP is on', () => {
    const upnpCheck = (raw: RawPosture, upnp: PostureCollection['upnp']): PostureCheckResult => {
      const ctx = contextOf(raw)
      const check = assessPosture({ ...ctx, posture: { ...ctx.posture, upnp } }).checks.find(
        (c) => c.id === 'UPNP-ENABLED',
      )
      if (check === undefined) throw new Error('no UPNP-ENABLED check')
      return check
    }
    const off = upnpCheck(wellKeptRaw(), {
      state: 'not-needed',
      endpoint: 'stat/portforward',
      reason: 'UPnP is off (usg.upnp_enabled = false), so its mappings were not read',
    })
    expect(off).toMatchObject({ status: 'ok' })
    expect(off.evidence).toEqual([
      'usg.upnp_enabled = false',
      'UPnP is off (usg.upnp_enabled = false), so its mappings were not read',
    ])
    const raw = wellKeptRaw()
    setting(raw, 'usg').upnp_enabled = true
    const on = upnpCheck(raw, {
      state: 'unavailable',
      endpoint: 'stat/portforward',
      reason: 'stat/portforward could not be read (HTTP 500)',
    })
    expect(on.status).toBe('gap')
    expect(on.evidence).toContain('UPnP mappings: stat/portforward could not be read (HTTP 500)')
  })

  it('never puts a planted secret into evidence', () => {
    const raw = wellKeptRaw()
    wlan0(raw).x_passphrase = 'planted-passphrase-xyz'
    setting(raw, 'mgmt').x_ssh_password = 'planted-ssh-xyz'
    setting(raw, 'radius').x_secret = 'planted-radius-xyz'
    Object.assign(setting(raw, 'snmp'), { enabled: true, community: 'planted-community-xyz' })
    expect(JSON.stringify(assessPosture(contextOf(raw)))).not.toMatch(/planted-/)
  })
})
