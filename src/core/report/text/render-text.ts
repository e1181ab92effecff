/** The plain-text report: 72 columns, no markup, the same sections as the HTML report. */
import type { ReportModel } from '../model.js'
import { sectionLines } from './blocks.js'
import { changesLines, findingsLines, healthLines, summaryLines, threatLines, trendsLines } from './sections.js'
import { TEXT_WIDTH, center, rule, wrap } from './wrap.js'

function headerLines(model: ReportModel): string[] {
  const { header } = model
  const field = (label: string, value: string) => wrap(value, TEXT_WIDTH, label.padEnd(12), ' '.repeat(12))
  return [
    rule('='),
    ...center(model.title),
    rule('='),
    ...(model.demo ? center('*** DEMO DATA - simulated controller, not a real network ***') : []),
    ...field('Site:', header.site),
    ...field('Controller:', header.controller),
    ...field('Period:', `${header.period.start} to ${header.period.end}`),
    ...field('Generated:', header.generatedAt),
  ]
}

export function renderText(model: ReportModel): string {
  const lines = [
    ...headerLines(model),
    '',
    ...sectionLines(model.coverage),
    ...summaryLines(model),
    ...trendsLines(model.trends),
    ...(model.unifiFailure ? ['', ...sectionLines(model.unifiFailure)] : []),
    ...changesLines(model.changes),
    ...findingsLines(model.findings),
    ...threatLines(model.threats),
    ...healthLines(model.health),
    ...(model.clients ? ['', ...sectionLines(model.clients)] : []),
    ...(model.posture ? ['', ...sectionLines(model.posture)] : []),
    ...model.integrations.flatMap((section) => ['', ...sectionLines(section)]),
    '',
    ...sectionLines(model.dataSources),
    '',
    rule('='),
    ...center(model.footer.text),
  ]
  // Last line of defence for the 72-column promise: anything a section built too long is re-wrapped.
  const fitted = lines.flatMap((line) => {
    if (line.length <= TEXT_WIDTH) return [line]
    const indent = /^ */.exec(line)?.[0] ?? ''
    return wrap(line.slice(indent.length), TEXT_WIDTH, indent, `${indent}  `)
  })
  return `${fitted.join('\n')}\n`
}
