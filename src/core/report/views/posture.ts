/**
 * The "Configuration posture" section: score and grade with every deduction, the gaps by severity with their
 * evidence and the UI path to fix them, compound risks, recommendations, what could not be checked and why, and
 * what changed since the previous report of the site. Plain blocks: both renderers escape every string.
 */
import type { PostureDrift } from '../../analysis/posture/drift.js'
import type { PostureAssessment, PostureCheckResult, PostureSeverity } from '../../analysis/posture/model.js'
import type { ReportSection, SectionBlock, Tone } from '../section.js'

const SEVERITY_ORDER: PostureSeverity[] = ['critical', 'high', 'medium', 'low', 'info']
const SEVERITY_TONE: Record<PostureSeverity, Tone> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'normal',
}
const MAX_ROWS = 40

const bySeverity = (a: PostureCheckResult, b: PostureCheckResult): number =>
  SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity)

export function postureHeadline(assessment: PostureAssessment): string {
  const gaps = assessment.checks.filter((c) => c.status === 'gap').length
  const unknown = assessment.checks.filter((c) => c.status === 'unknown').length
  const score =
    assessment.score.score === null
      ? `no score (${assessment.score.noScore ?? 'too little could be checked'})`
      : `${assessment.score.score}/100 (${assessment.score.grade ?? ''})`
  return `Configuration posture: ${score}, ${gaps} gap${gaps === 1 ? '' : 's'}, ${assessment.compound.length} compound risk${assessment.compound.length === 1 ? '' : 's'}, ${unknown} could not be checked.`
}

export function buildPostureSection(assessment: PostureAssessment, drift: PostureDrift | null): ReportSection {
  const { checks, compound, score } = assessment
  const gaps = checks.filter((c) => c.status === 'gap').sort(bySeverity)
  const recommendations = checks.filter((c) => c.status === 'recommendation').sort(bySeverity)
  const unknown = checks.filter((c) => c.status === 'unknown')
  const severe = gaps.some((c) => c.severity === 'critical' || c.severity === 'high') || compound.length > 0
  const tone: Tone = severe ? 'error' : gaps.length > 0 ? 'warning' : 'good'
  const summary = postureHeadline(assessment)
  const blocks: SectionBlock[] = [
    { type: 'paragraph', text: summary, tone },
    {
      type: 'paragraph',
      text:
        `${score.checked} of ${score.total} checks could be evaluated` +
        `${assessment.firewallMode === null ? '' : `; firewall: ${assessment.firewallMode === 'zone-based' ? 'zone-based policies' : 'legacy rules'}`}` +
        `. Advisory data as of ${assessment.advisoriesAsOf}.`,
    },
  ]
  if (drift !== null)
    blocks.push({ type: 'paragraph', text: drift.sentence, tone: drift.newGaps.length > 0 ? 'warning' : 'normal' })
  if (compound.length > 0) {
    blocks.push({ type: 'subheading', text: 'Compound risks' })
    blocks.push({
      type: 'table',
      columns: ['Severity', 'Risk', 'Because of', 'Why'],
      rows: compound.map((r) => ({
        cells: [r.severity, r.title, r.contributors.join(', '), r.why],
        tone: SEVERITY_TONE[r.severity],
      })),
    })
  }
  blocks.push({ type: 'subheading', text: `Gaps (${gaps.length})` })
  blocks.push({
    type: 'table',
    columns: ['Severity', 'Check', 'Evidence', 'Fix'],
    rows: gaps.slice(0, MAX_ROWS).map((c) => ({
      cells: [c.severity, `${c.title} (${c.id})`, c.evidence.join('; '), c.fix],
      tone: SEVERITY_TONE[c.severity],
    })),
    emptyText: 'No configuration gap found in what could be checked.',
  })
  if (recommendations.length > 0) {
    blocks.push({ type: 'subheading', text: `Recommendations (${recommendations.length})` })
    blocks.push({
      type: 'table',
      columns: ['Severity', 'Check', 'Evidence', 'Fix'],
      rows: recommendations
        .slice(0, MAX_ROWS)
        .map((c) => ({ cells: [c.severity, `${c.title} (${c.id})`, c.evidence.join('; '), c.fix] })),
    })
  }
  if (unknown.length > 0) {
    blocks.push({ type: 'subheading', text: `Could not check (${unknown.length})` })
    blocks.push({
      type: 'table',
      columns: ['Check', 'Why not'],
      rows: unknown
        .slice(0, MAX_ROWS)
        .map((c) => ({ cells: [`${c.title} (${c.id})`, c.reason ?? 'could not check'], tone: 'note' })),
    })
  }
  if (drift !== null && drift.changed.length > 0) {
    blocks.push({ type: 'subheading', text: 'Changed since the last report' })
    blocks.push({
      type: 'table',
      columns: ['Check', 'Before', 'Now'],
      rows: drift.changed.slice(0, MAX_ROWS).map((c) => ({ cells: [`${c.title} (${c.id})`, c.before, c.after] })),
    })
  }
  if (score.score !== null) {
    blocks.push({ type: 'subheading', text: 'How the score is made' })
    blocks.push({
      type: 'paragraph',
      text: 'Start at 100; each gap, recommendation or unchecked item takes points by severity; each area takes at most its cap.',
    })
    blocks.push({
      type: 'table',
      columns: ['Area', 'Deductions', 'Cap', 'Taken off'],
      rows: score.areas
        .filter((a) => a.raw > 0)
        .map((a) => ({ cells: [a.area, String(a.raw), String(a.cap), String(a.applied)] })),
      emptyText: 'Nothing taken off.',
    })
    blocks.push({
      type: 'table',
      caption: 'Every deduction',
      columns: ['Check', 'Status', 'Severity', 'Points'],
      rows: score.deductions.slice(0, 80).map((d) => ({ cells: [d.id, d.status, d.severity, String(d.points)] })),
    })
  }
  return {
    id: 'posture',
    title: 'Configuration posture',
    tone,
    summary,
    blocks,
  }
}
