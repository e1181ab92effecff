/** Exposure: UPnP, port forwards open to the internet, forwards without a VPN, PPTP and weak VPN parameters. */
import type { PostureNetwork } from '../../unifi/posture-model.js'
import type { PostureContext } from './context.js'
import { describeForward, isEnabled, openToAny, portsOf, RISKY_PORTS } from './exposure-facts.js'
import type { PostureCheckResult } from './model.js'
import { field, gap, need, ok, quote, runCheck, section, type CheckMeta } from './kit.js'

const META = {
  upnp: {
    id: 'UPNP-ENABLED',
    area: 'exposure',
    title: 'UPnP is on',
    severity: 'medium',
    why: 'With UPnP any device on the LAN, malware included, can open inbound ports on the gateway by itself.',
    fix: 'UniFi Network > Settings > Internet > (WAN) > UPnP: off, or at least secure mode on a restricted network.',
  },
  open: {
    id: 'PF-OPEN',
    area: 'exposure',
    title: 'Port forwards are open to the whole internet',
    severity: 'medium',
    why: 'A forward without a source restriction exposes an internal service to every scanner on the internet.',
    fix: 'UniFi Network > Settings > Routing (or Firewall & Security) > Port Forwarding: limit the source, or replace the forward with a VPN.',
  },
  noVpn: {
    id: 'PF-NO-VPN',
    area: 'exposure',
    title: 'Services are exposed instead of reached through a VPN',
    severity: 'high',
    why: 'Port forwards without a remote-access VPN mean services are opened to the internet instead of tunnelled.',
    fix: 'UniFi Network > Settings > VPN > VPN Server: add a WireGuard server, then remove the forwards you only use yourself.',
  },
  pptp: {
    id: 'VPN-PPTP',
    area: 'exposure',
    title: 'A PPTP VPN server is enabled',
    severity: 'critical',
    why: 'PPTP relies on MS-CHAPv2, which is broken: captured logins can be recovered.',
    fix: 'UniFi Network > Settings > VPN > VPN Server: remove the PPTP server, move users to WireGuard or OpenVPN, change their passwords.',
  },
  weak: {
    id: 'VPN-WEAK-CRYPTO',
    area: 'exposure',
    title: 'A VPN uses weak or downgradeable cryptography',
    severity: 'medium',
    why: '3DES, MD5/SHA-1, small Diffie-Hellman groups, IKEv1 without PFS and Blowfish can be downgraded or broken.',
    fix: 'UniFi Network > Settings > VPN: choose AES-256, SHA-256 or better, DH group 14 or higher, IKEv2 with PFS.',
  },
  psk: {
    id: 'VPN-PSK-LENGTH',
    area: 'exposure',
    title: 'An IPsec pre-shared key is short',
    severity: 'medium',
    why: 'A short pre-shared key can be guessed offline from one captured handshake.',
    fix: 'UniFi Network > Settings > VPN > Site-to-Site VPN: set a random pre-shared key of at least 20 characters on both ends.',
  },
} satisfies Record<string, CheckMeta>

const REMOTE_VPN_TYPES = new Set(['wireguard-server', 'openvpn-server', 'l2tp-server', 'uid-server'])

const isEnabledNetwork = (n: PostureNetwork): boolean => n.enabled !== false

function weakParameters(n: PostureNetwork): string[] {
  const weak: string[] = []
  if (n.vpnType === 'l2tp-server' && n.l2tpWeakCiphers === true) weak.push('l2tp_allow_weak_ciphers = true')
  if (n.ipsecEncryption === '3des') weak.push('ipsec_encryption = 3des')
  if (n.ipsecHash === 'md5' || n.ipsecHash === 'sha1') weak.push(`ipsec_hash = ${n.ipsecHash}`)
  if (n.ipsecDhGroup !== null && [1, 2, 5].includes(n.ipsecDhGroup)) weak.push(`ipsec DH group = ${n.ipsecDhGroup}`)
  if (n.ipsecKeyExchange === 'ikev1' && n.ipsecPfs === false) weak.push('ipsec_key_exchange = ikev1 without PFS')
  if (n.openvpnCipher === 'BF_CBC') weak.push('openvpn_encryption_cipher = BF_CBC')
  return weak
}

