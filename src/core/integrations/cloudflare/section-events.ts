/** The security-events part of the Cloudflare section: counts, what acted, top blocked lists, latest blocks. */
import type { SectionBlock } from '../../report/section.js'
import type { CloudflareData, SecurityEventsResult } from './model.js'
import { TOP_SHOWN, clipNote, zoneCount, type RenderContext } from './section-shared.js'
import { formatDateTime } from '../../time.js'
import { actionLabel, formatCount, planLabel, sourceLabel, truncate } from './wording.js'

export function eventsBlocks(data: CloudflareData, ctx: RenderContext): SectionBlock[] {
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
