/**
 * Paging for the two API styles. v2 lists report `total_page_count`; after the first page the rest are
 * fetched a few at a time. Legacy lists page by offset (`_start`) and report the true total in
 * `meta.count`; some controllers ignore the offset, which is detected instead of looping. Items are handed
 * to `onItems` page by page so raw pages can be dropped as soon as they are parsed.
 */
import { ResponseParseError } from '../errors.js'
import type { LegacyResult } from './endpoints.js'
import { v2PageSchema } from './schemas/event.js'
import { isPlainObject } from './schemas/primitives.js'

export interface PagingOutcome {
  pages: number
  /** True when the controller holds more than was read (page cap or `meta.count` above what came back). */
  truncated: boolean
  /** Total the controller claims, when it says. */
  total: number | null
}

export interface V2PagingOptions {
  fetchPage(pageNumber: number, signal: AbortSignal): Promise<unknown>
  onItems(items: readonly unknown[]): void
  maxPages: number
  concurrency: number
  signal: AbortSignal
  endpoint: string
}

export async function readV2Pages(options: V2PagingOptions): Promise<PagingOutcome> {
  const first = normaliseV2Page(await options.fetchPage(0, options.signal), options.endpoint)
  options.onItems(first.items)
  if (first.totalPages !== null) {
    const wanted = Math.min(first.totalPages, options.maxPages)
    let next = 1
    const worker = async (): Promise<void> => {
      while (next < wanted) {
        const pageNumber = next
        next += 1
        const page = normaliseV2Page(await options.fetchPage(pageNumber, options.signal), options.endpoint)
        options.onItems(page.items)
      }
    }
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, wanted - 1)) }, worker))
    return { pages: Math.max(1, wanted), truncated: first.totalPages > options.maxPages, total: first.totalElements }
  }
  let pages = 1
  let hasNext = first.hasNext && first.items.length > 0
  while (hasNext && pages < options.maxPages) {
    const page = normaliseV2Page(await options.fetchPage(pages, options.signal), options.endpoint)
    options.onItems(page.items)
    pages += 1
    hasNext = page.hasNext && page.items.length > 0
  }
  return { pages, truncated: hasNext, total: first.totalElements }
}

interface NormalisedPage {
  items: unknown[]
  totalPages: number | null
  totalElements: number | null
  hasNext: boolean
}

/** `{data,…}`, the same wrapped in a one-element list, or a bare array (one page, no paging). */
export function normaliseV2Page(body: unknown, endpoint: string): NormalisedPage {
  if (Array.isArray(body)) {
    const wrapped: unknown = body.length === 1 ? body[0] : undefined
    if (isPlainObject(wrapped) && Array.isArray(wrapped.data)) return normaliseV2Page(wrapped, endpoint)
    return { items: body, totalPages: 1, totalElements: body.length, hasNext: false }
  }
  const parsed = v2PageSchema.safeParse(body)
  if (!parsed.success) throw new ResponseParseError(`${endpoint} returned an unexpected shape (no data list).`)
  const page = parsed.data
  return {
    items: page.data,
    totalPages: page.total_page_count,
    totalElements: page.total_element_count,
    hasNext: page.has_next === true,
  }
}

export interface LegacyPagingOptions {
  fetchPage(start: number, limit: number, signal: AbortSignal): Promise<LegacyResult>
  onItems(items: readonly unknown[]): void
  limit: number
  maxPages: number
  signal: AbortSignal
}

export async function readLegacyPages(options: LegacyPagingOptions): Promise<PagingOutcome> {
  let received = 0
  let pages = 0
  let total: number | null = null
  let previousFirstId: unknown = undefined
  for (;;) {
    const page = await options.fetchPage(received, options.limit, options.signal)
    pages += 1
    total = page.count ?? total
    const firstId: unknown = isPlainObject(page.data[0]) ? page.data[0]._id : undefined
    if (pages > 1 && firstId !== undefined && firstId === previousFirstId) {
      // The controller ignored `_start` and sent the first page again: what we have is all we can get.
      return { pages, truncated: true, total }
    }
    previousFirstId = firstId
    options.onItems(page.data)
    received += page.data.length
    const more = total !== null ? received < total : page.data.length >= options.limit
    if (!more || page.data.length === 0) return { pages, truncated: total !== null && received < total, total }
    if (pages >= options.maxPages) return { pages, truncated: true, total }
  }
}
