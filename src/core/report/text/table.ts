/** Plain-text tables fitted to the page width: the widest columns shrink and their cells wrap. */
import { TEXT_WIDTH, wrap } from './wrap.js'

const GAP = '  '
const MIN_COLUMN = 4

function fitWidths(natural: number[], available: number): number[] {
  const widths = [...natural]
  let total = widths.reduce((sum, width) => sum + width, 0)
  while (total > available) {
    let widest = 0
    for (let index = 1; index < widths.length; index++) if (widths[index]! > widths[widest]!) widest = index
    if (widths[widest]! <= MIN_COLUMN) break
    widths[widest]! -= 1
    total -= 1
  }
  return widths
}

function cellLines(text: string, width: number): string[] {
  const lines = wrap(text, width)
  return lines.length > 0 ? lines : ['']
}

export function renderTable(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  width = TEXT_WIDTH,
): string[] {
  const count = columns.length
  const normalised = rows.map((row) => Array.from({ length: count }, (_, index) => row[index] ?? ''))
  const natural = columns.map((column, index) =>
    Math.max(column.length, ...normalised.map((row) => row[index]!.length), 1),
  )
  const widths = fitWidths(natural, width - GAP.length * (count - 1))
  const renderRow = (cells: readonly string[]): string[] => {
    const wrapped = cells.map((cell, index) => cellLines(cell, widths[index]!))
    const height = Math.max(...wrapped.map((lines) => lines.length))
    const out: string[] = []
    for (let line = 0; line < height; line++) {
      out.push(
        wrapped
          .map((lines, index) => (lines[line] ?? '').padEnd(widths[index]!))
          .join(GAP)
          .trimEnd(),
      )
    }
    return out
  }
  return [
    ...renderRow(columns),
    widths.map((columnWidth) => '-'.repeat(columnWidth)).join(GAP),
    ...normalised.flatMap(renderRow),
  ]
}
