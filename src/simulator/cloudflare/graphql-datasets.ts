/**
 * The analytics datasets of the fake GraphQL API: filters (`field`, `_in`, `_neq`, `_gt/_geq/_lt/_leq`,
 * `AND`/`OR`), grouping by the requested dimensions with `count` and `avg { sampleInterval }`, ordering and
 * limits — and the checks Cloudflare makes on the way: a bounded time range, the plan's look-back and
 * maximum duration, and the page size.
 */
import type { GqlField } from './graphql-parser.js'
import type { FakeDatasetLimits } from './seed-account.js'

/** Ends the whole request with HTTP 400 (malformed query: our client's bug). */
export class FatalQueryError extends Error {}
/** Fails one field; reported in `errors` with HTTP 200 while the other fields keep their data. */
export class FieldQueryError extends Error {}

export type Row = { datetime: number; count: number; sampleInterval?: number } & Record<
  string,
  string | number | undefined
>

export interface DatasetQuery {
  field: GqlField
  args: Record<string, unknown>
  rows: readonly Row[]
  limits: FakeDatasetLimits
  grouped: boolean
  now: number
  /** Field names a row may be filtered, grouped or selected by. */
  fields: readonly string[]
}

export function runDataset(q: DatasetQuery): unknown[] {
  if (!q.limits.enabled) throw new FieldQueryError('zone does not have access to the path')
  const limit = q.args['limit']
  if (typeof limit !== 'number' || limit <= 0 || limit > q.limits.maxPageSize) {
    throw new FieldQueryError(`limit must be positive number and not greater than ${q.limits.maxPageSize}`)
  }
  const filter = asObject(q.args['filter'])
  checkTimeRange(filter, q.limits, q.now)
  const predicate = compileFilter(filter, q.fields)
  const matching = q.rows.filter(predicate)
  const orderBy = Array.isArray(q.args['orderBy']) ? q.args['orderBy'].map(String) : []
  if (!q.grouped) {
    const columns = q.field.selections.map((s) => s.name)
    for (const column of columns) checkField(column, q.fields)
    return sortRows(matching, orderBy)
      .slice(0, limit)
      .map((row) => Object.fromEntries(q.field.selections.map((s) => [s.alias ?? s.name, present(row, s.name)])))
  }
  return group(matching, q.field, q.fields, orderBy).slice(0, limit)
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

function boundsOf(filter: Record<string, unknown>): { since: number | null; until: number | null } {
  let since: number | null = null
  let until: number | null = null
  const visit = (f: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(f)) {
      if (key === 'AND' && Array.isArray(value)) value.forEach((v) => visit(asObject(v)))
      const time = typeof value === 'string' ? Date.parse(value) : NaN
      if (Number.isNaN(time)) continue
      if (/^(datetime|date)_(geq|gt)$/.test(key)) since = time
      if (/^(datetime|date)_(leq|lt)$/.test(key)) until = time
    }
  }
  visit(filter)
  return { since, until }
}

function checkTimeRange(filter: Record<string, unknown>, limits: FakeDatasetLimits, now: number): void {
  const { since, until } = boundsOf(filter)
  if (since === null || until === null) {
    throw new FieldQueryError('a time range filter is required: set both datetime_geq and datetime_leq')
  }
  if (since < now - limits.notOlderThan * 1000) {
    throw new FieldQueryError(`cannot request data older than ${limits.notOlderThan}s`)
  }
  if (until - since > limits.maxDuration * 1000) {
    throw new FieldQueryError(`query time range is too large; the maximum is ${limits.maxDuration}s`)
  }
}

function checkField(name: string, fields: readonly string[]): void {
  if (!fields.includes(name)) throw new FatalQueryError(`unknown field "${name}"`)
}

