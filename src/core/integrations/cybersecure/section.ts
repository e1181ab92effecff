/** The "CyberSecure (Proofpoint ET PRO)" report section, as structured blocks for both renderers. */
import type { ReportSection, SectionBlock, Tone } from '../../report/section.js'
import type { CyberSecureData, SubscriptionStatus } from './model.js'

const STATUS_LABEL: Record<SubscriptionStatus, string> = {
  active: 'Active (ET PRO signatures seen)',
  'not-detected': 'Not detected in this period',
  unknown: 'Unknown',
}

const STATUS_TONE: Record<SubscriptionStatus, Tone> = {
  active: 'good',
  'not-detected': 'note',
  unknown: 'note',
}

const MODE_LABEL: Record<string, string> = {
  ips: 'Prevention (IPS): threats are blocked',
  ids: 'Detection only (IDS): threats are logged, not blocked',
  disabled: 'Off',
}

export function renderCyberSecureSection(data: CyberSecureData): ReportSection {
  const blocks: SectionBlock[] = [
    { type: 'paragraph', text: data.evidence, tone: STATUS_TONE[data.status] },
    { type: 'facts', items: facts(data) },
  ]
  if (data.settingsNote) blocks.push({ type: 'paragraph', text: data.settingsNote, tone: 'note' })
  if (data.totals.total > 0) blocks.push(rulesetTable(data))
  if (data.topEtPro.length > 0) blocks.push(etProTable(data))
  if (data.unattributed > 0) {
    blocks.push({
      type: 'paragraph',
      tone: 'note',
      text:
        `${data.unattributed} threat${data.unattributed === 1 ? '' : 's'} came without a signature id ` +
        '(system log only) and cannot be attributed to a ruleset.',
    })
  }
  if (data.recommendations.length > 0) {
    blocks.push({ type: 'list', title: 'Recommendations', items: data.recommendations, ordered: true })
  }
  return {
    id: 'integration-cybersecure',
    title: 'CyberSecure (Proofpoint ET PRO)',
    tone: data.recommendations.length > 0 && data.ipsMode !== 'ips' ? 'warning' : STATUS_TONE[data.status],
    summary: summary(data),
    blocks,
  }
}

function facts(data: CyberSecureData): { label: string; value: string; tone?: Tone }[] {
  const items: { label: string; value: string; tone?: Tone }[] = [
    { label: 'Subscription', value: STATUS_LABEL[data.status], tone: STATUS_TONE[data.status] },
    {
      label: 'IPS mode',
      value: data.ipsMode === null ? 'Not reported by the console' : (MODE_LABEL[data.ipsMode] ?? data.ipsMode),
      ...(data.ipsMode === 'ids' || data.ipsMode === 'disabled' ? { tone: 'warning' as const } : {}),
    },
  ]
  if (data.enabledCategories.length > 0) {
    items.push({ label: 'Enabled categories', value: data.enabledCategories.join(', ') })
  }
  if (data.adBlocking !== null) items.push({ label: 'Ad blocking', value: data.adBlocking ? 'On' : 'Off' })
  if (data.contentFiltering !== null) {
    items.push({ label: 'Content filtering', value: data.contentFiltering ? 'On' : 'Off' })
  }
  items.push({
    label: 'Threats in period',
    value: `${data.totals.total} (${data.totals.blocked} blocked, ${data.totals.detected} detected only)`,
  })
  if (data.threatSources.length > 0) items.push({ label: 'Threat sources', value: data.threatSources.join(', ') })
  return items
}

function rulesetTable(data: CyberSecureData): SectionBlock {
  const row = (name: string, counts: { total: number; blocked: number; detected: number }, tone?: Tone) => ({
    cells: [name, String(counts.total), String(counts.blocked), String(counts.detected)],
    ...(tone ? { tone } : {}),
  })
  return {
    type: 'table',
    caption: 'Threats by ruleset',
    columns: ['Ruleset', 'Threats', 'Blocked', 'Detected'],
    rows: [
      row('ET PRO (CyberSecure)', data.byRuleset['et-pro'], data.byRuleset['et-pro'].total > 0 ? 'good' : undefined),
      row('ET Open', data.byRuleset['et-open']),
      row('Other / unattributed', data.byRuleset.other),
    ],
  }
}

function etProTable(data: CyberSecureData): SectionBlock {
  return {
    type: 'table',
    caption: 'Top ET PRO signatures',
    columns: ['Category', 'Signature', 'SID', 'Events', 'Blocked'],
    rows: data.topEtPro.map((entry) => ({
      cells: [
        entry.categoryName,
        entry.signature,
        entry.signatureId === null ? '–' : String(entry.signatureId),
        String(entry.count),
        String(entry.blocked),
      ],
      ...(entry.detected > 0 ? { tone: 'warning' as const } : {}),
    })),
  }
}

function summary(data: CyberSecureData): string {
  if (data.status === 'active') {
    return `Active: ${data.byRuleset['et-pro'].total} of ${data.totals.total} threats caught by ET PRO signatures.`
  }
  if (data.status === 'not-detected') return 'No ET PRO detections in this period.'
  return 'Subscription status unknown for this period.'
}
