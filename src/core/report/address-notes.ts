/**
 * What integrations know about the external addresses a report names (country, network owner, reputation):
 * one short line per address and integration, shown beside the address in the threat source tables and under
 * the security findings that name it. Integrations hand these over through the pipeline; the report never
 * knows which integration wrote them.
 */
import { isIP } from 'node:net'

export interface AddressNote {
  /** The address as the report shows it (canonical form). */
  address: string
  /** One plain-text line, e.g. "DE · AS60729 Example Org · abuse score 100/100". Renderers escape it. */
  text: string
  /** A public page about the address: https only, anything else is dropped. */
  href?: string | null
}

/** What the views carry: notes for one address, in integration order. */
export interface AddressNoteView {
  text: string
  href: string | null
}

export type AddressNoteIndex = ReadonlyMap<string, readonly AddressNoteView[]>

const MAX_NOTES = 2000
const MAX_TEXT = 400

function safeHref(href: string | null | undefined): string | null {
  if (!href) return null
  try {
    const url = new URL(href)
    return url.protocol === 'https:' && url.username === '' && url.password === '' ? url.toString() : null
  } catch {
    return null
  }
}

/** Validated, bounded index by address; malformed notes are dropped. */
export function indexAddressNotes(notes: readonly AddressNote[] | undefined): AddressNoteIndex {
  const index = new Map<string, AddressNoteView[]>()
  for (const note of (notes ?? []).slice(0, MAX_NOTES)) {
    const address = typeof note.address === 'string' ? note.address.trim() : ''
    if (isIP(address) === 0 || typeof note.text !== 'string' || note.text.trim() === '') continue
    const text = note.text.trim().slice(0, MAX_TEXT)
    const list = index.get(address) ?? []
    list.push({ text, href: safeHref(note.href) })
    index.set(address, list)
  }
  return index
}

const ADDRESS_IN_TEXT = /(?:\d{1,3}\.){3}\d{1,3}|[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}/gi

/** Notes for the addresses named in `text` (a finding's title or description), each address once. */
export function notesInText(index: AddressNoteIndex, text: string): AddressNoteView[] {
  if (index.size === 0) return []
  const seen = new Set<string>()
  const found: AddressNoteView[] = []
  for (const match of text.slice(0, 4096).matchAll(ADDRESS_IN_TEXT)) {
    const address = match[0].toLowerCase()
    if (seen.has(address) || seen.size >= 8) continue
    seen.add(address)
    for (const note of index.get(address) ?? []) found.push({ text: `${address}: ${note.text}`, href: note.href })
  }
  return found
}
