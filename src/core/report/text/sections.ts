/** Text versions of the report's core sections (same content as the HTML). */
import type { AddressNoteView } from '../address-notes.js'
import type {
  CappedList,
  ChangesView,
  TrendsView,
  FindingView,
  FindingsView,
  HealthView,
  ReportModel,
  ThreatGroupView,
  ThreatsView,
} from '../model.js'
import { plural } from '../views/cap.js'
import { renderTable } from './table.js'
import { append, rule, wrap } from './wrap.js'

const SEVERITY_TAG = { severe: '[SEVERE]', medium: '[MEDIUM]', low: '[LOW]' } as const

function heading(title: string): string[] {
  return ['', title, rule('-')]
}

function more(list: CappedList<unknown>, noun: string): string[] {
  return list.more > 0 ? [`... and ${list.more.toLocaleString('en-US')} more ${noun} not listed.`] : []
}

function steps(title: string, remediation: readonly string[]): string[] {
  if (remediation.length === 0) return []
  return [
    title,
    ...remediation.flatMap((step, index) => {
      const bullet = `  ${index + 1}. `
      return wrap(step.replace(/^\d+[.)]\s*/, ''), undefined, bullet, ' '.repeat(bullet.length))
    }),
  ]
}

function noteText(note: AddressNoteView): string {
  return note.href ? `${note.text} (${note.href})` : note.text
}

function findingLines(finding: FindingView): string[] {
  const recurring = finding.recurring ? ' [Recurring]' : ''
  const fresh = finding.change?.kind === 'new' ? ' [New]' : ''
  return [
    '',
    ...wrap(`${SEVERITY_TAG[finding.severity]}${recurring}${fresh} ${finding.title}`, undefined, '', '  '),
    ...(finding.change ? wrap(finding.change.text, undefined, '  ', '    ') : []),
    ...wrap(`Device: ${finding.device}`, undefined, '  ', '    '),
    ...wrap(finding.occurrence, undefined, '  ', '    '),
    ...wrap(finding.description, undefined, '  ', '  '),
    ...(finding.notes ?? []).flatMap((note) => wrap(noteText(note), undefined, '  ', '    ')),
    ...steps('  Recommended actions:', finding.remediation),
  ]
}

export function summaryLines(model: ReportModel): string[] {
  const { summary } = model
  const lines = heading('EXECUTIVE SUMMARY')
  lines.push(
    `Findings: ${summary.countsAtLeast ? 'at least ' : ''}${summary.counts.total} total (${summary.counts.severe} severe, ${summary.counts.medium} medium, ${summary.counts.low} low)`,
  )
  append(
    lines,
    wrap(
      `Threat events: ${summary.threatEvents === null ? 'unavailable' : summary.threatEvents.toLocaleString('en-US')} | ` +
        `Unhealthy devices: ${summary.unhealthyDevices === null ? 'unavailable' : summary.unhealthyDevices.toLocaleString('en-US')}`,
    ),
  )
  if (summary.changes) append(lines, wrap(summary.changes))
  if (summary.posture) append(lines, wrap(summary.posture))
  if (summary.actionRequired) append(lines, [''], wrap(`*** ${summary.actionRequired.toUpperCase()} ***`))
  if (summary.quietNote) lines.push('', `[OK] ${summary.quietNote}`)
  if (summary.urgentActions.length > 0) {
    lines.push('', 'Most urgent actions:')
    summary.urgentActions.forEach((action, index) => {
      const bullet = `  ${index + 1}. `
      append(
        lines,
        wrap(`${SEVERITY_TAG[action.severity]} ${action.title}`, undefined, bullet, ' '.repeat(bullet.length)),
      )
      append(lines, wrap(action.action, undefined, ' '.repeat(bullet.length + 2)))
    })
  }
  if (summary.breakdown.length > 0) {
    lines.push('', 'Findings by section:')
    append(
      lines,
      renderTable(
        ['Section', 'Severe', 'Medium', 'Low'],
        summary.breakdown.map((row) => [
          row.label,
          String(row.counts.severe),
          String(row.counts.medium),
          String(row.counts.low),
        ]),
      ),
    )
  }
  for (const notice of summary.notices) {
    const mark = notice.tone === 'error' ? 'ERROR' : notice.tone === 'warning' ? 'WARNING' : 'NOTE'
    append(lines, [''], wrap(`[${mark}] ${notice.title}: ${notice.text}`, undefined, '', '  '))
  }
  return lines
}

