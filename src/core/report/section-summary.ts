import type { ReportSection } from './section.js'

/** The summary line, unless the first paragraph says exactly the same (no line printed twice). */
export function distinctSummary(section: ReportSection): string | null {
  if (!section.summary) return null
  const first = section.blocks[0]
  return first?.type === 'paragraph' && first.text.trim() === section.summary.trim() ? null : section.summary
}
