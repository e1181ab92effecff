/** Plain-text layout helpers: word wrapping at a fixed width with hard breaks for over-long words. */

export const TEXT_WIDTH = 72

/**
 * Appends groups of lines one by one: `push(...lines)` passes every line as an argument and throws once a
 * controller string wraps into more lines than the engine accepts as arguments.
 */
export function append(target: string[], ...groups: readonly (readonly string[])[]): void {
  for (const group of groups) for (const line of group) target.push(line)
}

/** Splits one over-long word into pieces of at most `width` characters. */
function hardBreak(word: string, width: number): string[] {
  const pieces: string[] = []
  for (let index = 0; index < word.length; index += width) pieces.push(word.slice(index, index + width))
  return pieces
}

/** Control characters (other than newline) become spaces: data must never move the terminal cursor. */
// eslint-disable-next-line no-control-regex -- matching control characters is the purpose of this pattern
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/g

function stripControl(text: string): string {
  return text.replace(CONTROL, ' ')
}

/**
 * Wraps text to `width` columns. The first line starts with `indent`, later lines with `hanging`
 * (defaults to `indent`). Newlines in the text start new lines; control characters become spaces so
 * nothing from the data can move the cursor or break the layout.
 */
export function wrap(text: string, width = TEXT_WIDTH, indent = '', hanging = indent): string[] {
  const clean = stripControl(text.replace(/\r\n?/g, '\n'))
  const lines: string[] = []
  let first = true
  for (const paragraph of clean.split('\n')) {
    let prefix = first ? indent : hanging
    let line = prefix
    let lineHasWord = false
    const flush = () => {
      lines.push(line.trimEnd())
      prefix = hanging
      line = prefix
      lineHasWord = false
    }
    for (const word of paragraph.split(' ').filter((part) => part !== '')) {
      const room = width - prefix.length
      const pieces = word.length > room ? hardBreak(word, Math.max(1, room)) : [word]
      for (const piece of pieces) {
        const candidate = lineHasWord ? `${line} ${piece}` : `${line}${piece}`
        if (candidate.length > width && lineHasWord) {
          flush()
          line = `${prefix}${piece}`
        } else {
          line = candidate
        }
        lineHasWord = true
      }
    }
    flush()
    first = false
  }
  return lines
}

export function rule(char = '=', width = TEXT_WIDTH): string {
  return char.repeat(width)
}

export function center(text: string, width = TEXT_WIDTH): string[] {
  return wrap(text, width).map((line) => {
    const pad = Math.max(0, Math.floor((width - line.length) / 2))
    return `${' '.repeat(pad)}${line}`
  })
}
