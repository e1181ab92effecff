/**
 * One shared copy of the short, repetitive strings of event records (keys, categories, severities, role
 * names and MACs, v2 message templates). JSON.parse gives every record its own copy of each, which in a
 * 100 000-entry window costs tens of MB of heap for a few hundred distinct values. Values are unchanged;
 * only duplicates are dropped. The pool is bounded so a console with unusual data cannot grow it without end.
 */
const MAX_POOLED = 10_000
const MAX_LENGTH = 200

const pool = new Map<string, string>()

export function intern<T extends string | null>(value: T): T {
  if (value === null || value.length > MAX_LENGTH) return value
  const known = pool.get(value)
  if (known !== undefined) return known as T
  if (pool.size >= MAX_POOLED) pool.clear()
  pool.set(value, value)
  return value
}

/** `intern` for a value of unknown type: strings are pooled, anything else is returned as is. */
export function internUnknown(value: unknown): unknown {
  return typeof value === 'string' ? intern(value) : value
}
