/**
 * Plain-English wording for Cloudflare's identifiers: rule sources, actions,
 * tunnel states, plans and counts. Dates and spans come from core/time.ts, like the rest of the report.
 */
import { formatDateTime } from '../../time.js'
import type { PlanId, TunnelSummary } from './model.js'

const SOURCES: Record<string, string> = {
  firewallmanaged: 'Cloudflare managed WAF rules',
  waf: 'Cloudflare managed WAF rules',
  firewallcustom: 'Your custom firewall rules',
  firewallrules: 'Your firewall rules',
  ratelimit: 'Rate limiting',
  l7ddos: 'DDoS protection',
  bic: 'Browser Integrity Check',
  securitylevel: 'IP reputation (Security Level)',
  botfight: 'Bot protection',
  botmanagement: 'Bot protection',
  country: 'IP access rules',
  asn: 'IP access rules',
  ip: 'IP access rules',
  iprange: 'IP access rules',
  hot: 'Hotlink protection',
  validation: 'Request validation',
  apishield: 'API Shield',
  dlp: 'Data loss prevention',
  uablock: 'User agent blocking',
  zonelockdown: 'Zone lockdown',
}

/** Sources are compared case-insensitively: GraphQL says `firewallManaged`, Logpush `firewallmanaged`. */
export function sourceLabel(source: string): string {
  return SOURCES[source.toLowerCase()] ?? source
}

const ACTIONS: Record<string, string> = {
  block: 'Blocked',
  drop: 'Blocked',
  challenge: 'Interactive challenge',
  jschallenge: 'JavaScript challenge',
  js_challenge: 'JavaScript challenge',
  managed_challenge: 'Managed challenge',
  log: 'Logged only',
  allow: 'Allowed',
  bypass: 'Bypassed',
  skip: 'Skipped',
  connection_close: 'Connection closed',
  challenge_solved: 'Challenge solved',
  jschallenge_solved: 'JavaScript challenge solved',
  managed_challenge_non_interactive_solved: 'Managed challenge passed',
  managed_challenge_interactive_solved: 'Managed challenge solved',
  challenge_bypassed: 'Challenge bypassed',
}

export function actionLabel(action: string): string {
  return ACTIONS[action] ?? action
}

export function planLabel(plan: PlanId): string {
  return plan === 'unknown' ? 'current' : plan.charAt(0).toUpperCase() + plan.slice(1)
}

export function tunnelStatusLabel(tunnel: TunnelSummary, timezone: string): string {
  switch (tunnel.status) {
    case 'healthy':
      return 'Healthy'
    case 'degraded':
      return 'Degraded'
    case 'down':
      return tunnel.connsInactiveAt
        ? `Down since ${formatDateTime(Date.parse(tunnel.connsInactiveAt), timezone)}`
        : 'Down'
    case 'inactive':
      return 'Not running (never connected)'
  }
}

const numberFormat = new Intl.NumberFormat('en-US')

export function formatCount(value: number): string {
  return numberFormat.format(value)
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}
