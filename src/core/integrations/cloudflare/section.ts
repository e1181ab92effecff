/**
 * The "Cloudflare Security" report section, drawn from the same typed data the fetch returns: security
 * events with top lists, DNS summary, tunnel table (left out when the account has no tunnels), and notes
 * on clipped windows and on what could not be fetched. Strings are plain text; the renderers escape them.
 */
import type { ReportSection, SectionBlock, Tone } from '../../report/section.js'
import type { CloudflareData } from './model.js'
import { dnsBlocks } from './section-dns.js'
import { eventsBlocks } from './section-events.js'
import type { RenderContext } from './section-shared.js'
import { tunnelBlocks } from './section-tunnels.js'
import { formatCount } from './wording.js'

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

function noteBlocks(data: CloudflareData): SectionBlock[] {
  const blocks: SectionBlock[] = []
  if (data.problems.length > 0) {
    blocks.push({ type: 'paragraph', tone: 'warning', text: 'Some Cloudflare data could not be fetched:' })
    blocks.push({ type: 'list', items: data.problems })
  }
  if (data.notes.length > 0) blocks.push({ type: 'list', title: 'Notes', items: data.notes })
  return blocks
}
