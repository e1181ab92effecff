/**
 * Executes a GraphQL Analytics request against the fake account: `viewer { zones(filter) { settings,
 * firewallEventsAdaptive[Groups], dnsAnalyticsAdaptive[Groups] } }` with aliases, checking that every
 * variable is declared and provided. Field failures come back as `errors` inside an HTTP 200 with the
 * other fields' data, as Cloudflare does; malformed queries get HTTP 400.
 */
import { FatalQueryError, FieldQueryError, runDataset, type Row } from './graphql-datasets.js'
import { GqlSyntaxError, parseGraphql, type GqlField, type GqlValue } from './graphql-parser.js'
import type { FakeDatasetLimits, FakeZone } from './seed-account.js'

export type GraphqlDataset = 'limits' | 'events' | 'dns'

export interface GraphqlState {
  zones: readonly FakeZone[]
  firewallRows: ReadonlyMap<string, readonly Row[]>
  dnsRows: ReadonlyMap<string, readonly Row[]>
  now: number
  /** Scripted errors-in-200: the datasets that fail (or every field when `all`) and the message. */
  inject: { target: 'all' | GraphqlDataset; message: string } | null
}

export interface GraphqlError {
  message: string
  path?: (string | number)[]
  extensions: { timestamp: string }
}

export interface GraphqlOutcome {
  status: number
  body: { data: Record<string, unknown> | null; errors: GraphqlError[] | null }
  /** Datasets the query asked for (lets faults target one of them). */
  datasets: GraphqlDataset[]
}

const FIREWALL_FIELDS = [
  'datetime',
  'date',
  'datetimeHour',
  'action',
  'source',
  'ruleId',
  'rayName',
  'description',
  'clientIP',
  'clientAsn',
  'clientASNDescription',
  'clientCountryName',
  'clientRequestHTTPHost',
  'clientRequestHTTPMethodName',
  'clientRequestHTTPProtocol',
  'clientRequestPath',
  'clientRequestQuery',
  'userAgent',
  'edgeResponseStatus',
]
const DNS_FIELDS = ['datetime', 'date', 'datetimeHour', 'queryName', 'queryType', 'responseCode']
const DATASETS: Record<string, { dataset: 'events' | 'dns'; grouped: boolean }> = {
  firewallEventsAdaptive: { dataset: 'events', grouped: false },
  firewallEventsAdaptiveGroups: { dataset: 'events', grouped: true },
  dnsAnalyticsAdaptive: { dataset: 'dns', grouped: false },
  dnsAnalyticsAdaptiveGroups: { dataset: 'dns', grouped: true },
}

/** Which datasets a query text asks for, without executing it (for fault targeting). */
export function datasetsOf(query: string): GraphqlDataset[] {
  const found = new Set<GraphqlDataset>()
  if (/\bsettings\s*\{/.test(query)) found.add('limits')
  const withoutSettings = query.replace(/settings\s*\{[^]*?\}\s*\}/g, '')
  if (/firewallEventsAdaptive/.test(withoutSettings)) found.add('events')
  if (/dnsAnalyticsAdaptive/.test(withoutSettings)) found.add('dns')
  return [...found]
}