export function findingsLines(findings: FindingsView): string[] {
  if (!findings.available) return [...heading('FINDINGS'), ...wrap(`[WARNING] ${findings.unavailableReason ?? ''}`)]
  const lines: string[] = []
  if (findings.coverageNote) append(lines, heading('FINDINGS'), wrap(`[WARNING] ${findings.coverageNote}`))
  if (findings.severe.total > 0) {
    append(lines, heading(`SEVERE FINDINGS (${findings.severe.total}) - Require Immediate Attention`))
    append(lines, findings.severe.items.flatMap(findingLines), more(findings.severe, 'severe findings'))
  }
  if (findings.medium.total > 0) {
    append(lines, heading(`MEDIUM FINDINGS (${findings.medium.total}) - Should Be Addressed`))
    append(lines, findings.medium.items.flatMap(findingLines), more(findings.medium, 'medium findings'))
  }
  if (findings.low.total > 0) {
    append(lines, heading(`LOW FINDINGS (${findings.low.total}) - Informational`))
    for (const finding of findings.low.items) {
      const times = finding.occurrence.match(/Occurred ([\d,]+) time/)?.[1] ?? '1'
      append(lines, wrap(`- ${finding.title} (${times}x) - ${finding.device}`, undefined, '', '  '))
    }
    append(lines, more(findings.low, 'low findings'))
  }
  if (findings.otherEvents.total > 0) {
    append(lines, heading('OTHER EVENTS'))
    lines.push(`${findings.logEntryCount.toLocaleString('en-US')} log entries analysed. Events no rule flags, by type:`)
    append(
      lines,
      renderTable(
        ['Event type', 'Count'],
        findings.otherEvents.items.map((entry) => [entry.eventType, entry.count.toLocaleString('en-US')]),
      ),
      more(findings.otherEvents, 'event types'),
    )
  }
  return lines
}

function groupLines(group: ThreatGroupView, blocked: boolean): string[] {
  const tag = blocked ? '[BLOCKED]' : SEVERITY_TAG[group.severity]
  const marker = group.cyberSecure ? ' [CyberSecure]' : ''
  return [
    '',
    ...wrap(`${tag}${marker} ${group.name} (${group.countText})`, undefined, '', '  '),
    ...wrap(group.description, undefined, '  ', '  '),
    ...wrap(`${blocked ? 'From' : 'Sources'}: ${group.sources}`, undefined, '  ', '    '),
    ...wrap(`Seen: ${group.firstSeen} - ${group.lastSeen}`, undefined, '  ', '    '),
    ...wrap(group.signature, undefined, '  ', '  '),
    ...(blocked ? [] : steps('  Recommended actions:', group.remediation)),
  ]
}

export function threatLines(threats: ThreatsView): string[] {
  const lines = heading('SECURITY THREAT SUMMARY')
  if (!threats.available) return [...lines, ...wrap(`[WARNING] ${threats.reason}`)]
  append(
    lines,
    wrap(
      `${threats.total.toLocaleString('en-US')} threat events: ${threats.blocked.toLocaleString('en-US')} blocked, ${threats.detected.toLocaleString('en-US')} detected only.`,
    ),
    wrap(threats.cyberSecure),
  )
  if (threats.coverageNote) append(lines, [''], wrap(`[WARNING] ${threats.coverageNote}`))
  for (const note of threats.notes) append(lines, [''], wrap(`[NOTE] ${note}`))
  if (threats.total === 0 && threats.coverageNote === null)
    lines.push('', '[OK] No security threats detected in this period.')
  if (threats.detectedGroups.total > 0) {
    lines.push('', `THREATS DETECTED (${plural(threats.detectedGroups.total, 'type')})`)
    append(
      lines,
      threats.detectedGroups.items.flatMap((group) => groupLines(group, false)),
    )
    append(lines, more(threats.detectedGroups, 'detected threat types'))
  }
  if (threats.blockedGroups.total > 0) {
    lines.push('', `THREATS BLOCKED (${plural(threats.blockedGroups.total, 'type')})`)
    append(
      lines,
      threats.blockedGroups.items.flatMap((group) => groupLines(group, true)),
    )
    append(lines, more(threats.blockedGroups, 'blocked threat types'))
  }
  for (const [title, list] of [
    ['External threats', threats.external],
    ['Internal concerns', threats.internal],
  ] as const) {
    if (list.total === 0) continue
    lines.push('', `TOP THREAT SOURCES - ${title}:`)
    for (const source of list.items) {
      append(lines, wrap(`${source.ip}: ${source.text}`, undefined, '  ', '    '))
      for (const note of source.notes ?? []) append(lines, wrap(noteText(note), undefined, '    ', '      '))
    }
    append(lines, more(list, 'sources'))
  }
  return lines
}

