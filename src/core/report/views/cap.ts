import type { CappedList } from '../model.js'

/** Keeps a report readable at any size: the first `limit` items, and how many were left out. */
export function capList<T, U>(items: readonly T[], limit: number, map: (item: T) => U): CappedList<U> {
  const shown = items.slice(0, Math.max(0, limit))
  return { items: shown.map(map), more: items.length - shown.length, total: items.length }
}

/** "a, b, c and 4 more" */
export function joinWithMore(values: readonly string[], limit: number): string {
  if (values.length === 0) return 'none recorded'
  const shown = values.slice(0, limit).join(', ')
  return values.length > limit ? `${shown} and ${values.length - limit} more` : shown
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`
}
