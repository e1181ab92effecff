/**
 * What the posture reads hand to the posture checks: the controller's configuration reduced at parse time to
 * the fields the checks need. Secrets never get here: a Wi-Fi passphrase, SSH password, RADIUS secret, SNMP
 * community or VPN key becomes a length or an "is set" flag inside the zod schema that reads it
 * (`schemas/posture-*.ts`), so no later stage can log, store, render or send one. A field a firmware does not
 * report is null, never false: the checks turn null into "could not check".
 */

/**
 * One posture source: what it said, why it could not be read (the checks that need it are `unknown`), or why it
 * was not asked for because what the run already read makes it moot (UPnP mappings while UPnP is off).
 */
export type PostureRead<T> =
  | { state: 'read'; endpoint: string; value: T }
  | { state: 'unavailable'; endpoint: string; reason: string }
  | { state: 'not-needed'; endpoint: string; reason: string }

export interface MgmtSection {
  sshEnabled: boolean | null
  sshPasswordAuth: boolean | null
  /** Number of SSH public keys installed for device SSH. */
  sshKeyCount: number | null
  /** The SSH username is one of the well-known defaults (ubnt, admin, root); the name itself is not kept. */
  sshUsernameIsDefault: boolean | null
  /** Length of the device SSH password (0 when none is set); the password itself is never kept. */
  sshPasswordLength: number | null
  debugTools: boolean | null
  autoUpgrade: boolean | null
  autoUpgradeHour: number | null
}

export interface SuperMgmtSection {
  autobackupEnabled: boolean | null
  autobackupPostActions: string[] | null
  backupToCloud: boolean | null
  autobackupMaxFiles: number | null
  controllerAutoUpgrade: boolean | null
}

export interface UsgSection {
  upnpEnabled: boolean | null
  upnpNatPmp: boolean | null
  upnpSecureMode: boolean | null
  geoIpEnabled: boolean | null
  geoIpCountryCount: number | null
}

export interface IpsPostureSection {
  mode: string | null
  enabledNetworks: string[] | null
  enabledCategoryCount: number | null
  /** DNS content filtering (`content_filtering_enabled`). */
  contentFiltering: boolean | null
}

export interface SyslogSection {
  enabled: boolean | null
  /** A remote server address is configured (the address is not a secret, but only its presence matters). */
  hostSet: boolean | null
  logAllContents: boolean | null
  contents: string[] | null
}

export interface SnmpSection {
  enabled: boolean | null
  enabledV3: boolean | null
  /** The v1/v2c community is `public` or `private`; the community itself is never kept. */
  communityIsDefault: boolean | null
  communityLength: number | null
}

export interface ToggleSection {
  enabled: boolean | null
}

export interface FwUpdateSection {
  controllerChannel: string | null
  firmwareChannel: string | null
}

export interface DohSection {
  state: string | null
}

export interface RadiusSection {
  enabled: boolean | null
  secretLength: number | null
}

/** `get/setting`, indexed by section key; a section the controller does not store is null. */
export interface PostureSettings {
  /** The section keys the controller returned (never their values). */
  keys: string[]
  mgmt: MgmtSection | null
  superMgmt: SuperMgmtSection | null
  usg: UsgSection | null
  ips: IpsPostureSection | null
  rsyslogd: SyslogSection | null
  snmp: SnmpSection | null
  superCloudaccess: ToggleSection | null
  teleport: ToggleSection | null
  superFwupdate: FwUpdateSection | null
  doh: DohSection | null
  radius: RadiusSection | null
}

export interface PostureWlan {
  id: string
  name: string
  enabled: boolean | null
  /** open, wpapsk, wep, wpaeap, osen */
  security: string | null
  /** auto, wpa1, wpa2 (never contains wpa3: WPA3 is `wpa3Support`). */
  wpaMode: string | null
  wpa3Support: boolean | null
  wpa3Transition: boolean | null
  /** disabled, optional, required */
  pmfMode: string | null
  isGuest: boolean | null
  hideSsid: boolean | null
  l2Isolation: boolean | null
  macFilterEnabled: boolean | null
  networkId: string | null
  /** Length of the pre-shared key; null when the record carries none (enterprise, open). */
  passphraseLength: number | null
}