export function exposureChecks(ctx: PostureContext): PostureCheckResult[] {
  return [
    runCheck(META.upnp, () => {
      const usg = section(need(ctx.posture.settings).usg, 'usg')
      const enabled = field(usg.upnpEnabled, 'usg.upnp_enabled')
      const upnp = ctx.posture.upnp
      // With UPnP off the mappings are not asked for (there are none): the evidence says so rather than "none".
      if (!enabled) return ok('usg.upnp_enabled = false', ...(upnp.state === 'read' ? [] : [`${upnp.reason}`]))
      const evidence = ['usg.upnp_enabled = true']
      if (usg.upnpNatPmp === true) evidence.push('usg.upnp_nat_pmp_enabled = true')
      if (usg.upnpSecureMode === false) evidence.push('usg.upnp_secure_mode = false')
      if (upnp.state !== 'read') evidence.push(`UPnP mappings: ${upnp.reason}`)
      const mappings = upnp.state === 'read' ? upnp.value : []
      for (const m of mappings.slice(0, 8))
        evidence.push(`UPnP mapping: port ${m.dstPort ?? '?'}/${m.proto ?? '?'} → ${m.fwd ?? 'unknown host'}`)
      const privileged = mappings.some((m) => m.dstPort !== null && m.dstPort < 1024)
      return gap(evidence, privileged ? 'high' : 'medium')
    }),
    runCheck(META.open, () => {
      const open = need(ctx.posture.portForwards).filter((f) => isEnabled(f) && openToAny(f))
      if (open.length === 0) return ok('no enabled port forward is open to any source')
      const risky = open.some((f) => portsOf(f.dstPort).some((p) => RISKY_PORTS.has(p) || p < 1024))
      return gap(open.map(describeForward), risky ? 'high' : 'medium')
    }),
    runCheck(META.noVpn, () => {
      const forwards = need(ctx.posture.portForwards).filter(isEnabled)
      if (forwards.length === 0) return ok('no enabled port forward')
      const vpns = need(ctx.posture.networks).filter(
        (n) =>
          isEnabledNetwork(n) &&
          n.purpose === 'remote-user-vpn' &&
          n.vpnType !== null &&
          REMOTE_VPN_TYPES.has(n.vpnType),
      )
      const teleport =
        ctx.posture.settings.state === 'read' ? ctx.posture.settings.value.teleport?.enabled === true : false
      if (vpns.length > 0 || teleport)
        return ok(
          ...vpns.map((n) => `VPN server ${quote(n.name)}: ${n.vpnType ?? ''}`),
          ...(teleport ? ['teleport.enabled = true'] : []),
        )
      return gap([`${forwards.length} enabled port forward(s)`, 'no WireGuard, OpenVPN or L2TP server and no Teleport'])
    }),
    runCheck(META.pptp, () => {
      const pptp = need(ctx.posture.networks).filter((n) => isEnabledNetwork(n) && n.vpnType === 'pptp-server')
      return pptp.length > 0
        ? gap(pptp.map((n) => `network ${quote(n.name)}: vpn_type = pptp-server, enabled`))
        : ok('no PPTP server')
    }),
    runCheck(META.weak, () => {
      const vpns = need(ctx.posture.networks).filter((n) => isEnabledNetwork(n) && n.vpnType !== null)
      const weak = vpns.flatMap((n) => weakParameters(n).map((w) => `network ${quote(n.name)}: ${w}`))
      return weak.length > 0 ? gap(weak) : ok(`${vpns.length} VPN(s) without weak parameters`)
    }),
    runCheck(META.psk, () => {
      const keyed = need(ctx.posture.networks).filter((n) => isEnabledNetwork(n) && n.presharedKeyLength !== null)
      const short = keyed.filter((n) => (n.presharedKeyLength ?? 0) < 20)
      return short.length > 0
        ? gap(short.map((n) => `network ${quote(n.name)}: pre-shared key of ${n.presharedKeyLength ?? 0} characters`))
        : ok(
            keyed.length > 0
              ? `${keyed.length} pre-shared key(s) of 20 characters or more`
              : 'no IPsec pre-shared key in use',
          )
    }),
  ]
}
