/**
 * Batched zone-scoped GraphQL queries: one alias per zone (`z0` … `z9`, at most 10 zones per query as
 * Cloudflare allows), and attribution of `errors` — which may arrive inside an HTTP 200 — to the zone
 * whose alias their `path` names. Unattributable errors fail every zone of the batch.
 */
import { ScannerError } from '../../errors.js'
import { graphqlFailure } from './api-errors.js'
import type { CloudflareClient } from './client.js'
import type { GraphqlError } from './schemas.js'

export const MAX_ZONES_PER_QUERY = 10

export type ZoneNodeResult = { ok: true; node: Record<string, unknown> } | { ok: false; error: ScannerError }

export interface ZoneBatchQuery {
  /** GraphQL operation name, e.g. `CloudflareSecurityEvents`. */
  operation: string
  /** What the query fetches, for error messages ("security events"). */
  what: string
  zoneIds: readonly string[]
  /** Extra variable declarations for zone `i`, e.g. `{ since3: 'Time' }`, with their values. */
  variablesFor(index: number): Record<string, { type: string; value: unknown }>
  /** The selection inside `zones(...) { … }` for zone `i` (may reference its variables). */
  selectionFor(index: number): string
}

export function chunk<T>(items: readonly T[], size = MAX_ZONES_PER_QUERY): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

export function buildZoneBatchQuery(spec: ZoneBatchQuery): { query: string; variables: Record<string, unknown> } {
  const declarations: string[] = []
  const variables: Record<string, unknown> = {}
  const aliases: string[] = []
  spec.zoneIds.forEach((zoneId, index) => {
    declarations.push(`$zoneTag${index}: string`)
    variables[`zoneTag${index}`] = zoneId
    for (const [name, { type, value }] of Object.entries(spec.variablesFor(index))) {
      declarations.push(`$${name}: ${type}`)
      variables[name] = value
    }
    aliases.push(`    z${index}: zones(filter: { zoneTag: $zoneTag${index} }) {\n${spec.selectionFor(index)}\n    }`)
  })
  const query = `query ${spec.operation}(${declarations.join(', ')}) {\n  viewer {\n${aliases.join('\n')}\n  }\n}`
  return { query, variables }
}

/** Runs one batch and returns, per zone (same order as `zoneIds`), its node or its error. */
export async function runZoneBatch(client: CloudflareClient, spec: ZoneBatchQuery): Promise<ZoneNodeResult[]> {
  const { query, variables } = buildZoneBatchQuery(spec)
  const response = await client.graphql(query, variables)
  const errors = response.errors ?? []
  const viewer = asRecord(response.data?.['viewer'])
  const perZone = new Map<number, GraphqlError[]>()
  const general: GraphqlError[] = []
  for (const error of errors) {
    const index = zoneIndexOf(error)
    if (index === null || index >= spec.zoneIds.length) general.push(error)
    else perZone.set(index, [...(perZone.get(index) ?? []), error])
  }
  if (general.length > 0) {
    const failure = graphqlFailure(general, spec.what)
    return spec.zoneIds.map(() => ({ ok: false, error: failure }))
  }
  return spec.zoneIds.map((zoneId, index): ZoneNodeResult => {
    const zoneErrors = perZone.get(index)
    if (zoneErrors) return { ok: false, error: graphqlFailure(zoneErrors, spec.what) }
    const list = viewer?.[`z${index}`]
    const node = Array.isArray(list) ? asRecord(list[0]) : null
    if (node === null) {
      return {
        ok: false,
        error: new ScannerError(
          'config',
          'CLOUDFLARE_ZONE_MISSING',
          `Cloudflare returned no ${spec.what} for zone ${zoneId}; the token may not cover this zone.`,
        ),
      }
    }
    return { ok: true, node }
  })
}

/** `["viewer","z3","byAction"]` → 3; Cloudflare's own form `["viewer","zones","3",…]` is understood too. */
function zoneIndexOf(error: GraphqlError): number | null {
  const path = error.path ?? []
  if (path[0] !== 'viewer' || path.length < 2) return null
  const alias = String(path[1])
  const match = /^z(\d+)$/.exec(alias)
  if (match?.[1] !== undefined) return Number(match[1])
  if (alias === 'zones' && path[2] !== undefined && /^\d+$/.test(String(path[2]))) return Number(path[2])
  return null
}

export function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}

/** Cloudflare's `Time` scalar: ISO 8601 UTC without milliseconds. */
export function toCloudflareTime(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}
