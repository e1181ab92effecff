/**
 * Risks that are worse together than apart, raised as findings of their own: each names the checks it combines,
 * and fires only when every contributor is a proven gap (an unknown never makes a compound risk).
 */
import type { CompoundRisk, PostureCheckResult, PostureSeverity } from './model.js'

interface Rule {
  id: string
  title: string
  severity: PostureSeverity
  /** Every group must have at least one gap among its ids. */
  groups: string[][]
  why: string
}

const ADVISORY = ['FW-ADVISORY-NETWORK', 'FW-ADVISORY-CONSOLE']

const RULES: readonly Rule[] = [
  {
    id: 'COMPOUND-WAN-VULNERABLE',
    title: 'Management reachable from the internet on a version with a published advisory',
    severity: 'critical',
    groups: [['MGMT-WAN'], ADVISORY],
    why: 'The flaw is public and the door is open: this is how consoles are taken over remotely.',
  },
  {
    id: 'COMPOUND-FLAT-EXPOSED',
    title: 'Services exposed to the internet on a flat network',
    severity: 'high',
    groups: [['SEG-FLAT'], ['PF-NO-VPN', 'PF-OPEN']],
    why: 'Whoever breaks into the exposed service lands on the network every other device is on.',
  },
  {
    id: 'COMPOUND-PPTP-FLAT',
    title: 'A PPTP VPN into a flat network',
    severity: 'high',
    groups: [['VPN-PPTP'], ['SEG-FLAT']],
    why: 'Recovered PPTP logins give a remote attacker a seat on the one network that holds everything.',
  },
  {
    id: 'COMPOUND-EOL-VULNERABLE',
    title: 'End-of-life devices next to a published advisory',
    severity: 'high',
    groups: [['FW-EOL'], ADVISORY],
    why: 'Part of the network can no longer be patched while another part is already known to be vulnerable.',
  },
  {
    id: 'COMPOUND-WEAK-WIFI-FLAT',
    title: 'Weak Wi-Fi security on a flat network',
    severity: 'high',
    groups: [['WIFI-PSK-LENGTH', 'WIFI-OPEN', 'WIFI-LEGACY-CRYPTO'], ['SEG-FLAT']],
    why: 'Someone in range who gets onto the Wi-Fi reaches every device on the site.',
  },
  {
    id: 'COMPOUND-UPNP-FLAT',
    title: 'UPnP on a flat network',
    severity: 'high',
    groups: [['UPNP-ENABLED'], ['SEG-FLAT']],
    why: 'Any infected device can open the gateway to the internet, and every device shares its network.',
  },
  {
    id: 'COMPOUND-BLIND',
    title: 'Attacks are neither blocked nor recorded off the gateway',
    severity: 'medium',
    groups: [['IPS-MODE'], ['LOG-SYSLOG']],
    why: 'Without prevention and without remote logs an intrusion is neither stopped nor visible afterwards.',
  },
]

export function compoundRisks(checks: readonly PostureCheckResult[]): CompoundRisk[] {
  const gaps = new Set(
    checks.filter((c) => c.status === 'gap' || (c.id === 'IPS-MODE' && c.status === 'recommendation')).map((c) => c.id),
  )
  const risks: CompoundRisk[] = []
  for (const rule of RULES) {
    const contributors = rule.groups.map((group) => group.filter((id) => gaps.has(id)))
    if (contributors.some((found) => found.length === 0)) continue
    risks.push({
      id: rule.id,
      title: rule.title,
      severity: rule.severity,
      contributors: contributors.flat(),
      why: rule.why,
    })
  }
  return risks
}
