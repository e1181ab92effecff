/**
 * The `get/setting` sections the posture checks read, reduced at parse time. Every schema keeps only the fields a
 * check needs; secrets (`x_ssh_password`, `x_ssh_sha512passwd`, `x_mgmt_key`, `radius.x_secret`,
 * `snmp.community`/`x_password`, `super_cloudaccess.x_private_key`) are turned into lengths or flags inside the
 * transform and the rest of the document is dropped, so the value never leaves this file. Field names and enums:
 * docs/configuration-posture.md#settings-sections.
 */
import { z } from 'zod'
import type {
  DohSection,
  FwUpdateSection,
  IpsPostureSection,
  MgmtSection,
  PostureSettings,
  RadiusSection,
  SnmpSection,
  SuperMgmtSection,
  SyslogSection,
  ToggleSection,
  UsgSection,
} from '../posture-model.js'
import { isPlainObject, looseBoolean, looseNumber, looseString, toText } from './primitives.js'

/** The length of a secret string, 0 for an empty one, null when the field is absent or not text. */
export function secretLength(value: unknown): number | null {
  if (typeof value === 'string') return value.length
  if (typeof value === 'number') return String(value).length
  return null
}

const secretLengthField = z
  .unknown()
  .optional()
  .transform((value) => secretLength(value))

/** A list of short strings (enums, ids); anything else → null. */
export const stringList = z
  .unknown()
  .optional()
  .transform((value): string[] | null => {
    if (!Array.isArray(value)) return null
    return value
      .map(toText)
      .filter((item): item is string => item !== null)
      .slice(0, 512)
  })

const DEFAULT_SSH_USERS = new Set(['ubnt', 'admin', 'root'])
const DEFAULT_COMMUNITIES = new Set(['public', 'private'])

const mgmtSchema = z
  .object({
    x_ssh_enabled: looseBoolean,
    x_ssh_auth_password_enabled: looseBoolean,
    x_ssh_keys: z.unknown().optional(),
    x_ssh_username: z.unknown().optional(),
    x_ssh_password: secretLengthField,
    debug_tools_enabled: looseBoolean,
    auto_upgrade: looseBoolean,
    auto_upgrade_hour: looseNumber,
  })
  .transform((s): MgmtSection => ({
    sshEnabled: s.x_ssh_enabled,
    sshPasswordAuth: s.x_ssh_auth_password_enabled,
    sshKeyCount: Array.isArray(s.x_ssh_keys) ? s.x_ssh_keys.length : null,
    sshUsernameIsDefault:
      typeof s.x_ssh_username === 'string' ? DEFAULT_SSH_USERS.has(s.x_ssh_username.trim().toLowerCase()) : null,
    sshPasswordLength: s.x_ssh_password,
    debugTools: s.debug_tools_enabled,
    autoUpgrade: s.auto_upgrade,
    autoUpgradeHour: s.auto_upgrade_hour,
  }))

const superMgmtSchema = z
  .object({
    autobackup_enabled: looseBoolean,
    autobackup_post_actions: stringList,
    backup_to_cloud_enabled: looseBoolean,
    autobackup_max_files: looseNumber,
    auto_upgrade: looseBoolean,
  })
  .transform((s): SuperMgmtSection => ({
    autobackupEnabled: s.autobackup_enabled,
    autobackupPostActions: s.autobackup_post_actions,
    backupToCloud: s.backup_to_cloud_enabled,
    autobackupMaxFiles: s.autobackup_max_files,
    controllerAutoUpgrade: s.auto_upgrade,
  }))

const usgSchema = z
  .object({
    upnp_enabled: looseBoolean,
    upnp_nat_pmp_enabled: looseBoolean,
    upnp_secure_mode: looseBoolean,
    geo_ip_filtering_enabled: looseBoolean,
    geo_ip_filtering_countries: z.unknown().optional(),
  })
  .transform((s): UsgSection => ({
    upnpEnabled: s.upnp_enabled,
    upnpNatPmp: s.upnp_nat_pmp_enabled,
    upnpSecureMode: s.upnp_secure_mode,
    geoIpEnabled: s.geo_ip_filtering_enabled,
    geoIpCountryCount: countryCount(s.geo_ip_filtering_countries),
  }))

