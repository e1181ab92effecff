/**
 * Small helpers shared by the analytics parts: sampled counts, merging top lists across zones, and the
 * action buckets (block / challenge / log / other) of the report.
 */
import type { CountedItem, SecurityTotals } from './model.js'
import type { GroupRow } from './schemas.js'

export const TOP_N = 10

/** Adaptive datasets are sampled: `count × sampleInterval` estimates the real number of events. */
export function estimatedCount(row: GroupRow): number {
  const interval = row.avg?.sampleInterval ?? 1
  return Math.round(row.count * (interval > 0 ? interval : 1))
}

export function isSampled(rows: readonly GroupRow[]): boolean {
  return rows.some((row) => (row.avg?.sampleInterval ?? 1) > 1)
}

export function dimension(row: GroupRow, name: string): string | null {
  const value = row.dimensions?.[name]
  if (value === undefined || value === null || value === '') return null
  return String(value)
}

/** Sums items with the same key, largest first, cut to `limit`. */
export function mergeCounts<T extends CountedItem>(lists: readonly (readonly T[])[], limit = TOP_N): T[] {
  const merged = new Map<string, T>()
  for (const list of lists) {
    for (const item of list) {
      const existing = merged.get(item.key)
      merged.set(item.key, existing ? { ...existing, count: existing.count + item.count } : { ...item })
    }
  }
  return [...merged.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)).slice(0, limit)
}

/** GraphQL spells actions `managed_challenge`, Logpush `managedChallenge`/`MANAGED_CHALLENGE`: one form. */
export function normaliseAction(action: string): string {
  return action
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
}

const CHALLENGE_ISSUED = new Set(['challenge', 'jschallenge', 'js_challenge', 'managed_challenge'])

export type ActionBucket = 'blocked' | 'challenged' | 'logged' | 'other'

/** Solved or bypassed challenges, skips and allows stay "other" so they are not mistaken for blocks. */
export function actionBucket(action: string): ActionBucket {
  const normalised = normaliseAction(action)
  if (normalised === 'block' || normalised === 'drop') return 'blocked'
  if (CHALLENGE_ISSUED.has(normalised)) return 'challenged'
  if (normalised === 'log') return 'logged'
  return 'other'
}

export function emptyTotals(): SecurityTotals {
  return { total: 0, blocked: 0, challenged: 0, logged: 0, other: 0 }
}

export function addTotals(a: SecurityTotals, b: SecurityTotals): SecurityTotals {
  return {
    total: a.total + b.total,
    blocked: a.blocked + b.blocked,
    challenged: a.challenged + b.challenged,
    logged: a.logged + b.logged,
    other: a.other + b.other,
  }
}
