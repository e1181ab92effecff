import { describe, expect, it } from 'vitest'
import { percentile, summariseLatencies } from '../../../src/core/integrations/latency-percentiles.js'

// Nearest rank: the value at rank ⌈p·n⌉ (1-based). Every expected number below is worked out by hand.
describe('latency percentiles (nearest rank)', () => {
  const TEN = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]

  it('picks ranks ⌈p·n⌉ of ten values', () => {
    // p50: ⌈5⌉ = 5th = 50; p90: ⌈9⌉ = 9th = 90; p99: ⌈9.9⌉ = 10th = 100
    expect(percentile(TEN, 0.5)).toBe(50)
    expect(percentile(TEN, 0.9)).toBe(90)
    expect(percentile(TEN, 0.99)).toBe(100)
    expect(summariseLatencies(TEN)).toEqual({ p50Ms: 50, p90Ms: 90, p99Ms: 100, maxMs: 100 })
  })

  it('sorts its input first and leaves it as it was', () => {
    const shuffled = [70, 10, 100, 40, 90, 20, 60, 30, 80, 50]
    expect(summariseLatencies(shuffled)).toEqual({ p50Ms: 50, p90Ms: 90, p99Ms: 100, maxMs: 100 })
    expect(shuffled[0]).toBe(70)
  })

  it('has nothing to say about no calls', () => {
    expect(percentile([], 0.5)).toBeNull()
    expect(summariseLatencies([])).toEqual({ p50Ms: null, p90Ms: null, p99Ms: null, maxMs: null })
  })

  it('gives the only value for every percentile of one call', () => {
    expect(summariseLatencies([42])).toEqual({ p50Ms: 42, p90Ms: 42, p99Ms: 42, maxMs: 42 })
    expect(percentile([42], 0)).toBe(42)
  })

  it('never interpolates between calls', () => {
    // Four values: p50 = ⌈2⌉ = 2nd = 2 (interpolation would say 2.5); p90 = ⌈3.6⌉ = 4th = 4
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2)
    expect(percentile([1, 2, 3, 4], 0.9)).toBe(4)
    // 200 values 1..200: p99 = ⌈198⌉ = 198th = 198, p90 = 180th, p50 = 100th
    const many = Array.from({ length: 200 }, (_, i) => i + 1)
    expect(summariseLatencies(many)).toEqual({ p50Ms: 100, p90Ms: 180, p99Ms: 198, maxMs: 200 })
  })
})
