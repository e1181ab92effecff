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
      onItems: (page) => items.push(...page),
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
      onItems: () => undefined,
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
      onItems: () => undefined,
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
      onItems: () => undefined,
      limit: 3000,
      maxPages: 10,
      signal,
    })
    expect(calls).toBe(2)
    expect(outcome).toEqual({ pages: 2, truncated: true, total: 5000 })
  })
})
