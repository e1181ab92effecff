/**
 * What the Trends and Clients screens show, read from the engine's files in each history's own folders (real and
 * demo apart): trend points per site from the history index and its archive, and the client inventory with what
 * was marked as known. Marking a client as known writes the real data folder's list (the demo's clients are
 * simulated), and the CSV export lands in the reports folder.
 */
import { join } from 'node:path'
import type { Logger } from '../../core/logger.js'
import { siteTrendPoints } from '../../core/pipeline/trends.js'
import { siteOf } from '../../core/pipeline/site-history.js'
import { readClientInventories } from '../../core/report/files/client-inventory.js'
import { readHistoryArchive } from '../../core/report/files/history-archive.js'
import { readHistory } from '../../core/report/files/history.js'
import { markClientKnown, readKnownClients } from '../../core/report/files/known-clients.js'
import { writeFileAtomic } from '../../core/report/files/atomic-write.js'
import { fileStamp } from '../../core/time.js'
import { clientsCsv } from '../../core/report/clients-csv.js'
import type { ClientInventory, Trends, TrendsRequest } from '../../shared/ipc/insights.js'

export interface InsightShelf {
  dataDir: string
  reportsDir: string
  demo: boolean
}

const DAY_MS = 86_400_000

export async function readTrends(
  shelves: readonly InsightShelf[],
  days: TrendsRequest['days'],
  logger: Logger,
  nowMs: number,
): Promise<Trends> {
  const sites: Trends['sites'] = []
  for (const shelf of shelves) {
    const [history, archive] = await Promise.all([
      readHistory(shelf, logger, nowMs),
      readHistoryArchive(shelf.dataDir, logger, nowMs),
    ])
    const names = new Set<string>()
    for (const entry of history.entries) if (entry.demo === shelf.demo && entry.ok) names.add(siteOf(entry) ?? '')
    for (const point of archive.points) if (point.demo === shelf.demo) names.add(point.site)
    names.delete('')
    for (const site of [...names].sort()) {
      const points = siteTrendPoints(history.entries, site, shelf.demo, nowMs - days * DAY_MS, archive.points)
      if (points.length === 0) continue
      sites.push({
        site,
        demo: shelf.demo,
        points: points.map(({ at, severe, medium, low, threats, blocked, detected, score }) => ({
          at,
          severe,
          medium,
          low,
          threats,
          blocked,
          detected,
          score,
        })),
      })
    }
  }
  return { days, sites }
}

export async function readInventory(
  shelves: readonly InsightShelf[],
  logger: Logger,
  nowMs: number,
): Promise<ClientInventory> {
  const sites: ClientInventory['sites'] = []
  const warnings: string[] = []
  const real = shelves.find((shelf) => !shelf.demo)
  const known = real ? await readKnownClients(real.dataDir, logger, nowMs) : { clients: [], warning: null }
  if (known.warning) warnings.push(known.warning)
  const byMac = new Map(known.clients.map((client) => [client.mac, client]))
  for (const shelf of shelves) {
    const inventories = await readClientInventories(shelf.dataDir, logger, nowMs)
    if (inventories.warning) warnings.push(inventories.warning)
    for (const [site, inventory] of Object.entries(inventories.sites).sort(([a], [b]) => a.localeCompare(b))) {
      sites.push({
        site,
        demo: shelf.demo,
        baselineAt: inventory.baselineAt,
        clients: inventory.clients.map((client) => ({
          ...client,
          known: byMac.has(client.mac),
          knownName: byMac.get(client.mac)?.name ?? null,
        })),
      })
    }
  }
  return { sites, warning: warnings.length > 0 ? warnings.join(' ') : null }
}

export async function markKnown(
  shelves: readonly InsightShelf[],
  client: { mac: string; name?: string | undefined },
  logger: Logger,
  now: Date,
): Promise<ClientInventory> {
  const real = shelves.find((shelf) => !shelf.demo) ?? shelves[0]
  if (real) await markClientKnown(real.dataDir, client, logger, now)
  return readInventory(shelves, logger, now.getTime())
}

/** The inventory as CSV in the real reports folder (`clients-YYYY-MM-DD-HHmmss.csv`); answers its path. */
export async function exportInventory(
  shelves: readonly InsightShelf[],
  logger: Logger,
  nowMs: number,
  timezone: string,
): Promise<{ path: string; clients: number }> {
  const inventory = await readInventory(shelves, logger, nowMs)
  const real = shelves.find((shelf) => !shelf.demo) ?? shelves[0]
  const dir = real?.reportsDir ?? '.'
  const path = join(dir, `clients-${fileStamp(nowMs, timezone)}.csv`)
  await writeFileAtomic(path, clientsCsv(inventory.sites))
  return { path, clients: inventory.sites.reduce((sum, site) => sum + site.clients.length, 0) }
}
