/** Threat protection: IPS mode and coverage, encrypted DNS, content filtering, region blocking. */
import type { PostureContext } from './context.js'
import type { PostureCheckResult } from './model.js'
import { EXTERNAL_ZONES, isZone } from './exposure-facts.js'
import { CannotCheck, field, gap, need, ok, quote, recommend, runCheck, section, type CheckMeta } from './kit.js'

const META = {
  ips: {
    id: 'IPS-MODE',
    area: 'protection',
    title: 'Intrusion prevention is off or only detects',
    severity: 'medium',
    why: 'Without prevention mode the gateway sees known attacks and lets them through.',
    fix: 'UniFi Network > Settings > CyberSecure (or Security) > Intrusion Prevention: mode "Notify and Block".',
  },
  ipsNetworks: {
    id: 'IPS-NETWORKS',
    area: 'protection',
    title: 'Intrusion prevention leaves networks out',
    severity: 'low',
    why: 'A network IPS does not watch is where an attack goes unnoticed.',
    fix: 'UniFi Network > Settings > CyberSecure > Intrusion Prevention: select every network.',
  },
  doh: {
    id: 'DNS-ENCRYPTED',
    area: 'protection',
    title: 'Encrypted DNS is off',
    severity: 'low',
    why: 'Plain DNS can be read and redirected on the way to the resolver.',
    fix: 'UniFi Network > Settings > CyberSecure (or Security) > Encrypted DNS: Auto or a provider you trust.',
  },
  content: {
    id: 'DNS-CONTENT-FILTER',
    area: 'protection',
    title: 'No DNS content filtering',
    severity: 'low',
    why: 'Filtering malware and phishing domains at DNS stops many infections before a connection is made.',
    fix: 'UniFi Network > Settings > CyberSecure > Content Filtering: enable a profile (at least "security") per network.',
  },
  geo: {
    id: 'GEO-BLOCKING',
    area: 'protection',
    title: 'No region blocking',
    severity: 'low',
    why: 'Blocking regions you never deal with cuts scanning noise; it reduces noise, it is not a control by itself.',
    fix: 'UniFi Network > Settings > CyberSecure (or Security) > Region Blocking: block the regions you have no business with.',
  },
} satisfies Record<string, CheckMeta>

const LAN_PURPOSES = new Set(['corporate', 'guest', 'vlan-only'])

export function protectionChecks(ctx: PostureContext): PostureCheckResult[] {
  const ips = () => section(need(ctx.posture.settings).ips, 'ips')
  return [
    runCheck(META.ips, () => {
      const mode = field(ips().mode, 'ips.ips_mode')
      if (mode === 'ips' || mode === 'ipsInline') return ok(`ips.ips_mode = ${mode}`)
      if (mode === 'ids') return recommend(['ips.ips_mode = ids (detect only)'], 'low')
      if (mode === 'disabled') return gap(['ips.ips_mode = disabled'])
      throw new CannotCheck(`ips.ips_mode has a value this version does not know (${mode.slice(0, 32)})`)
    }),
    runCheck(META.ipsNetworks, () => {
      const section = ips()
      if (section.mode === 'disabled') throw new CannotCheck('intrusion prevention is off (see IPS-MODE)')
      const enabled = field(section.enabledNetworks, 'ips.enabled_networks')
      const lans = need(ctx.posture.networks).filter(
        (n) => n.enabled !== false && n.purpose !== null && LAN_PURPOSES.has(n.purpose),
      )
      const missing = lans.filter((n) => !enabled.includes(n.id))
      return missing.length > 0
        ? recommend(missing.map((n) => `network ${quote(n.name)} is not in ips.enabled_networks`))
        : ok(`ips.enabled_networks covers all ${lans.length} network(s)`)
    }),
    runCheck(META.doh, () => {
      const state = field(section(need(ctx.posture.settings).doh, 'doh').state, 'doh.state')
      return state === 'off' ? recommend(['doh.state = off']) : ok(`doh.state = ${state}`)
    }),
    runCheck(META.content, () => {
      const enabled = field(ips().contentFiltering, 'ips.content_filtering_enabled')
      return enabled ? ok('ips.content_filtering_enabled = true') : recommend(['ips.content_filtering_enabled = false'])
    }),
    runCheck(META.geo, () => {
      const legacy =
        ctx.posture.settings.state === 'read' ? (ctx.posture.settings.value.usg?.geoIpEnabled ?? null) : null
      const firewall = ctx.posture.firewall.state === 'read' ? ctx.posture.firewall.value : null
      const regionPolicies =
        firewall?.mode === 'zone-based'
          ? firewall.policies.filter(
              (p) =>
                p.enabled !== false &&
                (p.action === 'BLOCK' || p.action === 'REJECT') &&
                p.region &&
                (firewall.zones === null ||
                  isZone(firewall.zones, p.sourceZone, EXTERNAL_ZONES) ||
                  isZone(firewall.zones, p.destinationZone, EXTERNAL_ZONES)),
            )
          : []
      if (legacy === true) return ok('usg.geo_ip_filtering_enabled = true')
      if (regionPolicies.length > 0)
        return ok(...regionPolicies.map((p) => `firewall policy ${quote(p.name)} blocks by region`))
      if (legacy === null && firewall === null)
        throw new CannotCheck('neither the usg settings nor the firewall could be read')
      if (legacy === null && firewall?.mode !== 'zone-based')
        throw new CannotCheck('usg.geo_ip_filtering_enabled is not reported')
      return recommend([
        `usg.geo_ip_filtering_enabled = ${String(legacy ?? 'not reported')}`,
        ...(firewall?.mode === 'zone-based' ? ['no firewall policy blocks by region'] : []),
      ])
    }),
  ]
}
