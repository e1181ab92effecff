/**
 * Time placement of generated records. Events and threats share one descending timeline over the last 24 h
 * (the v2 system log interleaves both), spread evenly with a Bresenham-style interleave so the position of
 * any row can be computed without materialising the others.
 */

export const DAY_MS = 24 * 60 * 60 * 1000
/**
 * Records fill the 24 h before the anchor minus ten minutes, so a client asking for "the last 24 h" a few
 * minutes after the simulator started still sees every record.
 */
export const DATA_SPAN_MS = DAY_MS - 10 * 60 * 1000

export interface Timeline {
  readonly events: number
  readonly threats: number
  /** events + threats. */
  readonly total: number
  /** Time of the position (0 = newest). */
  timeAt(position: number): number
  isThreatAt(position: number): boolean
  /** Index of the threat or event at a position (check `isThreatAt` first). */
  threatIndexAt(position: number): number
  eventIndexAt(position: number): number
  eventTime(eventIndex: number): number
  threatTime(threatIndex: number): number
  /** Half of the smallest gap between two positions, for placing records between timeline slots. */
  readonly halfSlotMs: number
}

/** Smallest n in [lo, hi) with pred(n) true (pred monotone false→true); hi when none. */
export function firstIndex(lo: number, hi: number, pred: (n: number) => boolean): number {
  let a = lo
  let b = hi
  while (a < b) {
    const mid = (a + b) >>> 1
    if (pred(mid)) b = mid
    else a = mid + 1
  }
  return a
}

/**
 * Index range [start, end) of a descending-time sequence whose times fall in [fromMs, toMs]. `timeOf` must
 * be non-increasing in the index.
 */
export function windowRange(
  count: number,
  timeOf: (index: number) => number,
  fromMs: number,
  toMs: number,
): [number, number] {
  const start = firstIndex(0, count, (i) => timeOf(i) <= toMs)
  const end = firstIndex(start, count, (i) => timeOf(i) < fromMs)
  return [start, end]
}

export function createTimeline(anchorMs: number, events: number, threats: number, spanMs = DATA_SPAN_MS): Timeline {
  const total = events + threats
  const slot = total > 0 ? spanMs / total : spanMs
  const threatsBefore = (position: number): number => (total === 0 ? 0 : Math.floor((position * threats) / total))
  const timeAt = (position: number): number => Math.round(anchorMs - (position + 0.5) * slot)
  return {
    events,
    threats,
    total,
    halfSlotMs: slot / 2,
    timeAt,
    isThreatAt: (position) => threatsBefore(position + 1) > threatsBefore(position),
    threatIndexAt: threatsBefore,
    eventIndexAt: (position) => position - threatsBefore(position),
    eventTime(eventIndex) {
      // The event's position is the first p whose prefix [0, p] holds eventIndex + 1 events.
      const position = firstIndex(eventIndex, total, (p) => p + 1 - threatsBefore(p + 1) > eventIndex)
      return timeAt(position)
    },
    threatTime(threatIndex) {
      const position = Math.ceil(((threatIndex + 1) * total) / threats) - 1
      return timeAt(position)
    },
  }
}
