import { describe, expect, it } from 'vitest'
import { normaliseV2Page, readLegacyPages, readV2Pages } from '../../../src/core/unifi/paging.js'

const signal = new AbortController().signal

describe('readV2Pages', () => {
  it('reads every page once and reports truncation when the page cap is reached', async () => {
    const asked: number[] = []
    const items: unknown[] = []
    const outcome = await readV2Pages({
      fetchPage: (page) => {
        asked.push(page)
        return Promise.resolve({ data: [page], total_page_count: 7, total_element_count: 7 })
      },
      prepare: (items: readonly unknown[]) => items,
      onPage: (page) => items.push(...page),
      maxPages: 5,
      concurrency: 3,
      signal,
      endpoint: 'system-log/all',
    })
    expect(asked.sort()).toEqual([0, 1, 2, 3, 4])
    expect(items).toHaveLength(5)
    expect(outcome).toEqual({ pages: 5, truncated: true, total: 7 })
  })

  it('follows has_next when the console gives no page count', async () => {
    const outcome = await readV2Pages({
      fetchPage: (page) => Promise.resolve({ data: [page], has_next: page < 2 }),
      prepare: (items: readonly unknown[]) => items,
      onPage: () => undefined,
      maxPages: 10,
      concurrency: 4,
      signal,
      endpoint: 'traffic-flows',
    })
    expect(outcome).toMatchObject({ pages: 3, truncated: false })
  })

  it('accepts a page wrapped in a one-element list and a bare array', () => {
    expect(normaliseV2Page([{ data: [1, 2], total_page_count: 1 }], 'x').items).toEqual([1, 2])
    expect(normaliseV2Page([1, 2, 3], 'x')).toMatchObject({ items: [1, 2, 3], totalPages: 1 })
    expect(() => normaliseV2Page({ nope: true }, 'x')).toThrow(/unexpected shape/)
  })
})

describe('readLegacyPages', () => {
  const rows = (start: number, count: number): unknown[] =>
    Array.from({ length: count }, (_, i) => ({ _id: `id-${start + i}` }))

  it('pages by offset until meta.count is reached', async () => {
    const starts: number[] = []
    const outcome = await readLegacyPages({
      fetchPage: (start, limit) => {
        starts.push(start)
        return Promise.resolve({ data: rows(start, Math.min(limit, 7000 - start)), count: 7000 })
      },
      prepare: (items: readonly unknown[]) => items,
      onPage: () => undefined,
      limit: 3000,
      maxPages: 10,
      signal,
    })
    expect(starts).toEqual([0, 3000, 6000])
    expect(outcome).toEqual({ pages: 3, truncated: false, total: 7000 })
  })

  it('stops and reports truncation when the controller ignores the offset', async () => {
    let calls = 0
    const outcome = await readLegacyPages({
      fetchPage: () => {
        calls += 1
        return Promise.resolve({ data: rows(0, 3000), count: 5000 })
      },
      prepare: (items: readonly unknown[]) => items,
      onPage: () => undefined,
      limit: 3000,
      maxPages: 10,
      signal,
    })
    expect(calls).toBe(2)
    expect(outcome).toEqual({ pages: 2, truncated: true, total: 5000 })
  })

  it('fetches the further offsets together once meta.count is known, and hands the pages over in order', async () => {
    const starts: number[] = []
    let open = 0
    let most = 0
    const delivered: unknown[] = []
    const outcome = await readLegacyPages({
      fetchPage: async (start, limit) => {
        starts.push(start)
        open += 1
        most = Math.max(most, open)
        // Later offsets answer first: the order of delivery must not follow the answers.
        await new Promise((resolve) => setTimeout(resolve, 40 - start / 1000))
        open -= 1
        return { data: rows(start, Math.min(limit, 10_500 - start)), count: 10_500 }
      },
      prepare: (items: readonly unknown[]) => items,
      onPage: (items) => delivered.push(...items),
      limit: 1000,
      maxPages: 8,
      concurrency: 3,
      signal,
    })
    expect([...starts].sort((a, b) => a - b)).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000])
    expect(most).toBe(3)
    expect(delivered).toEqual(rows(0, 8000))
    expect(outcome).toEqual({ pages: 8, truncated: true, total: 10_500 })
  })

  it('drops the plan and goes on one page after another when a page comes back shorter than asked', async () => {
    const starts: number[] = []
    const delivered: unknown[] = []
    const outcome = await readLegacyPages({
      // A full first page, then a controller that caps pages at 600 rows.
      fetchPage: (start, limit) => {
        starts.push(start)
        const size = start === 0 ? limit : 600
        return Promise.resolve({ data: rows(start, Math.min(size, 2_500 - start)), count: 2_500 })
      },
      prepare: (items: readonly unknown[]) => items,
      onPage: (items) => delivered.push(...items),
      limit: 1000,
      maxPages: 10,
      concurrency: 4,
      signal,
    })
    expect(delivered).toEqual(rows(0, 2_500))
    expect(starts.filter((start) => start !== 2000)).toEqual([0, 1000, 1600, 2200])
    expect(outcome).toEqual({ pages: 4, truncated: false, total: 2_500 })
  })
})

describe('readV2Pages order', () => {
  it('hands the pages over in page order although they answer in another', async () => {
    const delivered: number[] = []
    await readV2Pages({
      fetchPage: async (page) => {
        await new Promise((resolve) => setTimeout(resolve, (6 - page) * 10))
        return { data: [page], total_page_count: 6 }
      },
      prepare: (items: readonly unknown[]) => items,
      onPage: (items) => delivered.push(...(items as number[])),
      maxPages: 10,
      concurrency: 4,
      signal,
      endpoint: 'system-log/all',
    })
    expect(delivered).toEqual([0, 1, 2, 3, 4, 5])
  })

  it('prepares each page as it arrives, before the pages ahead of it are handed over', async () => {
    const events: string[] = []
    await readV2Pages({
      fetchPage: async (page) => {
        await new Promise((resolve) => setTimeout(resolve, (6 - page) * 10))
        return { data: [page], total_page_count: 5 }
      },
      prepare: (items: readonly unknown[]) => {
        events.push(`prepared ${String(items[0])}`)
        return items
      },
      onPage: (items) => events.push(`delivered ${String(items[0])}`),
      maxPages: 10,
      concurrency: 4,
      signal,
      endpoint: 'system-log/all',
    })
    // Page 4 answers first (20 ms against 50 ms for page 1): it is parsed then, not when its turn comes.
    expect(events.indexOf('prepared 4')).toBeLessThan(events.indexOf('delivered 1'))
    expect(events.filter((event) => event.startsWith('delivered'))).toEqual(
      [0, 1, 2, 3, 4].map((n) => `delivered ${n}`),
    )
  })
})
