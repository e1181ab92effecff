/**
 * `rest/wlanconf`, `rest/portforward`, `stat/portforward`, `rest/networkconf`, `rest/firewallrule`, the v2
 * firewall policies and zones, the firmware fields of `stat/device` and the posture fields of `stat/sysinfo`,
 * reduced at parse time. `x_passphrase` and the VPN keys (`x_ipsec_pre_shared_key`, `x_openvpn_shared_secret_key`,
 * WireGuard private keys) become lengths here; nothing else of them is kept. Loose typing (numbers as strings,
 * booleans absent rather than false) follows docs/configuration-posture.md#loose-typing.
 */
import { z } from 'zod'
import type {
  PostureDevice,
  PostureFirewallRule,
  PostureNetwork,
  PosturePolicy,
  PosturePortForward,
  PostureSysinfo,
  PostureUpnpMapping,
  PostureWlan,
  PostureZone,
} from '../posture-model.js'
import { normaliseMac } from '../normalise.js'
import { capText, isPlainObject, looseBoolean, looseNumber, looseString, MAX_NAME_CHARS, toText } from './primitives.js'
import { secretLength } from './posture-settings.js'

const name = z
  .unknown()
  .optional()
  .transform((value): string | null => {
    const text = toText(value)
    return text === null ? null : capText(text, MAX_NAME_CHARS)
  })
const lower = z
  .unknown()
  .optional()
  .transform((value): string | null => toText(value)?.toLowerCase().slice(0, 64) ?? null)
const upper = z
  .unknown()
  .optional()
  .transform((value): string | null => toText(value)?.toUpperCase().slice(0, 64) ?? null)
const shortText = z
  .unknown()
  .optional()
  .transform((value): string | null => {
    const text = toText(value)
    return text === null ? null : text.slice(0, 128)
  })
const secretLengthField = z
  .unknown()
  .optional()
  .transform((value) => {
    const length = secretLength(value)
    return length === null || length === 0 ? null : length
  })

const wlanSchema = z
  .object({
    _id: shortText,
    name: name,
    enabled: looseBoolean,
    security: lower,
    wpa_mode: lower,
    wpa3_support: looseBoolean,
    wpa3_transition: looseBoolean,
    pmf_mode: lower,
    is_guest: looseBoolean,
    hide_ssid: looseBoolean,
    l2_isolation: looseBoolean,
    mac_filter_enabled: looseBoolean,
    networkconf_id: shortText,
    x_passphrase: z
      .unknown()
      .optional()
      .transform((value) => secretLength(value)),
  })
  .transform((w): PostureWlan => ({
    id: w._id ?? w.name ?? 'unnamed',
    name: w.name ?? 'unnamed SSID',
    enabled: w.enabled,
    security: w.security,
    wpaMode: w.wpa_mode,
    wpa3Support: w.wpa3_support,
    wpa3Transition: w.wpa3_transition,
    pmfMode: w.pmf_mode,
    isGuest: w.is_guest,
    hideSsid: w.hide_ssid,
    l2Isolation: w.l2_isolation,
    macFilterEnabled: w.mac_filter_enabled,
    networkId: w.networkconf_id,
    passphraseLength: w.x_passphrase,
  }))

const portForwardSchema = z
  .object({
    _id: shortText,
    name: name,
    enabled: looseBoolean,
    dst_port: shortText,
    fwd_port: shortText,
    fwd: shortText,
    proto: lower,
    src: shortText,
    src_limiting_enabled: looseBoolean,
  })
  .transform((p): PosturePortForward => ({
    id: p._id ?? p.name ?? 'unnamed',
    name: p.name ?? 'unnamed forward',
    enabled: p.enabled,
    dstPort: p.dst_port,
    fwdPort: p.fwd_port,
    fwd: p.fwd,
    proto: p.proto,
    src: p.src,
    srcLimiting: p.src_limiting_enabled,
  }))