export function executeGraphql(body: unknown, state: GraphqlState): GraphqlOutcome {
  const timestamp = new Date(state.now).toISOString()
  const fail = (status: number, message: string, datasets: GraphqlDataset[] = []): GraphqlOutcome => ({
    status,
    body: { data: null, errors: [{ message, extensions: { timestamp } }] },
    datasets,
  })
  const request = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
  const query = request['query']
  if (typeof query !== 'string') return fail(400, 'error parsing args: the request has no query')
  const datasets = datasetsOf(query)
  const rawVariables = request['variables'] ?? {}
  if (typeof rawVariables !== 'object' || rawVariables === null)
    return fail(400, 'error parsing args: variables must be an object', datasets)
  const variables = rawVariables as Record<string, unknown>
  try {
    const operation = parseGraphql(query)
    const declared = new Map(operation.variables.map((v) => [v.name, v.type]))
    for (const [name, type] of declared) {
      if (type.endsWith('!') && variables[name] === undefined)
        throw new FatalQueryError(`variable "$${name}" is required`)
      const value = variables[name]
      if (
        /^Time!?$/.test(type) &&
        value !== undefined &&
        (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
      ) {
        throw new FatalQueryError(`error parsing args: "$${name}" is not a valid Time`)
      }
    }
    const resolve = (value: GqlValue): unknown => resolveValue(value, variables, declared)
    if (state.inject?.target === 'all') {
      return {
        status: 200,
        body: { data: null, errors: [{ message: state.inject.message, path: ['viewer'], extensions: { timestamp } }] },
        datasets,
      }
    }
    const errors: GraphqlError[] = []
    const data: Record<string, unknown> = {}
    for (const root of operation.selections) {
      if (root.name !== 'viewer') throw new FatalQueryError(`unknown field "${root.name}"`)
      const viewer: Record<string, unknown> = {}
      for (const field of root.selections) {
        const key = field.alias ?? field.name
        if (field.name !== 'zones') throw new FatalQueryError(`unknown field "${field.name}"`)
        const filter = resolve(field.args['filter'] ?? { kind: 'null' })
        const zones = selectZones(filter, state.zones)
        if (zones.missing.length > 0) {
          errors.push({
            message: `zones ${JSON.stringify(zones.missing)} are not authorized`,
            path: ['viewer', key],
            extensions: { timestamp },
          })
          viewer[key] = null
          continue
        }
        viewer[key] = zones.found.map((zone, index) =>
          zoneNode(zone, field.selections, state, resolve, (message, fieldKey) =>
            errors.push({ message, path: ['viewer', key, String(index), fieldKey], extensions: { timestamp } }),
          ),
        )
      }
      data[root.alias ?? root.name] = viewer
    }
    return { status: 200, body: { data, errors: errors.length > 0 ? errors : null }, datasets }
  } catch (error) {
    if (error instanceof GqlSyntaxError || error instanceof FatalQueryError) return fail(400, error.message, datasets)
    throw error
  }
}

function resolveValue(value: GqlValue, variables: Record<string, unknown>, declared: Map<string, string>): unknown {
  switch (value.kind) {
    case 'variable':
      if (!declared.has(value.name)) throw new FatalQueryError(`variable "$${value.name}" is not defined`)
      return variables[value.name] ?? null
    case 'string':
    case 'enum':
    case 'number':
    case 'boolean':
      return value.value
    case 'null':
      return null
    case 'list':
      return value.values.map((v) => resolveValue(v, variables, declared))
    case 'object':
      return Object.fromEntries(Object.entries(value.fields).map(([k, v]) => [k, resolveValue(v, variables, declared)]))
  }
}

function selectZones(filter: unknown, zones: readonly FakeZone[]): { found: FakeZone[]; missing: string[] } {
  const f = typeof filter === 'object' && filter !== null ? (filter as Record<string, unknown>) : {}
  const wanted =
    typeof f['zoneTag'] === 'string'
      ? [f['zoneTag']]
      : Array.isArray(f['zoneTag_in'])
        ? f['zoneTag_in'].map(String)
        : null
  if (wanted === null) throw new FatalQueryError('zones filter must contain zoneTag or zoneTag_in')
  if (wanted.length > 10) throw new FatalQueryError('too many zones requested: at most 10 zones per query')
  const found = wanted.flatMap((tag) => zones.filter((z) => z.id === tag))
  return { found, missing: wanted.filter((tag) => !zones.some((z) => z.id === tag)) }
}

function zoneNode(
  zone: FakeZone,
  selections: GqlField[],
  state: GraphqlState,
  resolve: (value: GqlValue) => unknown,
  fieldError: (message: string, key: string) => void,
): Record<string, unknown> {
  const node: Record<string, unknown> = {}
  for (const field of selections) {
    const key = field.alias ?? field.name
    if (field.name === 'zoneTag') node[key] = zone.id
    else if (field.name === 'settings') {
      if (state.inject?.target === 'limits') {
        fieldError(state.inject.message, key)
        node[key] = null
      } else node[key] = settingsNode(zone, field.selections)
    } else {
      const spec = DATASETS[field.name]
      if (spec === undefined) throw new FatalQueryError(`unknown field "${field.name}"`)
      const args = Object.fromEntries(Object.entries(field.args).map(([k, v]) => [k, resolve(v)]))
      try {
        if (state.inject?.target === spec.dataset) throw new FieldQueryError(state.inject.message)
        node[key] = runDataset({
          field,
          args,
          rows: (spec.dataset === 'events' ? state.firewallRows : state.dnsRows).get(zone.id) ?? [],
          limits: spec.dataset === 'events' ? zone.limits.firewall : zone.limits.dns,
          grouped: spec.grouped,
          now: state.now,
          fields: spec.dataset === 'events' ? FIREWALL_FIELDS : DNS_FIELDS,
        })
      } catch (error) {
        if (!(error instanceof FieldQueryError)) throw error
        fieldError(error.message, key)
        node[key] = null
      }
    }
  }
  return node
}

function settingsNode(zone: FakeZone, selections: GqlField[]): Record<string, unknown> {
  const node: Record<string, unknown> = {}
  for (const dataset of selections) {
    const limits: FakeDatasetLimits | undefined = dataset.name.startsWith('firewallEventsAdaptive')
      ? zone.limits.firewall
      : dataset.name.startsWith('dnsAnalyticsAdaptive')
        ? zone.limits.dns
        : undefined
    if (limits === undefined) throw new FatalQueryError(`unknown field "${dataset.name}"`)
    const values: Record<string, unknown> = {
      ...limits,
      availableFields: dataset.name.startsWith('dns') ? DNS_FIELDS : FIREWALL_FIELDS,
    }
    node[dataset.alias ?? dataset.name] = Object.fromEntries(
      dataset.selections.map((s) => {
        if (!(s.name in values)) throw new FatalQueryError(`unknown field "${s.name}"`)
        return [s.alias ?? s.name, values[s.name]]
      }),
    )
  }
  return node
}
