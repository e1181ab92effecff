/**
 * Paging for the two API styles. v2 lists report `total_page_count`; after the first page the rest are
 * fetched a few at a time. Legacy lists page by offset (`_start`) and report the true total in
 * `meta.count`; once the first page says how many there are, the further offsets are fetched a few at a time
 * too. Some controllers ignore the offset, which is detected instead of looping.
 *
 * A collector gives two functions: `prepare` turns one page's items into what it keeps of them (the parsed
 * records, the reasons for the ones it could not use) and runs as soon as the page arrives, in whatever order
 * the answers come; `onPage` receives the prepared pages strictly in page order, so the result is the same as
 * reading one page after another. A page that arrives early therefore waits as its few kept records, not as
 * its text and raw objects (several times larger): those die at once, young, instead of being promoted to the
 * old generation while the pages before it are read — the difference between a steady and a bimodal peak
 * RSS on a 100 000-event window. At most `concurrency` pages are held ahead of the one being handed over.
 */
import { AbortedError, ResponseParseError } from '../errors.js'
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

/** How a collector reads a list: `prepare` each page as it arrives, `onPage` in page order (see above). */
export interface PageHandler<P> {
  prepare: (items: readonly unknown[]) => P
  onPage: (page: P) => void
}

export interface V2PagingOptions<P> extends PageHandler<P> {
  fetchPage(pageNumber: number, signal: AbortSignal): Promise<unknown>
  maxPages: number
  concurrency: number
  signal: AbortSignal
  endpoint: string
}

export async function readV2Pages<P>(options: V2PagingOptions<P>): Promise<PagingOutcome> {
  const first = normaliseV2Page(await options.fetchPage(0, options.signal), options.endpoint)
  options.onPage(options.prepare(first.items))
  if (first.totalPages !== null) {
    const wanted = Math.min(first.totalPages, options.maxPages)
    const rest = Array.from({ length: Math.max(0, wanted - 1) }, (_, index) => index + 1)
    const ahead = new PagesAhead(
      rest,
      options.concurrency,
      async (pageNumber, signal) =>
        options.prepare(normaliseV2Page(await options.fetchPage(pageNumber, signal), options.endpoint).items),
      options.signal,
    )
    try {
      for (const pageNumber of rest) options.onPage(await ahead.take(pageNumber))
    } finally {
      ahead.cancel()
    }
    return { pages: Math.max(1, wanted), truncated: first.totalPages > options.maxPages, total: first.totalElements }
  }
  let pages = 1
  let hasNext = first.hasNext && first.items.length > 0
  while (hasNext && pages < options.maxPages) {
    const page = normaliseV2Page(await options.fetchPage(pages, options.signal), options.endpoint)
    options.onPage(options.prepare(page.items))
    pages += 1
    hasNext = page.hasNext && page.items.length > 0
  }
  return { pages, truncated: hasNext, total: first.totalElements }
}

/**
 * Pages fetched ahead of the reader, in the order they will be asked for: never more than `concurrency` on
 * their way, nor more than that many answered and not yet taken. `take` of a key that was not planned (or not next) gives null; `cancel` drops whatever is still
 * on its way.
 */
class PagesAhead<K, T> {
  private readonly controller = new AbortController()
  private readonly signal: AbortSignal
  private readonly pending = new Map<K, Promise<T>>()
  private planned = 0
  private inFlight = 0

  constructor(
    private readonly keys: readonly K[],
    private readonly concurrency: number,
    private readonly fetch: (key: K, signal: AbortSignal) => Promise<T>,
    signal: AbortSignal,
  ) {
    this.signal = AbortSignal.any([signal, this.controller.signal])
    this.fill()
  }

  has(key: K): boolean {
    return this.pending.has(key)
  }

  take(key: K): Promise<T> {
    const page = this.pending.get(key)
    if (page === undefined) return this.fetch(key, this.signal)
    this.pending.delete(key)
    this.fill()
    return page
  }

