/**
 * Messages built from parts ("Could not write X: " + an upstream's message + ". Check …") must not end up with
 * "..", ".:" or ":." where a part already brings its own punctuation. One place decides how parts meet.
 */

type Part = string | null | undefined | false

const SENTENCE_END = /[.!?…]$/
const ANY_END = /[.!?…:;,]$/
const LEADING_MARK = /^\s*([.!?:;,])/

/**
 * Joins parts as written, except where one part ends in punctuation and the next starts with a mark: then only
 * one stays. A sentence end (". ! ? …") wins over ": ; ,", so "failed: " + "." is "failed." and "timed out." +
 * ": retrying" is "timed out. retrying" read as two sentences. Empty parts are skipped.
 */
export function joinMessage(...parts: readonly Part[]): string {
  let out = ''
  for (const part of parts) {
    if (!part) continue
    const head = out.trimEnd()
    const lead = LEADING_MARK.exec(part)
    if (out === '' || !lead || !ANY_END.test(head)) {
      out += part
      continue
    }
    const rest = part.slice(lead[0].length)
    const mark = lead[1] ?? ''
    if (SENTENCE_END.test(head) || !SENTENCE_END.test(mark)) out = head + rest
    else out = head.slice(0, -1) + mark + rest
  }
  return out
}

/** A part as a whole sentence: the final full stop added unless one (or "!", "?", "…") is there already. */
export function asSentence(text: string): string {
  return joinMessage(text.trimEnd(), '.')
}
