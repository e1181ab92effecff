/**
 * The "Cloudflare Security" report section, drawn from the same typed data the fetch returns: security
 * events with top lists, DNS summary, tunnel table (left out when the account has no tunnels), and notes
 * on clipped windows and on what could not be fetched. Strings are plain text; the renderers escape them.
 */
import type { ReportWindow } from '../../unifi/model.js'
import type { ReportSection, SectionBlock, Tone } from '../../report/section.js'
import type { CloudflareData, DnsAnalyticsResult, QueriedWindow, SecurityEventsResult, TunnelsResult } from './model.js'
import {
  actionLabel,
  formatCount,
  formatDateTime,
  formatSpan,
  planLabel,
  sourceLabel,
  truncate,
  tunnelStatusLabel,
} from './wording.js'

const TOP_SHOWN = 5

interface RenderContext {
  window: ReportWindow
  timezone: string
}

export function renderCloudflareSection(data: CloudflareData, ctx: RenderContext): ReportSection {
  const blocks: SectionBlock[] = [
    ...eventsBlocks(data, ctx),
    ...dnsBlocks(data, ctx),
    ...tunnelBlocks(data.tunnels, ctx),
    ...noteBlocks(data),
  ]
  const unhealthy = data.tunnels.status === 'ok' ? data.tunnels.value.tunnels.filter((t) => t.status !== 'healthy') : []
  const tone: Tone = unhealthy.length > 0 || data.problems.length > 0 ? 'warning' : 'good'
  const section: ReportSection = {
    id: 'integration-cloudflare',
    title: 'Cloudflare Security',
    tone,
    summary: summary(data),
    blocks,
  }
  // A tunnel that is down cuts off whatever it publishes; a degraded one is at risk. Blocked requests are
  // Cloudflare doing its job and add no findings.
  const down = unhealthy.filter((t) => t.status === 'down').length
  const degraded = unhealthy.filter((t) => t.status === 'degraded').length
  if (down + degraded > 0) section.findings = { severe: 0, medium: down, low: degraded }
  return section
}

function summary(data: CloudflareData): string {
  const parts: string[] = []
  if (data.securityEvents.status === 'ok') {
    const t = data.securityEvents.value.totals
    const zones = data.securityEvents.value.zones.length
    parts.push(
      `${formatCount(t.total)} security events (${formatCount(t.blocked)} blocked, ${formatCount(t.challenged)} challenged) on ${zones} ${zones === 1 ? 'zone' : 'zones'}`,
    )
  }
  if (data.dns.status === 'ok') parts.push(`${formatCount(data.dns.value.totals.total)} DNS queries`)
  if (data.tunnels.status === 'ok' && data.tunnels.value.tunnels.length > 0) {
    const all = data.tunnels.value.tunnels
    const healthy = all.filter((t) => t.status === 'healthy').length
    parts.push(`${healthy} of ${all.length} tunnels healthy`)
  }
  if (parts.length === 0) parts.push('No Cloudflare data for this window')
  const text = parts.join('; ')
  return data.problems.length > 0 ? `${text}; some data could not be fetched` : text
}

function eventsBlocks(data: CloudflareData, ctx: RenderContext): SectionBlock[] {
  const part = data.securityEvents
  const head: SectionBlock = { type: 'subheading', text: 'Security events' }
  if (part.status === 'failed') {
    return [head, { type: 'paragraph', tone: 'warning', text: `Security events could not be fetched: ${part.message}` }]
  }
  if (part.status === 'skipped') return [head, { type: 'paragraph', tone: 'note', text: part.reason }]
  const events = part.value
  const clipped = events.zones.flatMap((z) => clipNote(z.zone.name, z.zone.plan, z.window, 'security events', ctx))
  if (events.totals.total === 0) {
    return [
      head,
      {
        type: 'paragraph',
        tone: 'good',
        text: `No security events in the report window on ${zoneCount(events.zones.length)}.`,
      },
      ...clipped,
    ]
  }
  return [head, ...eventsFacts(events), ...eventsTables(events, ctx), ...clipped, ...sampledNote(events.sampled)]
}

function eventsFacts(events: SecurityEventsResult): SectionBlock[] {
  const t = events.totals
  return [
    {
      type: 'facts',
      items: [
        { label: 'Security events', value: formatCount(t.total) },
        { label: 'Blocked', value: formatCount(t.blocked), tone: t.blocked > 0 ? 'note' : 'normal' },
        { label: 'Challenged', value: formatCount(t.challenged) },
        { label: 'Logged only', value: formatCount(t.logged) },
        { label: 'Other outcomes', value: formatCount(t.other) },
      ],
    },
  ]
}

