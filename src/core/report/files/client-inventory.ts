/**
 * `clients.json` in the data folder: the client inventory of every site (what the next report compares with).
 * Several processes share the folder, so the update after a report is a read-merge-write under a lock; the file
 * is written atomically and private (0600). A damaged file is set aside and the next report records a new
 * baseline, saying so.
 */
import { join } from 'node:path'
import { z } from 'zod'
import type { SiteInventory } from '../../analysis/clients/inventory.js'
import { withFileLock } from '../../files/file-lock.js'
import type { Logger } from '../../logger.js'
import { writeFileAtomic } from './atomic-write.js'
import { readRecoverableJson } from './recoverable-json.js'

export const CLIENTS_FILE = 'clients.json'

const inventoryClient = z.object({
  mac: z.string().max(17),
  name: z.string().max(200).nullable(),
  manufacturer: z.string().max(200).nullable(),
  wired: z.boolean(),
  network: z.string().max(200).nullable(),
  vlan: z.number().int().nullable(),
  ssid: z.string().max(200).nullable(),
  guest: z.boolean(),
  randomised: z.boolean(),
  firstSeen: z.string(),
  lastSeen: z.string(),
})

const siteInventory = z.object({
  baselineAt: z.string(),
  updatedAt: z.string(),
  clients: z.array(inventoryClient).max(5000),
})

const clientsFileSchema = z.object({ schemaVersion: z.literal(1), sites: z.record(z.string(), siteInventory) })
type ClientsFile = z.infer<typeof clientsFileSchema>

export interface ClientInventories {
  sites: Record<string, SiteInventory>
  warning: string | null
}

export async function readClientInventories(
  dataDir: string,
  logger: Logger,
  nowMs: number,
): Promise<ClientInventories> {
  const read = await readRecoverableJson<ClientsFile>({
    path: join(dataDir, CLIENTS_FILE),
    schema: clientsFileSchema,
    label: 'client inventory',
    logger,
    nowMs,
  })
  if (read.status === 'ok') return { sites: read.value.sites, warning: null }
  return { sites: {}, warning: read.status === 'corrupt' ? read.warning : null }
}

/** Replaces one site's inventory, keeping every other site as another process may just have written it. */
export async function writeSiteInventory(
  dataDir: string,
  site: string,
  inventory: SiteInventory,
  logger: Logger,
  nowMs: number,
): Promise<void> {
  await withFileLock(dataDir, CLIENTS_FILE, logger, async () => {
    const current = await readClientInventories(dataDir, logger, nowMs)
    const sites = { ...current.sites, [site]: inventory }
    await writeFileAtomic(join(dataDir, CLIENTS_FILE), `${JSON.stringify({ schemaVersion: 1, sites })}\n`)
  })
}
