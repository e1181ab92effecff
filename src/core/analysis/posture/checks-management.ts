/** Management access: device SSH, SNMP, cloud access, update channels, RADIUS, management reachable from the WAN. */
import type { PostureCheckResult } from './model.js'
import type { PostureContext } from './context.js'
import { managementExposure } from './exposure-facts.js'
import { field, gap, need, ok, recommend, runCheck, section, shown, unknown, type CheckMeta } from './kit.js'

const SSH_PAGE = 'UniFi Network > Settings > System > Advanced > Device SSH Authentication'

const META = {
  ssh: {
    id: 'MGMT-SSH',
    area: 'management',
    title: 'Device SSH is enabled on every adopted device',
    severity: 'medium',
    why: 'Every adopted access point, switch and gateway then listens for SSH with the same site-wide credentials.',
    fix: `${SSH_PAGE}: turn Device SSH Authentication off unless you use it.`,
  },
  sshPassword: {
    id: 'MGMT-SSH-PASSWORD',
    area: 'management',
    title: 'Device SSH accepts a password',
    severity: 'high',
    why: 'One shared password opens every device and can be guessed; SSH keys only is the hardened setting.',
    fix: `${SSH_PAGE}: add SSH keys, then turn password authentication off.`,
  },
  sshUser: {
    id: 'MGMT-SSH-USER',
    area: 'management',
    title: 'Device SSH uses a well-known username',
    severity: 'low',
    why: 'ubnt, admin and root are the first names every password-guessing script tries.',
    fix: `${SSH_PAGE}: set a username of your own.`,
  },
  debug: {
    id: 'MGMT-DEBUG-TOOLS',
    area: 'management',
    title: 'Debug tools are enabled on devices',
    severity: 'low',
    why: 'Debug tooling widens what a shell on a device can do and is meant for support sessions only.',
    fix: 'UniFi Network > Settings > System > Advanced > Debug Tools: off.',
  },
  wan: {
    id: 'MGMT-WAN',
    area: 'management',
    title: 'Management reachable from the internet',
    severity: 'critical',
    why: 'A console or SSH port open to the internet is the precondition for a remote takeover when a flaw is published.',
    fix: 'UniFi Network > Settings > Routing > Port Forwarding / Firewall: remove the rule; use Site Manager, Teleport or a WireGuard VPN for remote administration.',
  },
  snmp: {
    id: 'MGMT-SNMP',
    area: 'management',
    title: 'SNMP v1/v2c is enabled',
    severity: 'medium',
    why: 'SNMP v1/v2c sends its community in clear text and discloses the network layout to whoever knows it.',
    fix: 'UniFi Network > Settings > System > Advanced > SNMP: use SNMPv3 or turn SNMP off.',
  },
  cloud: {
    id: 'MGMT-REMOTE-ACCESS',
    area: 'management',
    title: 'Legacy cloud access or Teleport is on',
    severity: 'info',
    why: 'These are remote-access paths outside the firewall rules; make sure each one is intended.',
    fix: 'UniFi Network > Settings > System > Remote Access, and Settings > VPN > Teleport: turn off what nobody uses.',
  },
  channel: {
    id: 'MGMT-UPDATE-CHANNEL',
    area: 'management',
    title: 'A pre-release update channel is selected',
    severity: 'low',
    why: 'Early-access and beta builds run on a production network before their fixes are settled.',
    fix: 'UniFi Network > Settings > System > Updates: release channel "Official".',
  },
  radius: {
    id: 'MGMT-RADIUS-SECRET',
    area: 'management',
    title: 'The RADIUS server secret is short',
    severity: 'medium',
    why: 'The RADIUS shared secret protects every authentication exchange; a short one can be recovered offline.',
    fix: 'UniFi Network > Settings > Profiles > RADIUS: set a random secret of at least 16 characters.',
  },
} satisfies Record<string, CheckMeta>

const PRE_RELEASE = new Set(['internal', 'alpha', 'beta', 'release-candidate'])