function eventsTables(events: SecurityEventsResult, ctx: RenderContext): SectionBlock[] {
  const blocks: SectionBlock[] = [
    {
      type: 'table',
      caption: 'What Cloudflare did, by protection',
      columns: ['Action', 'Protection', 'Events'],
      rows: byLabel(events.byActionSource)
        .slice(0, 10)
        .map((r) => ({ cells: [r.action, r.protection, formatCount(r.count)] })),
    },
    {
      type: 'table',
      caption: 'Top blocked IP addresses',
      columns: ['IP address', 'Country', 'Network (ASN)', 'Blocked'],
      rows: events.topBlockedIps.slice(0, TOP_SHOWN).map((ip) => ({
        cells: [ip.key, ip.country ?? '—', ip.asn ? `AS${ip.asn}` : '—', formatCount(ip.count)],
      })),
      emptyText: 'Nothing was blocked in this window.',
    },
  ]
  const lists: [string, string, SecurityEventsResult['topBlockedHosts'], number][] = [
    ['Top blocked countries', 'Country', events.topBlockedCountries, 40],
    ['Most attacked hosts', 'Host', events.topBlockedHosts, 80],
    ['Most blocked paths', 'Path', events.topBlockedPaths, 80],
    ['Most blocked user agents', 'User agent', events.topBlockedUserAgents, 80],
  ]
  for (const [caption, column, items, width] of lists) {
    if (items.length === 0) continue
    blocks.push({
      type: 'table',
      caption,
      columns: [column, 'Blocked'],
      rows: items.slice(0, TOP_SHOWN).map((i) => ({ cells: [truncate(i.key, width), formatCount(i.count)] })),
    })
  }
  if (events.recentBlocked.length > 0) {
    blocks.push({
      type: 'table',
      caption: 'Latest blocked requests',
      columns: ['Time', 'From', 'Request'],
      rows: events.recentBlocked.slice(0, TOP_SHOWN).map((e) => ({
        cells: [
          formatDateTime(Date.parse(e.datetime), ctx.timezone),
          e.country ? `${e.clientIp} (${e.country})` : e.clientIp,
          truncate(`${e.host ?? e.zoneName}${e.path ?? ''}`, 80),
        ],
      })),
    })
  }
  if (events.zones.length > 1) {
    blocks.push({
      type: 'table',
      caption: 'Security events by zone',
      columns: ['Zone', 'Plan', 'Events', 'Blocked', 'Challenged'],
      rows: events.zones.map((z) => ({
        cells: [
          z.zone.name,
          planLabel(z.zone.plan),
          formatCount(z.totals.total),
          formatCount(z.totals.blocked),
          formatCount(z.totals.challenged),
        ],
      })),
    })
  }
  return blocks
}

function dnsBlocks(data: CloudflareData, ctx: RenderContext): SectionBlock[] {
  const part = data.dns
  const head: SectionBlock = { type: 'subheading', text: 'DNS queries' }
  if (part.status === 'failed') {
    return [head, { type: 'paragraph', tone: 'warning', text: `DNS analytics could not be fetched: ${part.message}` }]
  }
  if (part.status === 'skipped') return [head, { type: 'paragraph', tone: 'note', text: part.reason }]
  const dns: DnsAnalyticsResult = part.value
  const t = dns.totals
  const blocks: SectionBlock[] = [
    head,
    {
      type: 'facts',
      items: [
        { label: 'Queries', value: formatCount(t.total) },
        { label: 'Answered (NOERROR)', value: formatCount(t.noError) },
        { label: 'Name not found (NXDOMAIN)', value: formatCount(t.nxDomain) },
        {
          label: 'Server failure (SERVFAIL)',
          value: formatCount(t.servFail),
          tone: t.servFail > 0 ? 'warning' : 'normal',
        },
        { label: 'Other response codes', value: formatCount(t.other) },
      ],
    },
  ]
  if (dns.zones.length > 1) {
    blocks.push({
      type: 'table',
      caption: 'DNS queries by zone',
      columns: ['Zone', 'Queries', 'NOERROR', 'NXDOMAIN', 'SERVFAIL', 'Other'],
      rows: dns.zones.map((z) => ({
        cells: [
          z.zone.name,
          formatCount(z.totals.total),
          formatCount(z.totals.noError),
          formatCount(z.totals.nxDomain),
          formatCount(z.totals.servFail),
          formatCount(z.totals.other),
        ],
        tone: z.totals.servFail > 0 ? 'warning' : 'normal',
      })),
    })
  }
  if (dns.byQueryType.length > 0) {
    blocks.push({
      type: 'table',
      caption: 'Query types',
      columns: ['Type', 'Queries'],
      rows: dns.byQueryType.slice(0, 8).map((q) => ({ cells: [q.key, formatCount(q.count)] })),
    })
  }
  blocks.push(...dns.zones.flatMap((z) => clipNote(z.zone.name, z.zone.plan, z.window, 'DNS analytics', ctx)))
  return blocks
}

