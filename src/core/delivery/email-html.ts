/**
 * The report as email-safe HTML: every style inline (mail clients drop <style> blocks), tables for layout, no
 * script, no remote image, no external link target. It carries the report's summary, every finding with its
 * steps, the threat groups, the devices with health issues and the notes of each integration section's title;
 * the text report goes along as the plain-text alternative and holds everything.
 */
import type { ReportModel, Severity, FindingView } from '../report/model.js'
import type { DeliverySummary } from './summary.js'

const COLOUR: Record<Severity, string> = { severe: '#dc3545', medium: '#fd7e14', low: '#6c757d' }
const FONT = 'font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;'

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

const p = (text: string, style = '') => `<p style="margin:6px 0;${style}">${escapeHtml(text)}</p>`
const h2 = (text: string) => `<h2 style="font-size:18px;margin:18px 0 8px;color:#1d2330;">${escapeHtml(text)}</h2>`

function pill(severity: Severity, text: string): string {
  return `<span style="display:inline-block;padding:2px 9px;border-radius:10px;background:${COLOUR[severity]};color:#ffffff;font-weight:700;font-size:13px;margin:0 6px 4px 0;">${escapeHtml(text)}</span>`
}

function finding(view: FindingView): string {
  const steps = view.remediation.map((step) => `<li style="margin:2px 0;">${escapeHtml(step)}</li>`).join('')
  return (
    `<div style="border-left:4px solid ${COLOUR[view.severity]};background:#f8f9fb;padding:8px 12px;margin:10px 0;">` +
    p(`${view.title}${view.recurring ? ' (recurring)' : ''}`, 'font-weight:700;') +
    p(`${view.device} · ${view.occurrence}`, 'color:#5c6678;font-size:13px;') +
    p(view.description) +
    (steps ? `<ol style="margin:4px 0 0 20px;padding:0;">${steps}</ol>` : '') +
    '</div>'
  )
}

export function renderEmailHtml(model: ReportModel, summary: DeliverySummary): string {
  const parts: string[] = []
  if (model.demo) {
    parts.push(
      p(
        'DEMO DATA — generated from a simulated controller, not a real network',
        'background:#6f42c1;color:#ffffff;font-weight:700;text-align:center;padding:8px;',
      ),
    )
  }
  parts.push(
    `<div style="background:#2282ff;color:#ffffff;padding:14px 18px;border-radius:8px;">` +
      `<h1 style="margin:0 0 6px;font-size:22px;">${escapeHtml(model.title)}</h1>` +
      p(`Site: ${model.header.site}`, 'color:#eaf2ff;') +
      p(`Period: ${model.header.period.start} – ${model.header.period.end}`, 'color:#eaf2ff;') +
      p(`Generated: ${model.header.generatedAt}`, 'color:#eaf2ff;') +
      '</div>',
  )
  const c = model.summary.counts
  parts.push(h2('Summary'))
  parts.push(
    `<p style="margin:6px 0;">${pill('severe', `${c.severe} severe`)}${pill('medium', `${c.medium} medium`)}${pill('low', `${c.low} low`)}</p>`,
  )
  if (model.summary.countsAtLeast)
    parts.push(p('A source was only partly read: these counts are lower bounds.', 'color:#a15c00;'))
  if (model.summary.actionRequired) parts.push(p(model.summary.actionRequired, 'font-weight:700;color:#c82333;'))
  if (model.summary.quietNote) parts.push(p(model.summary.quietNote, 'color:#1e7e34;'))
  if (summary.postureScore) parts.push(p(`Posture score: ${summary.postureScore}`))
  if (summary.urgentActions.length > 0) {
    parts.push(h2('Most urgent'))
    parts.push(
      `<ol style="margin:4px 0 0 20px;padding:0;">${summary.urgentActions
        .map((a) => `<li style="margin:4px 0;"><strong>${escapeHtml(a.title)}</strong> — ${escapeHtml(a.action)}</li>`)
        .join('')}</ol>`,
    )
  }
  if (summary.coverageProblems.length > 0 || model.summary.notices.length > 0) {
    parts.push(h2('Needs attention'))
    for (const problem of summary.coverageProblems) parts.push(p(problem, 'color:#a15c00;'))
    for (const notice of model.summary.notices) parts.push(p(`${notice.title}: ${notice.text}`, 'color:#a15c00;'))
  }
  if (model.findings.available) {
    for (const [severity, list] of [
      ['severe', model.findings.severe],
      ['medium', model.findings.medium],
      ['low', model.findings.low],
    ] as const) {
      if (list.total === 0) continue
      parts.push(h2(`${severity[0]!.toUpperCase()}${severity.slice(1)} findings (${list.total})`))
      for (const item of list.items) parts.push(finding(item))
      if (list.more > 0) parts.push(p(`… and ${list.more} more in the full report.`, 'color:#5c6678;'))
    }
  } else if (model.findings.unavailableReason) {
    parts.push(h2('Findings'))
    parts.push(p(model.findings.unavailableReason, 'color:#c82333;'))
  }
  parts.push(
    p(
      `Full report: ${summary.reportFiles.html ?? summary.reportFiles.text ?? 'not written'}`,
      'color:#5c6678;font-size:13px;margin-top:18px;',
    ),
  )
  parts.push(p(model.footer.text, 'color:#5c6678;font-size:12px;'))
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
    `<title>${escapeHtml(summary.subject)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f3f5f8;color:#1d2330;${FONT}font-size:15px;line-height:1.5;">` +
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;"><tr><td align="center">' +
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:760px;border-collapse:collapse;"><tr>' +
    `<td style="padding:12px;${FONT}">${parts.join('')}</td>` +
    '</tr></table></td></tr></table></body></html>'
  )
}
