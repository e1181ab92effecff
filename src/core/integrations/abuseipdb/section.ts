/**
 * The "Threat intelligence" report section: top sources by reputation, the share of blocked traffic that
 * came from known-abusive addresses, and allowed traffic from them (each such source is a severe finding: a
 * known-bad source got in). Without an API key it shows the offline country and network owner only and says
 * nothing about reputation. Pure: the integration does the I/O.
 */
import type { ReportSection, SectionBlock, Tone } from '../../report/section.js'
import { kindText, networkText, reportedDate } from './describe-address.js'
import type { AddressIntel, ThreatIntelData } from './model.js'

export const SECTION_TITLE = 'Threat intelligence'
const TOP_ROWS = 15

function percent(part: number, whole: number): string {
  if (whole === 0) return '0%'
  const value = (part / whole) * 100
  return `${value < 10 && value > 0 ? value.toFixed(1) : Math.round(value)}%`
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`
}

export function isKnownAbusive(intel: AddressIntel, highScore: number): boolean {
  return intel.reputation !== null && !intel.reputation.whitelisted && intel.reputation.score >= highScore
}

function checkPage(data: ThreatIntelData, address: string): string {
  return `${data.checkPageBase}${encodeURIComponent(address)}`
}

function scoreTone(intel: AddressIntel, highScore: number): Tone | undefined {
  if (!intel.reputation) return undefined
  if (isKnownAbusive(intel, highScore)) return 'error'
  return intel.reputation.score >= 25 ? 'warning' : undefined
}

export function renderThreatIntelSection(data: ThreatIntelData): ReportSection {
  const abusive = data.addresses.filter((intel) => isKnownAbusive(intel, data.highScore))
  const gotIn = abusive.filter((intel) => intel.allowed > 0).sort((a, b) => b.allowed - a.allowed)
  const blocks: SectionBlock[] = [{ type: 'paragraph', text: whatWasSent(data) }]
  if (data.addresses.length === 0) {
    blocks.push({
      type: 'paragraph',
      text: 'No external addresses appeared in the threats or security findings of this period.',
    })
  }
  if (data.reputationEnabled && data.addresses.length > 0) {
    blocks.push({ type: 'facts', items: facts(data, abusive) })
    if (gotIn.length > 0) {
      blocks.push({ type: 'subheading', text: 'Allowed traffic from known-abusive sources' })
      blocks.push({
        type: 'paragraph',
        tone: 'error',
        text:
          `${plural(gotIn.length, 'address', 'addresses')} with an abuse score of ${data.highScore} or more got through: ` +
          'their traffic was detected but not blocked. Block them at the firewall and check the devices they reached.',
      })
      blocks.push({
        type: 'table',
        columns: ['Address', 'Score', 'Reports', 'Allowed events'],
        rows: gotIn.map((intel) => ({
          tone: 'error' as const,
          cells: [
            intel.address,
            String(intel.reputation?.score ?? ''),
            (intel.reputation?.totalReports ?? 0).toLocaleString('en-US'),
            intel.allowed.toLocaleString('en-US'),
          ],
        })),
      })
      blocks.push({ type: 'list', items: gotIn.map((intel) => detail(data, intel)) })
    }
    const looked = data.addresses.filter((intel) => intel.reputation !== null)
    const top = [...looked]
      .sort((a, b) => (b.reputation?.score ?? 0) - (a.reputation?.score ?? 0) || b.events - a.events)
      .slice(0, TOP_ROWS)
    blocks.push({ type: 'subheading', text: 'Top sources by reputation' })
    blocks.push({
      type: 'table',
      columns: ['Address', 'Score', 'Reports', 'Last reported', 'Events'],
      rows: top.map((intel) => {
        const tone = scoreTone(intel, data.highScore)
        return {
          ...(tone ? { tone } : {}),
          cells: [
            intel.address,
            String(intel.reputation?.score ?? ''),
            (intel.reputation?.totalReports ?? 0).toLocaleString('en-US'),
            reportedDate(intel.reputation?.lastReportedAt ?? null),
            intel.events.toLocaleString('en-US'),
          ],
        }
      }),
      emptyText: 'No address was looked up in this run.',
    })
    if (top.length > 0) blocks.push({ type: 'list', items: top.map((intel) => detail(data, intel)) })
    const limits = limitText(data)
    if (limits) blocks.push({ type: 'paragraph', tone: 'note', text: limits })
  } else if (data.addresses.length > 0) {
    blocks.push({
      type: 'table',
      caption: 'External sources',
      columns: ['Address', 'Events', 'Blocked', 'Where'],
      rows: data.addresses.slice(0, TOP_ROWS).map((intel) => ({
        cells: [
          intel.address,
          intel.events.toLocaleString('en-US'),
          intel.blocked.toLocaleString('en-US'),
          networkText(intel),
        ],
      })),
    })
  }
  if (data.offlineNote) blocks.push({ type: 'paragraph', tone: 'note', text: data.offlineNote })
  blocks.push({ type: 'paragraph', tone: 'note', text: data.attribution.join(' ') })

  const tone: Tone = gotIn.length > 0 ? 'error' : abusive.length > 0 ? 'warning' : 'normal'
  return {
    id: 'integration-abuseipdb',
    title: SECTION_TITLE,
    tone,
    summary: summary(data, abusive.length, gotIn.length),
    blocks,
    ...(gotIn.length > 0 ? { findings: { severe: gotIn.length, medium: 0, low: 0 } } : {}),
  }
}

/** Where the address is, what it is, and its public page: one list item. */
function detail(data: ThreatIntelData, intel: AddressIntel): string {
  const kind = kindText(intel)
  return `${intel.address}: ${networkText(intel)}${kind ? ` · ${kind}` : ''} · ${checkPage(data, intel.address)}`
}

function whatWasSent(data: ThreatIntelData): string {
  const skipped =
    data.notSent > 0
      ? ` ${plural(data.notSent, 'address', 'addresses')} (private, reserved or the site's own) stayed on this computer.`
      : ''
  if (!data.reputationEnabled) {
    return `Country and network owner come from an offline database: nothing was sent anywhere.${skipped}`
  }
  return (
    'Only public source addresses from the threats and security findings are sent to AbuseIPDB, one look-up ' +
    `each, most frequent first; answers are kept on this computer for a while.${skipped}`
  )
}

function facts(data: ThreatIntelData, abusive: AddressIntel[]): { label: string; value: string; tone?: Tone }[] {
  const blockedFromAbusive = abusive.reduce((sum, intel) => sum + intel.blocked, 0)
  const items: { label: string; value: string; tone?: Tone }[] = [
    { label: 'External sources', value: data.externalTotal.toLocaleString('en-US') },
    {
      label: 'Looked up',
      value: `${plural(data.lookups, 'new look-up')}, ${plural(data.cacheHits, 'answer')} from the cache`,
    },
    {
      label: `Known-abusive (score ≥ ${data.highScore})`,
      value: `${plural(abusive.length, 'address', 'addresses')}`,
      ...(abusive.length > 0 ? { tone: 'warning' as const } : {}),
    },
    {
      label: 'Blocked traffic from known-abusive sources',
      value: `${blockedFromAbusive.toLocaleString('en-US')} of ${data.totals.blocked.toLocaleString('en-US')} blocked events (${percent(blockedFromAbusive, data.totals.blocked)})`,
    },
  ]
  if (data.quota.remaining !== null) {
    items.push({
      label: 'Daily quota left',
      value:
        data.quota.limit === null
          ? data.quota.remaining.toLocaleString('en-US')
          : `${data.quota.remaining.toLocaleString('en-US')} of ${data.quota.limit.toLocaleString('en-US')}`,
    })
  }
  return items
}

function limitText(data: ThreatIntelData): string | null {
  const parts: string[] = []
  if (data.limits.overCap > 0) {
    parts.push(
      `${plural(data.limits.overCap, 'less frequent address', 'less frequent addresses')} ${data.limits.overCap === 1 ? 'was' : 'were'} not looked up (the per-run limit was reached); later reports look ${data.limits.overCap === 1 ? 'it' : 'them'} up.`,
    )
  }
  if (data.limits.quotaLeft > 0) {
    parts.push(
      `The AbuseIPDB daily quota ran out: ${plural(data.limits.quotaLeft, 'address', 'addresses')} ${data.limits.quotaLeft === 1 ? 'was' : 'were'} not looked up.`,
    )
  }
  if (data.limits.refused > 0) {
    parts.push(`AbuseIPDB refused to check ${plural(data.limits.refused, 'address', 'addresses')}.`)
  }
  return parts.length > 0 ? parts.join(' ') : null
}

function summary(data: ThreatIntelData, abusive: number, gotIn: number): string {
  if (data.addresses.length === 0) return 'No external addresses in this period.'
  if (!data.reputationEnabled) {
    const countries = new Set(data.addresses.map((intel) => intel.country).filter(Boolean)).size
    return `${plural(data.externalTotal, 'external source')} from ${plural(countries, 'country', 'countries')}.`
  }
  if (gotIn > 0) {
    return `${plural(gotIn, 'known-abusive source')} got through (allowed traffic); ${plural(abusive, 'known-abusive address', 'known-abusive addresses')} in total.`
  }
  return `${plural(abusive, 'known-abusive address', 'known-abusive addresses')} among ${plural(data.externalTotal, 'external source')}.`
}
