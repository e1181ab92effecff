/**
 * The tunnel part of the Cloudflare section: a table with unhealthy tunnels highlighted, the origin IPs to
 * compare with the UniFi WAN address, and update advice for old connectors. Left out without tunnels.
 */
import type { SectionBlock } from '../../report/section.js'
import type { CloudflareData, TunnelsResult } from './model.js'
import { lowerFirst, type RenderContext } from './section-shared.js'
import { tunnelStatusLabel } from './wording.js'

export function tunnelBlocks(part: CloudflareData['tunnels'], ctx: RenderContext): SectionBlock[] {
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

/** cloudflared versions are dates (`2025.10.0`); older than a year means many missed monthly releases. */
function isOutdated(version: string, now: number): boolean {
  const match = /^(\d{4})\.(\d{1,2})\./.exec(version)
  if (!match) return false
  const released = Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)
  return now - released > 365 * 86_400_000
}