export function managementChecks(ctx: PostureContext): PostureCheckResult[] {
  const mgmt = () => section(need(ctx.posture.settings).mgmt, 'mgmt')
  return [
    runCheck(META.ssh, () => {
      const enabled = field(mgmt().sshEnabled, 'mgmt.x_ssh_enabled')
      return enabled ? gap(['mgmt.x_ssh_enabled = true']) : ok('mgmt.x_ssh_enabled = false')
    }),
    runCheck(META.sshPassword, () => {
      const m = mgmt()
      if (field(m.sshEnabled, 'mgmt.x_ssh_enabled') === false) return ok('mgmt.x_ssh_enabled = false')
      const password = m.sshPasswordAuth
      const keys = m.sshKeyCount
      if (password === true || keys === 0)
        return gap([`mgmt.x_ssh_auth_password_enabled = ${shown(password)}`, `mgmt.x_ssh_keys: ${shown(keys)} key(s)`])
      if (password === null) return unknown('mgmt.x_ssh_auth_password_enabled is not reported by this controller')
      return ok('mgmt.x_ssh_auth_password_enabled = false', `mgmt.x_ssh_keys: ${shown(keys)} key(s)`)
    }),
    runCheck(META.sshUser, () => {
      const m = mgmt()
      if (field(m.sshEnabled, 'mgmt.x_ssh_enabled') === false) return ok('mgmt.x_ssh_enabled = false')
      const isDefault = field(m.sshUsernameIsDefault, 'mgmt.x_ssh_username')
      return isDefault
        ? gap(['mgmt.x_ssh_username is ubnt, admin or root'])
        : ok('mgmt.x_ssh_username is not a default name')
    }),
    runCheck(META.debug, () => {
      const debug = field(mgmt().debugTools, 'mgmt.debug_tools_enabled')
      return debug ? recommend(['mgmt.debug_tools_enabled = true']) : ok('mgmt.debug_tools_enabled = false')
    }),
    runCheck(META.wan, () => {
      const exposure = managementExposure(ctx.posture)
      if (exposure.paths.length > 0) return gap(exposure.paths)
      if (exposure.unknownReason !== null) return unknown(exposure.unknownReason)
      return ok('no port forward or firewall rule opens a management port to any source')
    }),
    runCheck(META.snmp, () => {
      const snmp = section(need(ctx.posture.settings).snmp, 'snmp')
      const enabled = field(snmp.enabled, 'snmp.enabled')
      if (!enabled) return ok('snmp.enabled = false')
      return snmp.communityIsDefault === true
        ? gap(['snmp.enabled = true', 'snmp.community is "public" or "private"'], 'high')
        : gap(['snmp.enabled = true', `snmp.community: ${shown(snmp.communityLength)} characters`])
    }),
    runCheck(META.cloud, () => {
      const settings = need(ctx.posture.settings)
      const cloud = settings.superCloudaccess?.enabled ?? null
      const teleport = settings.teleport?.enabled ?? null
      if (cloud === null && teleport === null)
        return unknown('the controller returned neither a super_cloudaccess nor a teleport section')
      const on = [
        ...(cloud === true ? ['super_cloudaccess.enabled = true'] : []),
        ...(teleport === true ? ['teleport.enabled = true'] : []),
      ]
      return on.length > 0
        ? recommend(on)
        : ok(`super_cloudaccess.enabled = ${shown(cloud)}`, `teleport.enabled = ${shown(teleport)}`)
    }),
    runCheck(META.channel, () => {
      const fw = section(need(ctx.posture.settings).superFwupdate, 'super_fwupdate')
      const channels = [
        ['controller_channel', fw.controllerChannel],
        ['firmware_channel', fw.firmwareChannel],
      ] as const
      if (channels.every(([, value]) => value === null))
        return unknown('super_fwupdate has no release channel fields on this controller')
      const early = channels.filter(([, value]) => value !== null && PRE_RELEASE.has(value))
      return early.length > 0
        ? gap(early.map(([name, value]) => `super_fwupdate.${name} = ${shown(value)}`))
        : ok(...channels.map(([name, value]) => `super_fwupdate.${name} = ${shown(value)}`))
    }),
    runCheck(META.radius, () => {
      const radius = section(need(ctx.posture.settings).radius, 'radius')
      if (field(radius.enabled, 'radius.enabled') === false) return ok('radius.enabled = false')
      const length = field(radius.secretLength, 'radius.x_secret')
      return length < 16 ? gap([`radius.x_secret: ${length} characters`]) : ok(`radius.x_secret: ${length} characters`)
    }),
  ]
}