function countryCount(value: unknown): number | null {
  if (Array.isArray(value)) return value.length
  if (typeof value === 'string') return value.trim() === '' ? 0 : value.split(',').length
  return null
}

const ipsSchema = z
  .object({
    ips_mode: looseString,
    enabled_networks: stringList,
    enabled_categories: stringList,
    content_filtering_enabled: looseBoolean,
  })
  .transform((s): IpsPostureSection => ({
    mode: s.ips_mode,
    enabledNetworks: s.enabled_networks,
    enabledCategoryCount: s.enabled_categories === null ? null : s.enabled_categories.length,
    contentFiltering: s.content_filtering_enabled,
  }))

const syslogSchema = z
  .object({ enabled: looseBoolean, ip: looseString, log_all_contents: looseBoolean, contents: stringList })
  .transform((s): SyslogSection => ({
    enabled: s.enabled,
    hostSet: s.enabled === null && s.ip === null ? null : s.ip !== null,
    logAllContents: s.log_all_contents,
    contents: s.contents,
  }))

const snmpSchema = z
  .object({ enabled: looseBoolean, enabledV3: looseBoolean, community: z.unknown().optional() })
  .transform((s): SnmpSection => ({
    enabled: s.enabled,
    enabledV3: s.enabledV3,
    communityIsDefault:
      typeof s.community === 'string' ? DEFAULT_COMMUNITIES.has(s.community.trim().toLowerCase()) : null,
    communityLength: secretLength(s.community),
  }))

const toggleSchema = z.object({ enabled: looseBoolean }).transform((s): ToggleSection => ({ enabled: s.enabled }))

const fwUpdateSchema = z
  .object({ controller_channel: looseString, firmware_channel: looseString })
  .transform((s): FwUpdateSection => ({ controllerChannel: s.controller_channel, firmwareChannel: s.firmware_channel }))

const dohSchema = z.object({ state: looseString }).transform((s): DohSection => ({ state: s.state }))

const radiusSchema = z
  .object({ enabled: looseBoolean, x_secret: secretLengthField })
  .transform((s): RadiusSection => ({ enabled: s.enabled, secretLength: s.x_secret }))

const SECTIONS = {
  mgmt: mgmtSchema,
  super_mgmt: superMgmtSchema,
  usg: usgSchema,
  ips: ipsSchema,
  rsyslogd: syslogSchema,
  snmp: snmpSchema,
  super_cloudaccess: toggleSchema,
  teleport: toggleSchema,
  super_fwupdate: fwUpdateSchema,
  doh: dohSchema,
  radius: radiusSchema,
} as const

/** `get/setting` documents → the sections the checks read; the first document of each key wins. */
export function parsePostureSettings(items: readonly unknown[]): PostureSettings {
  const keys: string[] = []
  const found = new Map<string, unknown>()
  for (const item of items) {
    if (!isPlainObject(item)) continue
    const key = toText(item.key)
    if (key === null || keys.includes(key) || keys.length >= 256) continue
    keys.push(key.slice(0, 64))
    if (key in SECTIONS) found.set(key, SECTIONS[key as keyof typeof SECTIONS].parse(item))
  }
  const section = <T>(key: keyof typeof SECTIONS): T | null => (found.get(key) as T | undefined) ?? null
  return {
    keys,
    mgmt: section<MgmtSection>('mgmt'),
    superMgmt: section<SuperMgmtSection>('super_mgmt'),
    usg: section<UsgSection>('usg'),
    ips: section<IpsPostureSection>('ips'),
    rsyslogd: section<SyslogSection>('rsyslogd'),
    snmp: section<SnmpSection>('snmp'),
    superCloudaccess: section<ToggleSection>('super_cloudaccess'),
    teleport: section<ToggleSection>('teleport'),
    superFwupdate: section<FwUpdateSection>('super_fwupdate'),
    doh: section<DohSection>('doh'),
    radius: section<RadiusSection>('radius'),
  }
}