const upnpSchema = z
  .object({ is_upnp: looseBoolean, dst_port: looseNumber, proto: lower, fwd: shortText })
  .transform((u): PostureUpnpMapping & { upnp: boolean } => ({
    upnp: u.is_upnp === true,
    dstPort: u.dst_port,
    proto: u.proto,
    fwd: u.fwd,
  }))

const networkSchema = z
  .object({
    _id: shortText,
    name: name,
    purpose: lower,
    vpn_type: lower,
    enabled: looseBoolean,
    vlan: looseNumber,
    network_isolation_enabled: looseBoolean,
    internet_access_enabled: looseBoolean,
    dhcpguard_enabled: looseBoolean,
    l2tp_allow_weak_ciphers: looseBoolean,
    ipsec_encryption: lower,
    ipsec_hash: lower,
    ipsec_dh_group: looseNumber,
    ipsec_ike_dh_group: looseNumber,
    ipsec_key_exchange: lower,
    ipsec_pfs: looseBoolean,
    openvpn_encryption_cipher: upper,
    x_ipsec_pre_shared_key: secretLengthField,
  })
  .transform((n): PostureNetwork => ({
    id: n._id ?? n.name ?? 'unnamed',
    name: n.name ?? 'unnamed network',
    purpose: n.purpose,
    vpnType: n.vpn_type,
    enabled: n.enabled,
    vlan: n.vlan,
    isolation: n.network_isolation_enabled,
    internetAccess: n.internet_access_enabled,
    dhcpGuard: n.dhcpguard_enabled,
    l2tpWeakCiphers: n.l2tp_allow_weak_ciphers,
    ipsecEncryption: n.ipsec_encryption,
    ipsecHash: n.ipsec_hash,
    ipsecDhGroup: n.ipsec_ike_dh_group ?? n.ipsec_dh_group,
    ipsecKeyExchange: n.ipsec_key_exchange,
    ipsecPfs: n.ipsec_pfs,
    openvpnCipher: n.openvpn_encryption_cipher,
    presharedKeyLength: n.x_ipsec_pre_shared_key,
  }))

const firewallRuleSchema = z
  .object({
    _id: shortText,
    name: name,
    enabled: looseBoolean,
    ruleset: upper,
    action: lower,
    src_address: shortText,
    src_firewallgroup_ids: z.unknown().optional(),
    src_networkconf_id: shortText,
    src_mac_address: shortText,
    dst_port: shortText,
    logging: looseBoolean,
  })
  .transform((r): PostureFirewallRule => ({
    id: r._id ?? r.name ?? 'unnamed',
    name: r.name ?? 'unnamed rule',
    enabled: r.enabled,
    ruleset: r.ruleset,
    action: r.action,
    srcAny:
      r.src_address === null &&
      r.src_networkconf_id === null &&
      r.src_mac_address === null &&
      !(Array.isArray(r.src_firewallgroup_ids) && r.src_firewallgroup_ids.length > 0),
    dstPort: r.dst_port,
    logging: r.logging,
  }))

const endpointSchema = z
  .unknown()
  .optional()
  .transform((value) => {
    if (!isPlainObject(value)) return { zone: null, any: true, region: false }
    const target = toText(value.matching_target)?.toUpperCase() ?? 'ANY'
    return {
      zone: toText(value.zone_id),
      any: target === 'ANY',
      region: target === 'REGION' || Array.isArray(value.regions),
    }
  })

const policySchema = z
  .object({
    _id: shortText,
    id: shortText,
    name: name,
    enabled: looseBoolean,
    action: upper,
    predefined: looseBoolean,
    source: endpointSchema,
    destination: endpointSchema,
    logging: looseBoolean,
  })
  .transform((p): PosturePolicy => ({
    id: p._id ?? p.id ?? p.name ?? 'unnamed',
    name: p.name ?? 'unnamed policy',
    enabled: p.enabled,
    action: p.action,
    predefined: p.predefined,
    sourceZone: p.source.zone,
    sourceAny: p.source.any,
    destinationZone: p.destination.zone,
    destinationAny: p.destination.any,
    region: p.source.region || p.destination.region,
    logging: p.logging,
  }))

