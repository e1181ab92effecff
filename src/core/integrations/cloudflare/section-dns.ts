/** The DNS part of the Cloudflare section: response codes (as strings), per zone when there are several. */
import type { SectionBlock } from '../../report/section.js'
import type { CloudflareData, DnsAnalyticsResult } from './model.js'
import { clipNote, type RenderContext } from './section-shared.js'
import { formatCount } from './wording.js'

export function dnsBlocks(data: CloudflareData, ctx: RenderContext): SectionBlock[] {
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
