/** Pieces shared by the parts of the Cloudflare section: render context, clipped-window notes, small words. */
import type { ReportWindow } from '../../unifi/model.js'
import type { SectionBlock } from '../../report/section.js'
import type { CloudflareData, QueriedWindow } from './model.js'
import { formatDateTime, formatSpan } from '../../time.js'
import { planLabel } from './wording.js'

export const TOP_SHOWN = 5

export interface RenderContext {
  window: ReportWindow
  timezone: string
}

export function clipNote(
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

export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

export function zoneCount(count: number): string {
  return `${count} ${count === 1 ? 'zone' : 'zones'}`
}