export function healthLines(health: HealthView): string[] {
  const lines = heading('DEVICE HEALTH SUMMARY')
  if (!health.available) return [...lines, ...wrap(`[WARNING] ${health.reason}`)]
  const { totals } = health
  lines.push(
    `Devices: ${totals.devices} total | ${totals.healthy} healthy | ${totals.withWarnings} with warnings | ${totals.withCritical} critical`,
  )
  if (health.coverageNote) append(lines, [''], wrap(`[WARNING] ${health.coverageNote}`))
  if (health.critical.total + health.warnings.total === 0 && totals.devices > 0 && health.coverageNote === null)
    lines.push('', '[OK] All devices healthy.')
  if (health.critical.total > 0) {
    append(
      lines,
      [''],
      ['CRITICAL ISSUES'],
      health.critical.items.flatMap(findingLines),
      more(health.critical, 'critical issues'),
    )
  }
  if (health.warnings.total > 0) {
    append(lines, [''], ['WARNINGS'], health.warnings.items.flatMap(findingLines), more(health.warnings, 'warnings'))
  }
  if (health.rows.total > 0) {
    lines.push('', 'DEVICE STATUS')
    append(
      lines,
      renderTable(
        ['Device', 'Type', 'Status', 'Issues', 'Temp', 'CPU', 'Mem', 'Uptime'],
        health.rows.items.map((row) => [
          row.name,
          row.type,
          row.status,
          row.issues,
          row.temperature,
          row.cpu,
          row.memory,
          row.uptime,
        ]),
      ),
      more(health.rows, 'devices'),
    )
  } else if (health.coverageNote === null) {
    lines.push('', 'The controller reported no devices.')
  }
  return lines
}

/** "NEW SINCE …": what is new, what was resolved, what is still open (the same content as the HTML card). */
export function changesLines(changes: ChangesView | null | undefined): string[] {
  if (!changes) return []
  const lines = heading(changes.heading.toUpperCase())
  append(lines, wrap(changes.text))
  if (changes.baseline) return lines
  if (changes.new.total === 0) lines.push('', 'No new findings since the previous report.')
  for (const finding of changes.new.items)
    append(lines, wrap(`${SEVERITY_TAG[finding.severity]} [New] ${finding.title}`, undefined, '  ', '    '))
  lines.push(...more(changes.new, 'new findings'))
  if (changes.resolved.total > 0) {
    lines.push('', 'Resolved since then:')
    for (const finding of changes.resolved.items)
      append(lines, wrap(`${finding.title} (${finding.severity})`, undefined, '  - ', '    '))
    lines.push(...more(changes.resolved, 'resolved findings'))
  }
  if (changes.recurring.total > 0) {
    lines.push('', 'Still open:')
    append(
      lines,
      renderTable(
        ['Finding', 'First seen', 'In a row'],
        changes.recurring.items.map((f) => [`${SEVERITY_TAG[f.severity]} ${f.title}`, f.firstSeen, String(f.streak)]),
      ),
    )
    lines.push(...more(changes.recurring, 'findings still open'))
  }
  return lines
}

/** The trends as numbers: this report, the previous one, the change and the four-week average. */
export function trendsLines(trends: TrendsView | null | undefined): string[] {
  if (!trends) return []
  const lines = heading('TRENDS')
  append(lines, wrap(trends.note))
  lines.push('')
  append(
    lines,
    renderTable(
      ['Measure', 'Now', 'Previous', 'Change', '4-wk avg'],
      trends.rows.map((row) => [row.label, row.current, row.previous, row.change, row.average]),
    ),
  )
  if (trends.categories.length > 0) {
    lines.push('', 'Top threat categories (events):')
    append(
      lines,
      renderTable(
        ['Category', 'Now', 'Previous', '4-wk avg'],
        trends.categories.map((c) => [c.name, c.current, c.previous, c.average]),
      ),
    )
  }
  return lines
}
