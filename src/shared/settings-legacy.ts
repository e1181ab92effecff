/**
 * Settings documents written before integrations kept their values under `integrations.<id>` had a top-level
 * `cloudflare` section (schema version 1). The desktop app's migration and the CLI's config loader both map it
 * here, so an old `config.json` or `--config` file keeps working.
 */

type Document = Record<string, unknown>

/** Top-level sections of version 1 that are integration values now. */
export const LEGACY_INTEGRATION_SECTIONS = ['cloudflare'] as const

/** Secret paths of version 1 and where they live now. */
export const LEGACY_SECRET_PATHS: Readonly<Record<string, string>> = {
  'cloudflare.apiToken': 'integrations.cloudflare.apiToken',
}

/**
 * Pure: moves each legacy section into `integrations.<id>`. A value already under `integrations.<id>` wins over the
 * legacy one of the same key, so a file that has both loses nothing typed the new way.
 */
export function liftLegacyIntegrationSections(document: Document): { document: Document; lifted: string[] } {
  const lifted: string[] = []
  const integrations = { ...asObject(document['integrations']) }
  const rest: Document = { ...document }
  for (const id of LEGACY_INTEGRATION_SECTIONS) {
    if (!(id in rest)) continue
    const legacy = asObject(rest[id])
    delete rest[id]
    integrations[id] = { ...legacy, ...asObject(integrations[id]) }
    lifted.push(id)
  }
  if (lifted.length === 0) return { document, lifted }
  return { document: { ...rest, integrations }, lifted }
}

function asObject(value: unknown): Document {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Document) : {}
}
