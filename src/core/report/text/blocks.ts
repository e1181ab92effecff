/** Generic text rendering of ReportSection blocks. */
import type { ReportSection, SectionBlock, Tone } from '../section.js'
import { distinctSummary } from '../section-summary.js'
import { renderTable } from './table.js'
import { append, rule, wrap } from './wrap.js'

const TONE_MARK: Record<Tone, string> = {
  normal: '',
  good: '[OK] ',
  note: '[NOTE] ',
  warning: '[WARNING] ',
  error: '[ERROR] ',
}
// Values in a facts list only carry a mark when they call for attention.
const FACT_MARK: Record<Tone, string> = { normal: '', good: '', note: '', warning: '[WARNING] ', error: '[ERROR] ' }

function blockLines(block: SectionBlock): string[] {
  switch (block.type) {
    case 'paragraph':
      return wrap(`${TONE_MARK[block.tone ?? 'normal']}${block.text}`)
    case 'subheading':
      return [block.text.toUpperCase()]
    case 'facts': {
      const labelWidth = Math.min(
        28,
        block.items.reduce((widest, item) => Math.max(widest, item.label.length + 2), 1),
      )
      return block.items.flatMap((item) => {
        const label = `${item.label}:`
        const value = `${FACT_MARK[item.tone ?? 'normal']}${item.value}`
        const indent = ' '.repeat(labelWidth)
        // A label too long for the column gets its own line rather than running into the value.
        if (label.length + 1 > labelWidth) return [...wrap(label), ...wrap(value, undefined, indent)]
        return wrap(value, undefined, label.padEnd(labelWidth), indent)
      })
    }
    case 'list': {
      const items = block.items.flatMap((item, index) => {
        const bullet = block.ordered ? `${index + 1}. ` : '- '
        return wrap(item, undefined, `  ${bullet}`, ' '.repeat(2 + bullet.length))
      })
      return block.title ? [`${block.title}:`, ...items] : items
    }
    case 'table': {
      const caption = block.caption ? [`${block.caption}:`] : []
      if (block.rows.length === 0) return [...caption, ...wrap(block.emptyText ?? 'Nothing to show.')]
      return [
        ...caption,
        ...renderTable(
          block.columns,
          block.rows.map((row) => row.cells),
        ),
      ]
    }
  }
}

export function sectionLines(section: ReportSection): string[] {
  const lines = [section.title.toUpperCase(), rule('-')]
  const summary = distinctSummary(section)
  if (summary) append(lines, wrap(`${TONE_MARK[section.tone]}${summary}`))
  for (const block of section.blocks) {
    lines.push('')
    append(lines, blockLines(block))
  }
  return lines
}