export interface PosturePortForward {
  id: string
  name: string
  enabled: boolean | null
  dstPort: string | null
  fwdPort: string | null
  /** Internal address the forward points at. */
  fwd: string | null
  proto: string | null
  /** `any`, an address, a CIDR, a range; null when the record has none (the same as any). */
  src: string | null
  srcLimiting: boolean | null
}

export interface PostureUpnpMapping {
  dstPort: number | null
  proto: string | null
  fwd: string | null
}

export interface PostureNetwork {
  id: string
  name: string
  purpose: string | null
  vpnType: string | null
  enabled: boolean | null
  vlan: number | null
  isolation: boolean | null
  internetAccess: boolean | null
  dhcpGuard: boolean | null
  l2tpWeakCiphers: boolean | null
  ipsecEncryption: string | null
  ipsecHash: string | null
  ipsecDhGroup: number | null
  ipsecKeyExchange: string | null
  ipsecPfs: boolean | null
  openvpnCipher: string | null
  /** Length of an IPsec pre-shared key on this network (0/none → null); the key is never kept. */
  presharedKeyLength: number | null
}

export interface PostureFirewallRule {
  id: string
  name: string
  enabled: boolean | null
  ruleset: string | null
  action: string | null
  srcAny: boolean
  dstPort: string | null
  logging: boolean | null
}

export interface PosturePolicy {
  id: string
  name: string
  enabled: boolean | null
  /** ALLOW, BLOCK, REJECT (upper-cased) */
  action: string | null
  predefined: boolean | null
  sourceZone: string | null
  sourceAny: boolean
  destinationZone: string | null
  destinationAny: boolean
  /** The source matches by region (country). */
  region: boolean
  logging: boolean | null
}

export interface PostureZone {
  id: string
  name: string
  /** lan, wan/external, gateway, guest, vpn, hotspot, dmz, … */
  zoneKey: string | null
}

/**
 * The firewall as the site really runs it: `legacy` (rules by ruleset) before the zone-based migration,
 * `zone-based` (policies between zones) after it. The migration is read first, so an empty list is never taken
 * from the surface the site no longer uses.
 */
export type PostureFirewall =
  | { mode: 'legacy'; rules: PostureFirewallRule[] }
  | { mode: 'zone-based'; policies: PosturePolicy[]; zones: PostureZone[] | null }

export interface PostureDevice {
  mac: string
  name: string
  /** Internal model code (`U7PG2`, `UDMPRO`), not the marketing name. */
  model: string | null
  type: string
  version: string | null
  displayableVersion: string | null
  upgradable: boolean | null
  upgradeTo: string | null
  modelInEol: boolean | null
  modelInLts: boolean | null
  unsupported: boolean | null
}

export interface PostureSysinfo {
  version: string | null
  updateAvailable: boolean | null
  autobackup: boolean | null
  unsupportedDeviceCount: number | null
  /** `ubnt_device_type` (`UDMPRO`) on UniFi OS consoles. */
  consoleModel: string | null
  /** UniFi OS version of the console (`udm_version`, `console_display_version`). */
  consoleVersion: string | null
}

export interface PostureCollection {
  settings: PostureRead<PostureSettings>
  wlans: PostureRead<PostureWlan[]>
  portForwards: PostureRead<PosturePortForward[]>
  upnp: PostureRead<PostureUpnpMapping[]>
  networks: PostureRead<PostureNetwork[]>
  firewall: PostureRead<PostureFirewall>
  sysinfo: PostureRead<PostureSysinfo>
  /** From the run's device read (firmware fields of `stat/device`); unavailable when that read failed. */
  devices: PostureRead<PostureDevice[]>
}
