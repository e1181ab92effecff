/** The interleave that places events and threats on one timeline without materialising either list. */
import { describe, expect, it } from 'vitest'
import { createTimeline, DATA_SPAN_MS, firstIndex, windowRange } from '../../../src/simulator/data/timeline.js'

describe('createTimeline', () => {
  it.each([
    [7, 3],
    [100, 0],
    [0, 25],
    [1000, 999],
    [3, 17],
  ])('maps %i events and %i threats onto distinct, descending positions', (events, threats) => {
    const t = createTimeline(1_000_000_000, events, threats)
    const eventTimes = new Set<number>()
    const threatTimes = new Set<number>()
    let seenEvents = 0
    let seenThreats = 0
    for (let p = 0; p < t.total; p++) {
      if (t.isThreatAt(p)) {
        expect(t.threatIndexAt(p)).toBe(seenThreats)
        expect(t.threatTime(seenThreats)).toBe(t.timeAt(p))
        threatTimes.add(t.timeAt(p))
        seenThreats++
      } else {
        expect(t.eventIndexAt(p)).toBe(seenEvents)
        expect(t.eventTime(seenEvents)).toBe(t.timeAt(p))
        eventTimes.add(t.timeAt(p))
        seenEvents++
      }
      if (p > 0) expect(t.timeAt(p)).toBeLessThan(t.timeAt(p - 1))
    }
    expect([seenEvents, seenThreats]).toEqual([events, threats])
    expect(eventTimes.size + threatTimes.size).toBe(events + threats)
    if (t.total > 0) {
      expect(t.timeAt(0)).toBeLessThanOrEqual(1_000_000_000)
      expect(t.timeAt(t.total - 1)).toBeGreaterThanOrEqual(1_000_000_000 - DATA_SPAN_MS)
    }
  })
})

describe('search helpers', () => {
  it('finds the first index satisfying a monotone predicate', () => {
    expect(firstIndex(0, 10, (n) => n >= 4)).toBe(4)
    expect(firstIndex(0, 10, () => false)).toBe(10)
    expect(firstIndex(3, 10, () => true)).toBe(3)
  })

  it('returns the index range of a descending sequence inside a window', () => {
    const times = [100, 90, 80, 70, 60, 50]
    const at = (i: number) => times[i] ?? 0
    expect(windowRange(times.length, at, 60, 90)).toEqual([1, 5])
    expect(windowRange(times.length, at, 0, 1000)).toEqual([0, 6])
    expect(windowRange(times.length, at, 101, 200)).toEqual([0, 0])
    expect(windowRange(times.length, at, 0, 10)).toEqual([6, 6])
  })
})
