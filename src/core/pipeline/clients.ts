/**
 * The run's client inventory: the site's connected clients compared with what the inventory (`clients.json`)
 * has seen and what was marked as known (`known-clients.json`). The inventory is written back with the rest of
 * the bookkeeping, after the report files, so a cancelled run changes nothing.
 */
import { compareClients, type ClientChanges } from '../analysis/clients/inventory.js'
import type { Logger } from '../logger.js'
import { readClientInventories, writeSiteInventory } from '../report/files/client-inventory.js'
import { readKnownClients } from '../report/files/known-clients.js'
import type { UnifiResult } from '../report/input.js'

export interface RunClients {
  site: string
  changes: ClientChanges
}

export async function runClients(
  unifi: UnifiResult,
  where: { dataDir: string; logger: Logger; nowMs: number; generatedAt: string; warnings: string[] },
): Promise<RunClients | null> {
  if (!unifi.ok || unifi.collection.clients === undefined) return null
  const site = unifi.collection.site.name
  const [inventories, known] = await Promise.all([
    readClientInventories(where.dataDir, where.logger, where.nowMs),
    readKnownClients(where.dataDir, where.logger, where.nowMs),
  ])
  for (const warning of [inventories.warning, known.warning]) if (warning) where.warnings.push(warning)
  const changes = compareClients({
    current: unifi.collection.clients,
    previous: inventories.sites[site] ?? null,
    known: known.clients,
    nowIso: where.generatedAt,
    nowMs: where.nowMs,
  })
  return { site, changes }
}

export async function recordClients(
  clients: RunClients,
  where: { dataDir: string; logger: Logger; nowMs: number },
): Promise<void> {
  await writeSiteInventory(where.dataDir, clients.site, clients.changes.inventory, where.logger, where.nowMs)
}
