/** One address in words: where it is (country, network owner) and, when looked up, its reputation. */
import type { AddressIntel } from './model.js'

export function networkText(intel: Pick<AddressIntel, 'country' | 'asn' | 'organisation'>): string {
  const owner = [intel.asn === null ? null : `AS${intel.asn}`, intel.organisation].filter(Boolean).join(' ')
  return [intel.country, owner || null].filter(Boolean).join(' · ') || 'network unknown'
}

/** `2026-12-03` from AbuseIPDB's ISO timestamp; the raw text when it is not one. */
export function reportedDate(iso: string | null): string {
  if (iso === null) return 'never'
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(iso)
  return match?.[1] ?? iso.slice(0, 32)
}

export function kindText(intel: AddressIntel): string {
  const reputation = intel.reputation
  if (!reputation) return ''
  return [reputation.isTor ? 'Tor exit node' : null, reputation.usageType].filter(Boolean).join(', ')
}

export function reputationText(intel: AddressIntel): string | null {
  const reputation = intel.reputation
  if (!reputation) return null
  const reports =
    reputation.totalReports === 0
      ? 'no reports'
      : `${reputation.totalReports.toLocaleString('en-US')} report${reputation.totalReports === 1 ? '' : 's'}, last ${reportedDate(reputation.lastReportedAt)}`
  const kind = kindText(intel)
  return `abuse score ${reputation.score}/100 (${reports})${kind ? ` · ${kind}` : ''}`
}

/** The line beside the address in the threat tables and findings. */
export function addressLine(intel: AddressIntel): string {
  const reputation = reputationText(intel)
  return reputation ? `${networkText(intel)} · ${reputation}` : networkText(intel)
}
