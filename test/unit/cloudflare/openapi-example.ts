/**
 * Builds example payloads from Cloudflare's published OpenAPI spec (test/fixtures/real/cloudflare-api-schemas): every
 * property with its documented `example` (or a value of its type), `$ref`s resolved and `allOf`s merged. The
 * values are Cloudflare's, not ours, so our parsers meet the documented shape rather than our own idea of it.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { REAL_FIXTURES } from '../../fixtures/real-fixtures.js'

export const FIXTURES = REAL_FIXTURES

type Schema = Record<string, unknown>

interface Spec {
  components: { schemas: Record<string, Schema> }
  paths: Record<string, Record<string, Schema>>
}

export function loadSpec(): Spec {
  return JSON.parse(readFileSync(path.join(FIXTURES, 'cloudflare-api-schemas/openapi-subset.json'), 'utf8')) as Spec
}

export function resolve(spec: Spec, schema: Schema): Schema {
  const ref = schema['$ref']
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '')
    const target = spec.components.schemas[name]
    if (target === undefined) throw new Error(`unknown schema ${name}`)
    return resolve(spec, target)
  }
  return schema
}

/** All property names of a schema, through `allOf`. */
export function propertyNames(spec: Spec, schema: Schema): string[] {
  const s = resolve(spec, schema)
  const own = Object.keys((s['properties'] as Record<string, Schema> | undefined) ?? {})
  const parts = ((s['allOf'] as Schema[] | undefined) ?? []).flatMap((part) => propertyNames(spec, part))
  return [...new Set([...own, ...parts])]
}

export function exampleOf(spec: Spec, schema: Schema, depth = 0): unknown {
  const s = resolve(spec, schema)
  if (depth > 12) return null
  if ('example' in s && s['type'] !== 'object' && s['type'] !== 'array') return s['example']
  if (Array.isArray(s['allOf'])) {
    const parts = (s['allOf'] as Schema[]).map((part) => exampleOf(spec, part, depth + 1))
    // `allOf: [{$ref: string-schema}]` (used to add a description) is that string, not an object.
    const primitive = parts.find((part) => typeof part !== 'object' || part === null)
    if (primitive !== undefined) return primitive
    return Object.assign({}, ...(parts as object[]))
  }
  if (Array.isArray(s['anyOf'])) return exampleOf(spec, (s['anyOf'] as Schema[])[0] ?? {}, depth + 1)
  if (s['type'] === 'array' || s['items']) {
    if (Array.isArray(s['example']) && s['example'].length > 0) return s['example']
    return [exampleOf(spec, (s['items'] as Schema | undefined) ?? {}, depth + 1)]
  }
  if (s['type'] === 'object' || s['properties']) {
    const props = (s['properties'] as Record<string, Schema> | undefined) ?? {}
    if (Object.keys(props).length === 0) return s['example'] ?? {}
    return Object.fromEntries(Object.entries(props).map(([key, value]) => [key, exampleOf(spec, value, depth + 1)]))
  }
  if (Array.isArray(s['enum'])) return s['enum'][0]
  if (s['type'] === 'number' || s['type'] === 'integer') return 1
  if (s['type'] === 'boolean') return false
  if (s['type'] === 'string') return 'example'
  return null
}

export function exampleOfSchema(spec: Spec, name: string): unknown {
  return exampleOf(spec, { $ref: `#/components/schemas/${name}` })
}