  cancel(): void {
    if (this.pending.size > 0) this.controller.abort(new AbortedError('The rest of the list is not needed.'))
    this.pending.clear()
  }

  private fill(): void {
    const limit = Math.max(1, this.concurrency)
    while (this.planned < this.keys.length && this.inFlight < limit && this.pending.size < limit) {
      const key = this.keys[this.planned] as K
      this.planned += 1
      this.inFlight += 1
      const page = this.fetch(key, this.signal)
      // Taken (and awaited) in order later, or dropped by cancel(): never an unhandled rejection meanwhile.
      page
        .catch(() => undefined)
        .finally(() => {
          this.inFlight -= 1
          if (!this.controller.signal.aborted) this.fill()
        })
        .catch(() => undefined)
      this.pending.set(key, page)
    }
  }
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

export interface LegacyPagingOptions<P> extends PageHandler<P> {
  fetchPage(start: number, limit: number, signal: AbortSignal): Promise<LegacyResult>
  limit: number
  maxPages: number
  /** Pages fetched at once once the total is known (default 1: one after another). */
  concurrency?: number
  signal: AbortSignal
}

/** What the pager needs of a legacy page once its items are prepared. */
interface LegacyPage<P> {
  prepared: P
  length: number
  count: number | null
  firstId: unknown
}

function legacyPage<P>(result: LegacyResult, prepare: (items: readonly unknown[]) => P): LegacyPage<P> {
  const head = result.data[0]
  return {
    prepared: prepare(result.data),
    length: result.data.length,
    count: result.count,
    firstId: isPlainObject(head) ? head._id : undefined,
  }
}

export async function readLegacyPages<P>(options: LegacyPagingOptions<P>): Promise<PagingOutcome> {
  let received = 0
  let pages = 0
  let total: number | null = null
  let previousFirstId: unknown = undefined
  let ahead: PagesAhead<number, LegacyPage<P>> | null = null
  try {
    for (;;) {
      // The offsets planned from the first page are already on their way; any other offset (a page came back
      // shorter than asked) is fetched on its own and the plan is dropped.
      const start = received
      const planned: PagesAhead<number, LegacyPage<P>> | null = ahead?.has(start) === true ? ahead : null
      if (planned === null) ahead?.cancel()
      const page: LegacyPage<P> =
        (await planned?.take(start)) ??
        legacyPage(await options.fetchPage(start, options.limit, options.signal), options.prepare)
      pages += 1
      total = page.count ?? total
      const firstId = page.firstId
      if (pages > 1 && firstId !== undefined && firstId === previousFirstId) {
        // The controller ignored `_start` and sent the first page again: what we have is all we can get.
        return { pages, truncated: true, total }
      }
      previousFirstId = firstId
      options.onPage(page.prepared)
      received += page.length
      const more = total !== null ? received < total : page.length >= options.limit
      if (!more || page.length === 0) return { pages, truncated: total !== null && received < total, total }
      if (pages >= options.maxPages) return { pages, truncated: true, total }
      if (pages === 1 && total !== null && page.length === options.limit) {
        ahead = planOffsets(options, total, options.maxPages - 1)
      }
    }
  } finally {
    ahead?.cancel()
  }
}

/** The offsets after the first full page, up to the total and the page cap. */
function planOffsets<P>(
  options: LegacyPagingOptions<P>,
  total: number,
  pagesLeft: number,
): PagesAhead<number, LegacyPage<P>> | null {
  const concurrency = options.concurrency ?? 1
  if (concurrency <= 1) return null
  const starts: number[] = []
  for (let start = options.limit; start < total && starts.length < pagesLeft; start += options.limit) starts.push(start)
  return new PagesAhead(
    starts,
    concurrency,
    async (start, signal) => legacyPage(await options.fetchPage(start, options.limit, signal), options.prepare),
    options.signal,
  )
}