const zoneSchema = z
  .object({ _id: shortText, id: shortText, name: name, zone_key: lower })
  .transform((z0): PostureZone => ({
    id: z0._id ?? z0.id ?? z0.name ?? 'unnamed',
    name: z0.name ?? 'unnamed zone',
    zoneKey: z0.zone_key,
  }))

const deviceFirmwareSchema = z
  .object({
    mac: looseString,
    name: name,
    model: shortText,
    type: lower,
    version: shortText,
    displayable_version: shortText,
    upgradable: looseBoolean,
    upgrade_to_firmware: shortText,
    model_in_eol: looseBoolean,
    model_in_lts: looseBoolean,
    unsupported: looseBoolean,
  })
  .transform((d): PostureDevice | null => {
    const mac = normaliseMac(d.mac)
    if (mac === null) return null
    return {
      mac,
      name: d.name ?? mac,
      model: d.model,
      type: d.type ?? 'unknown',
      version: d.version,
      displayableVersion: d.displayable_version,
      upgradable: d.upgradable,
      upgradeTo: d.upgrade_to_firmware,
      modelInEol: d.model_in_eol,
      modelInLts: d.model_in_lts,
      unsupported: d.unsupported,
    }
  })

const sysinfoSchema = z
  .object({
    version: shortText,
    update_available: looseBoolean,
    autobackup: looseBoolean,
    unsupported_device_count: looseNumber,
    ubnt_device_type: shortText,
    console_display_version: shortText,
    udm_version: shortText,
  })
  .transform((s): PostureSysinfo => ({
    version: s.version,
    updateAvailable: s.update_available,
    autobackup: s.autobackup,
    unsupportedDeviceCount: s.unsupported_device_count,
    consoleModel: s.ubnt_device_type,
    consoleVersion: s.console_display_version ?? s.udm_version,
  }))

/** Parses every object of a list with `schema`; records that are not objects are counted as rejected. */
function parseList<T>(items: readonly unknown[], schema: z.ZodType<T>): { values: T[]; rejected: number } {
  const values: T[] = []
  let rejected = 0
  for (const item of items.slice(0, 5000)) {
    if (!isPlainObject(item)) {
      rejected += 1
      continue
    }
    const parsed = schema.safeParse(item)
    if (parsed.success) values.push(parsed.data)
    else rejected += 1
  }
  return { values, rejected: rejected + Math.max(0, items.length - 5000) }
}

export const parseWlans = (items: readonly unknown[]) => parseList(items, wlanSchema)
export const parsePortForwards = (items: readonly unknown[]) => parseList(items, portForwardSchema)
export const parseNetworks = (items: readonly unknown[]) => parseList(items, networkSchema)
export const parseFirewallRules = (items: readonly unknown[]) => parseList(items, firewallRuleSchema)
export const parsePolicies = (items: readonly unknown[]) => parseList(items, policySchema)
export const parseZones = (items: readonly unknown[]) => parseList(items, zoneSchema)

/** `stat/portforward`: only the UPnP mappings (`is_upnp`), the static forwards come from `rest/portforward`. */
export function parseUpnpMappings(items: readonly unknown[]): { values: PostureUpnpMapping[]; rejected: number } {
  const { values, rejected } = parseList(items, upnpSchema)
  return {
    values: values.filter((v) => v.upnp).map(({ dstPort, proto, fwd }) => ({ dstPort, proto, fwd })),
    rejected,
  }
}

export function parseDeviceFirmware(item: unknown): PostureDevice | null {
  const parsed = deviceFirmwareSchema.safeParse(item)
  return parsed.success ? parsed.data : null
}

export function parsePostureSysinfo(items: readonly unknown[]): PostureSysinfo | null {
  const parsed = sysinfoSchema.safeParse(items[0])
  return parsed.success ? parsed.data : null
}
