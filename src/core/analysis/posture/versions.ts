/**
 * Dotted version comparison for advisory ranges: numeric segments compared left to right, missing segments as
 * 0, so `5.1.26.33914` and `5.1.26` compare on what they share. A version with no leading number is unparseable
 * (null), and an advisory check on it says "could not check".
 */
export function parseVersion(version: string | null): number[] | null {
  if (version === null) return null
  const match = /^\s*v?(\d+(?:\.\d+)*)/.exec(version)
  if (match?.[1] === undefined) return null
  return match[1]
    .split('.')
    .slice(0, 6)
    .map((part) => Number(part))
}

/** Negative when a < b, 0 when equal on every segment (missing segments are 0), positive when a > b. */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  const length = Math.max(a.length, b.length)
  for (let i = 0; i < length; i += 1) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0)
    if (diff !== 0) return diff
  }
  return 0
}

export interface VersionRange {
  /** Inclusive lower bound; none = every older version. */
  from?: string
  /** Exclusive upper bound: the first fixed version of this branch. */
  below: string
}

/** Whether `version` falls in any of the ranges; null when the version cannot be parsed. */
export function inRanges(version: string | null, ranges: readonly VersionRange[]): boolean | null {
  const parsed = parseVersion(version)
  if (parsed === null) return null
  return ranges.some((range) => {
    const below = parseVersion(range.below) ?? []
    const from = range.from === undefined ? null : parseVersion(range.from)
    return compareVersions(parsed, below) < 0 && (from === null || compareVersions(parsed, from) >= 0)
  })
}
