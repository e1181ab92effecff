/** Plain-text tables fitted to the page width: the widest columns shrink and their cells wrap. */
import { TEXT_WIDTH, wrap } from './wrap.js'

const GAP = '  '
const MIN_COLUMN = 4

/** Shrinks the widest column first, never below its floor. */
function shrink(widths: number[], total: number, available: number, floors: readonly number[]): number {
  while (total > available) {
    let widest = -1
    for (let index = 0; index < widths.length; index++) {
      if (widths[index]! > floors[index]! && (widest === -1 || widths[index]! > widths[widest]!)) widest = index
    }
    if (widest === -1) break
    widths[widest]! -= 1
    total -= 1
  }
  return total
}

function longestWord(text: string): number {
  return Math.max(0, ...text.split(/\s+/).map((word) => word.length))
}

function fitWidths(natural: readonly number[], headerWords: readonly number[], available: number): number[] {
  const widths = [...natural]
  const total = widths.reduce((sum, width) => sum + width, 0)
  // First keep every header word whole (up to 14 characters); only then break words.
  const soft = natural.map((width, index) => Math.min(width, Math.max(MIN_COLUMN, Math.min(14, headerWords[index]!))))
  const hard = natural.map((width) => Math.min(width, MIN_COLUMN))
  shrink(widths, shrink(widths, total, available, soft), available, hard)
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
    normalised.reduce((widest, row) => Math.max(widest, row[index]!.length), Math.max(column.length, 1)),
  )
  const widths = fitWidths(natural, columns.map(longestWord), width - GAP.length * (count - 1))
  const renderRow = (cells: readonly string[]): string[] => {
    const wrapped = cells.map((cell, index) => cellLines(cell, widths[index]!))
    const height = wrapped.reduce((tallest, lines) => Math.max(tallest, lines.length), 0)
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