function present(row: Row, name: string): string | number | null {
  if (name === 'datetime') return new Date(row.datetime).toISOString().replace(/\.\d{3}Z$/, 'Z')
  if (name === 'date') return new Date(row.datetime).toISOString().slice(0, 10)
  if (name === 'datetimeHour')
    return new Date(Math.floor(row.datetime / 3_600_000) * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
  return row[name] ?? null
}

type Predicate = (row: Row) => boolean

/** Compiles a filter once per query; evaluating it per row must stay cheap (tens of thousands of rows). */
function compileFilter(filter: Record<string, unknown>, fields: readonly string[]): Predicate {
  const tests: Predicate[] = Object.entries(filter).map(([key, expected]): Predicate => {
    if (key === 'AND' || key === 'OR') {
      const parts = (Array.isArray(expected) ? expected.map(asObject) : []).map((p) => compileFilter(p, fields))
      return key === 'AND' ? (row) => parts.every((p) => p(row)) : (row) => parts.some((p) => p(row))
    }
    const match = /^(.*?)(_geq|_gt|_leq|_lt|_neq|_in|_notin)?$/.exec(key)
    const field = match?.[1] ?? key
    const op = match?.[2] ?? ''
    checkField(field, fields)
    if (field === 'datetime') {
      const wanted = typeof expected === 'string' ? Date.parse(expected) : expected
      return (row) => compare(row.datetime, op, wanted)
    }
    return (row) => compare(present(row, field), op, expected)
  })
  return (row) => tests.every((t) => t(row))
}

function compare(actual: string | number | null, op: string, wanted: unknown): boolean {
  switch (op) {
    case '':
      return actual === wanted
    case '_neq':
      return actual !== wanted
    case '_in':
      return Array.isArray(wanted) && wanted.includes(actual)
    case '_notin':
      return Array.isArray(wanted) && !wanted.includes(actual)
    default: {
      if (actual === null || (typeof wanted !== 'number' && typeof wanted !== 'string')) return false
      if (op === '_gt') return actual > wanted
      if (op === '_geq') return actual >= wanted
      if (op === '_lt') return actual < wanted
      return actual <= wanted
    }
  }
}

function sortRows(rows: Row[], orderBy: string[]): Row[] {
  const order = orderBy[0] ?? 'datetime_DESC'
  const [field, direction] = order.split(/_(?=ASC$|DESC$)/)
  const sign = direction === 'ASC' ? 1 : -1
  return [...rows].sort((a, b) => {
    const x = field === 'datetime' ? a.datetime : (a[field ?? ''] ?? '')
    const y = field === 'datetime' ? b.datetime : (b[field ?? ''] ?? '')
    return x < y ? -sign : x > y ? sign : 0
  })
}

function group(rows: Row[], field: GqlField, fields: readonly string[], orderBy: string[]): Record<string, unknown>[] {
  const dimensionsField = field.selections.find((s) => s.name === 'dimensions')
  const dims = dimensionsField?.selections ?? []
  for (const dim of dims) checkField(dim.name, fields)
  const groups = new Map<string, { sample: Row; count: number; intervals: number[] }>()
  for (const row of rows) {
    const key = JSON.stringify(dims.map((d) => present(row, d.name)))
    const entry = groups.get(key) ?? { sample: row, count: 0, intervals: [] }
    entry.count += row.count
    entry.intervals.push(row.sampleInterval ?? 1)
    groups.set(key, entry)
  }
  const out = [...groups.values()].map((g) => {
    const result: Record<string, unknown> = {}
    for (const selection of field.selections) {
      const key = selection.alias ?? selection.name
      if (selection.name === 'count') result[key] = g.count
      else if (selection.name === 'avg') {
        const mean = g.intervals.reduce((s, v) => s + v, 0) / Math.max(1, g.intervals.length)
        result[key] = Object.fromEntries(
          selection.selections.map((s) => [s.alias ?? s.name, s.name === 'sampleInterval' ? mean : null]),
        )
      } else if (selection.name === 'dimensions') {
        result[key] = Object.fromEntries(dims.map((d) => [d.alias ?? d.name, present(g.sample, d.name)]))
      } else throw new FatalQueryError(`unknown field "${selection.name}"`)
    }
    return { result, count: g.count, sample: g.sample }
  })
  const order = orderBy[0] ?? 'count_DESC'
  const ascending = order.endsWith('_ASC')
  const orderField = order.replace(/_(ASC|DESC)$/, '')
  out.sort((a, b) => {
    const x = orderField === 'count' ? a.count : String(present(a.sample, orderField))
    const y = orderField === 'count' ? b.count : String(present(b.sample, orderField))
    const cmp = x < y ? -1 : x > y ? 1 : 0
    return ascending ? cmp : -cmp
  })
  return out.map((o) => o.result)
}
