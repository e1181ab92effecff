/**
 * Latency percentiles of a status window. Nearest rank, not interpolation: every figure on the card is the
 * latency of a call that really happened, and the p99 of a small window is its slowest call rather than a value
 * between two calls that nobody saw.
 */

export interface LatencySummary {
  p50Ms: number | null
  p90Ms: number | null
  p99Ms: number | null
  maxMs: number | null
}

/**
 * Nearest-rank percentile of an ascending list: the value at rank ⌈p·n⌉ (1-based, at least 1), e.g. p90 of ten
 * values is the 9th. Null for an empty list.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null
  const rank = Math.max(1, Math.ceil(p * sorted.length))
  return sorted[Math.min(rank, sorted.length) - 1] ?? null
}

/** p50, p90, p99 and the slowest of the given latencies, in any order. */
export function summariseLatencies(latencies: readonly number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b)
  return {
    p50Ms: percentile(sorted, 0.5),
    p90Ms: percentile(sorted, 0.9),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted.at(-1) ?? null,
  }
}
