/**
 * Getting back what can be read from a damaged JSON index: a file cut off mid-write by a full disk, or edited
 * by hand into invalid JSON, still holds complete objects before the damage. They are found by scanning the
 * array under `key` for balanced `{…}` objects (strings and escapes respected) and parsing each on its own.
 */

export interface Salvaged {
  items: unknown[]
  /** True when the whole file was valid JSON (only some items may be invalid). */
  complete: boolean
}

export function salvageArrayItems(raw: string, key: string): Salvaged {
  try {
    const whole: unknown = JSON.parse(raw)
    const value = typeof whole === 'object' && whole !== null ? (whole as Record<string, unknown>)[key] : undefined
    return { items: Array.isArray(value) ? value : [], complete: true }
  } catch {
    // Scanned below.
  }
  const start = arrayStart(raw, key)
  return { items: start === -1 ? [] : scanObjects(raw, start), complete: false }
}

function arrayStart(raw: string, key: string): number {
  const match = new RegExp(`"${key}"\\s*:\\s*\\[`).exec(raw)
  return match ? match.index + match[0].length : -1
}

/** Parses each complete top-level object of the array starting at `from`; stops at its end or the damage. */
function scanObjects(raw: string, from: number): unknown[] {
  const items: unknown[] = []
  let depth = 0
  let objectStart = -1
  let inString = false
  let escaped = false
  for (let index = from; index < raw.length; index++) {
    const char = raw[index]
    if (inString) {
      if (escaped) escaped = false
      else if (char === '\\') escaped = true
      else if (char === '"') inString = false
      continue
    }
    if (char === '"') inString = true
    else if (char === '{' || char === '[') {
      if (depth === 0 && char === '{') objectStart = index
      depth++
    } else if (char === '}' || char === ']') {
      if (depth === 0) break
      depth--
      if (depth === 0 && objectStart !== -1) {
        try {
          items.push(JSON.parse(raw.slice(objectStart, index + 1)))
        } catch {
          // A damaged object: skipped, the next one may be fine.
        }
        objectStart = -1
      }
    }
  }
  return items
}