function tunnelBlocks(part: CloudflareData['tunnels'], ctx: RenderContext): SectionBlock[] {
  const head: SectionBlock = { type: 'subheading', text: 'Tunnels' }
  if (part.status === 'failed') {
    return [head, { type: 'paragraph', tone: 'warning', text: `Tunnel status could not be fetched: ${part.message}` }]
  }
  // A skipped tunnel check is explained in the notes; an account without tunnels gets no tunnel part at all.
  if (part.status === 'skipped' || part.value.tunnels.length === 0) return []
  return [head, ...tunnelTable(part.value, ctx)]
}

function tunnelTable(result: TunnelsResult, ctx: RenderContext): SectionBlock[] {
  const blocks: SectionBlock[] = []
  const unhealthy = result.tunnels.filter((t) => t.status !== 'healthy')
  if (unhealthy.length > 0) {
    const list = unhealthy.map((t) => `${t.name} (${lowerFirst(tunnelStatusLabel(t, ctx.timezone))})`).join(', ')
    blocks.push({
      type: 'paragraph',
      tone: 'warning',
      text: `${unhealthy.length} of ${result.tunnels.length} tunnels need attention: ${list}.`,
    })
  }
  const toneFor = { healthy: 'good', degraded: 'warning', down: 'error', inactive: 'note' } as const
  blocks.push({
    type: 'table',
    caption: 'Cloudflare Tunnels',
    columns: ['Tunnel', 'Status', 'Connections', 'cloudflared', 'Edge locations'],
    rows: result.tunnels.map((t) => ({
      cells: [
        t.name,
        tunnelStatusLabel(t, ctx.timezone),
        t.activeConnections === null ? 'unknown' : String(t.activeConnections),
        t.connectorVersions.join(', ') || '—',
        t.colos.join(', ') || '—',
      ],
      tone: toneFor[t.status],
    })),
  })
  const origins = [...new Set(result.tunnels.flatMap((t) => t.originIps))].sort()
  if (origins.length > 0) {
    blocks.push({
      type: 'paragraph',
      tone: 'normal',
      text: `Tunnel connectors run from ${origins.join(', ')}; this should be your UniFi WAN address.`,
    })
  }
  const outdated = result.tunnels.filter((t) => t.connectorVersions.some((v) => isOutdated(v, ctx.window.until)))
  if (outdated.length > 0) {
    blocks.push({
      type: 'paragraph',
      tone: 'note',
      text: `Update cloudflared on ${outdated.map((t) => `${t.name} (${t.connectorVersions.join(', ')})`).join(', ')}: it is more than a year old and misses security fixes.`,
    })
  }
  return blocks
}

function clipNote(
  zone: string,
  plan: CloudflareData['zones'][number]['plan'],
  window: QueriedWindow,
  what: string,
  ctx: RenderContext,
): SectionBlock[] {
  if (window.clipped === null) return []
  const span = formatSpan(window.clipped.limitSeconds)
  const from = formatDateTime(window.since, ctx.timezone)
  const text =
    window.clipped.reason === 'retention'
      ? `Cloudflare keeps only ${span} of ${what} on the ${planLabel(plan)} plan of ${zone}; ${what} before ${from} are not included.`
      : `Cloudflare allows at most ${span} of ${what} per query on the ${planLabel(plan)} plan of ${zone}; only ${what} from ${from} on are included.`
  return [{ type: 'paragraph', tone: 'note', text }]
}

function sampledNote(sampled: boolean): SectionBlock[] {
  return sampled
    ? [
        {
          type: 'paragraph',
          tone: 'note',
          text: 'Cloudflare sampled these events because of their volume; counts are estimates.',
        },
      ]
    : []
}

function noteBlocks(data: CloudflareData): SectionBlock[] {
  const blocks: SectionBlock[] = []
  if (data.problems.length > 0) {
    blocks.push({ type: 'paragraph', tone: 'warning', text: 'Some Cloudflare data could not be fetched:' })
    blocks.push({ type: 'list', items: data.problems })
  }
  if (data.notes.length > 0) blocks.push({ type: 'list', title: 'Notes', items: data.notes })
  return blocks
}

/** cloudflared versions are dates (`2025.10.0`); older than a year means many missed monthly releases. */
function isOutdated(version: string, now: number): boolean {
  const match = /^(\d{4})\.(\d{1,2})\./.exec(version)
  if (!match) return false
  const released = Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)
  return now - released > 365 * 86_400_000
}

/** Rows that read the same (GraphQL `waf` and `firewallManaged` are both the managed rules) become one. */
function byLabel(
  items: SecurityEventsResult['byActionSource'],
): { action: string; protection: string; count: number }[] {
  const merged = new Map<string, { action: string; protection: string; count: number }>()
  for (const item of items) {
    const action = actionLabel(item.action)
    const protection = sourceLabel(item.source)
    const key = `${action}|${protection}`
    const existing = merged.get(key)
    merged.set(key, { action, protection, count: (existing?.count ?? 0) + item.count })
  }
  return [...merged.values()].sort((a, b) => b.count - a.count)
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

function zoneCount(count: number): string {
  return `${count} ${count === 1 ? 'zone' : 'zones'}`
}
