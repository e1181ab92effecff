/** Segmentation: flat network, guest and IoT separation, permissive internal rules, DHCP guarding. */
import type { PostureNetwork, PostureWlan } from '../../unifi/posture-model.js'
import type { PostureContext } from './context.js'
import { INTERNAL_ZONES, isZone } from './exposure-facts.js'
import type { PostureCheckResult } from './model.js'
import { CannotCheck, gap, need, ok, quote, recommend, runCheck, type CheckMeta } from './kit.js'

const META = {
  flat: {
    id: 'SEG-FLAT',
    area: 'segmentation',
    title: 'The network is flat',
    severity: 'high',
    why: 'With one network for everything, one compromised device reaches every other one.',
    fix: 'UniFi Network > Settings > Networks: create separate networks (VLANs) for guests, IoT and management, and map the SSIDs to them.',
  },
  guest: {
    id: 'SEG-GUEST-ISOLATION',
    area: 'segmentation',
    title: 'A guest network is not isolated',
    severity: 'medium',
    why: 'Guest devices that can reach internal networks are a way in for whoever brings one.',
    fix: 'UniFi Network > Settings > Networks > (network): Isolate Network on, or purpose Guest.',
  },
  iot: {
    id: 'SEG-IOT',
    area: 'segmentation',
    title: 'IoT devices share the main network',
    severity: 'medium',
    why: 'Cameras, printers and smart devices are rarely patched; on the main network they reach everything.',
    fix: 'UniFi Network > Settings > Networks: create an IoT network with Isolate Network on, and map the IoT SSID to it.',
  },
  permissive: {
    id: 'SEG-PERMISSIVE-RULE',
    area: 'segmentation',
    title: 'A firewall rule allows everything between internal networks',
    severity: 'medium',
    why: 'An allow-any rule between internal networks undoes the separation the networks were made for.',
    fix: 'UniFi Network > Settings > Security > Firewall (Zones / Policy Table): narrow the rule to the devices and ports that need it.',
  },
  dhcp: {
    id: 'SEG-DHCP-GUARD',
    area: 'segmentation',
    title: 'DHCP guarding is off',
    severity: 'low',
    why: 'A rogue DHCP server (a stray router or an attacker) can redirect clients’ traffic.',
    fix: 'UniFi Network > Settings > Networks > (network) > Advanced > DHCP Guarding: on, with the gateway as trusted server.',
  },
} satisfies Record<string, CheckMeta>

const LAN = new Set(['corporate', 'guest', 'vlan-only'])
const IOT_NAME = /\b(iot|smart|camera|cam|printer|tv|sensor|home ?automation)\b/i

const lans = (networks: readonly PostureNetwork[]) =>
  networks.filter((n) => n.enabled !== false && n.purpose !== null && LAN.has(n.purpose))

export function segmentationChecks(ctx: PostureContext): PostureCheckResult[] {
  return [
    runCheck(META.flat, () => {
      const list = lans(need(ctx.posture.networks))
      return list.length <= 1
        ? gap([`${list.length} local network(s): ${list.map((n) => quote(n.name)).join(', ') || 'none'}`])
        : ok(`${list.length} local networks: ${list.map((n) => quote(n.name)).join(', ')}`)
    }),
    runCheck(META.guest, () => {
      const networks = need(ctx.posture.networks)
      const guestSsidNets = new Set(
        (ctx.posture.wlans.state === 'read' ? ctx.posture.wlans.value : [])
          .filter((w: PostureWlan) => w.isGuest === true && w.networkId !== null)
          .map((w) => w.networkId),
      )
      const served = lans(networks).filter((n) => n.purpose !== 'guest' && guestSsidNets.has(n.id))
      const open = served.filter((n) => n.isolation !== true && n.vlan !== null && n.vlan > 1)
      if (open.length > 0)
        return gap(
          open.map(
            (n) => `network ${quote(n.name)} serves a guest SSID: network_isolation_enabled = ${String(n.isolation)}`,
          ),
        )
      const guestNets = lans(networks).filter((n) => n.purpose === 'guest')
      if (guestNets.length === 0 && served.length === 0) return ok('no guest network')
      return ok(
        ...guestNets.map((n) => `network ${quote(n.name)}: purpose = guest`),
        ...served.map((n) => `network ${quote(n.name)}: isolated`),
      )
    }),
    runCheck(META.iot, () => {
      const networks = need(ctx.posture.networks)
      const wlans = need(ctx.posture.wlans).filter((w) => w.enabled !== false && IOT_NAME.test(w.name))
      if (wlans.length === 0) return ok('no SSID named for IoT devices (judged by name)')
      const main = lans(networks).find((n) => n.purpose === 'corporate' && (n.vlan === null || n.vlan === 1))
      const onMain = wlans.filter((w) => main !== undefined && (w.networkId === null || w.networkId === main.id))
      if (main === undefined) throw new CannotCheck('the main network could not be told apart')
      return onMain.length > 0
        ? gap(onMain.map((w) => `SSID ${quote(w.name)} is on the main network ${quote(main.name)}`))
        : ok(...wlans.map((w) => `SSID ${quote(w.name)} is on its own network`))
    }),
    runCheck(META.permissive, () => {
      const firewall = need(ctx.posture.firewall)
      if (firewall.mode === 'legacy') {
        const broad = firewall.rules.filter(
          (r) =>
            r.enabled !== false && r.ruleset === 'LAN_IN' && r.action === 'accept' && r.srcAny && r.dstPort === null,
        )
        return broad.length > 0
          ? gap(broad.map((r) => `firewall rule ${quote(r.name)}: LAN_IN accept from any source to any port`))
          : ok(`${firewall.rules.length} legacy rule(s), none allows everything between networks`)
      }
      if (firewall.zones === null) throw new CannotCheck('the firewall zones could not be read')
      const zones = firewall.zones
      const internal = (id: string | null) =>
        id !== null &&
        (isZone(zones, id, INTERNAL_ZONES) ||
          zones.some((z) => z.id === id && (z.zoneKey === null || z.zoneKey === '')))
      const broad = firewall.policies.filter(
        (p) =>
          p.enabled !== false &&
          p.predefined !== true &&
          p.action === 'ALLOW' &&
          p.sourceAny &&
          p.destinationAny &&
          internal(p.sourceZone) &&
          internal(p.destinationZone),
      )
      return broad.length > 0
        ? gap(
            broad.map(
              (p) => `firewall policy ${quote(p.name)}: ALLOW, source ANY, destination ANY, between internal zones`,
            ),
          )
        : ok(`${firewall.policies.length} policy(ies), none allows any-to-any between internal zones`)
    }),
    runCheck(META.dhcp, () => {
      const list = lans(need(ctx.posture.networks))
      const off = list.filter((n) => n.dhcpGuard === false)
      if (off.length > 0) return recommend(off.map((n) => `network ${quote(n.name)}: dhcpguard_enabled = false`))
      if (list.every((n) => n.dhcpGuard === null))
        throw new CannotCheck('dhcpguard_enabled is not reported by this controller')
      return ok(`${list.length} network(s) with DHCP guarding`)
    }),
  ]
}
