/**
 * `known-clients.json` in the data folder: the clients someone marked as known (with an optional name), which
 * never appear as new again, on any site. Marked from the app; read by every report. Written atomically, private
 * (0600), each change a read-merge-write under a lock so the app and a CLI run never lose each other's marks.
 */
import { join } from 'node:path'
import { z } from 'zod'
import type { KnownClient } from '../../analysis/clients/inventory.js'
import { normaliseMac } from '../../analysis/clients/mac.js'
import { ConfigError } from '../../errors.js'
import { withFileLock } from '../../files/file-lock.js'
import type { Logger } from '../../logger.js'
import { writeFileAtomic } from './atomic-write.js'
import { readRecoverableJson } from './recoverable-json.js'

export const KNOWN_CLIENTS_FILE = 'known-clients.json'
export const MAX_KNOWN_CLIENTS = 10_000

const knownClient = z.object({ mac: z.string().max(17), name: z.string().max(100).nullable(), markedAt: z.string() })
const knownFileSchema = z.object({ schemaVersion: z.literal(1), clients: z.array(knownClient).max(MAX_KNOWN_CLIENTS) })
type KnownFile = z.infer<typeof knownFileSchema>

export interface KnownClients {
  clients: KnownClient[]
  warning: string | null
}

export async function readKnownClients(dataDir: string, logger: Logger, nowMs: number): Promise<KnownClients> {
  const read = await readRecoverableJson<KnownFile>({
    path: join(dataDir, KNOWN_CLIENTS_FILE),
    schema: knownFileSchema,
    label: 'known clients list',
    logger,
    nowMs,
  })
  if (read.status === 'ok') return { clients: read.value.clients, warning: null }
  return { clients: [], warning: read.status === 'corrupt' ? read.warning : null }
}

/** Marks a client as known (or renames it); returns the whole list. */
export async function markClientKnown(
  dataDir: string,
  client: { mac: string; name?: string | null },
  logger: Logger,
  now: Date,
): Promise<KnownClient[]> {
  const mac = normaliseMac(client.mac)
  if (mac === null) throw new ConfigError(`"${client.mac.slice(0, 40)}" is not a MAC address (aa:bb:cc:dd:ee:ff).`)
  const name = client.name?.trim().slice(0, 100) || null
  return changeKnown(dataDir, logger, now.getTime(), (clients) => [
    { mac, name, markedAt: now.toISOString() },
    ...clients.filter((existing) => existing.mac !== mac),
  ])
}

export async function forgetKnownClient(
  dataDir: string,
  mac: string,
  logger: Logger,
  nowMs: number,
): Promise<KnownClient[]> {
  const normalised = normaliseMac(mac)
  return changeKnown(dataDir, logger, nowMs, (clients) => clients.filter((existing) => existing.mac !== normalised))
}

async function changeKnown(
  dataDir: string,
  logger: Logger,
  nowMs: number,
  change: (clients: KnownClient[]) => KnownClient[],
): Promise<KnownClient[]> {
  return withFileLock(dataDir, KNOWN_CLIENTS_FILE, logger, async () => {
    const current = await readKnownClients(dataDir, logger, nowMs)
    const clients = change(current.clients).slice(0, MAX_KNOWN_CLIENTS)
    await writeFileAtomic(
      join(dataDir, KNOWN_CLIENTS_FILE),
      `${JSON.stringify({ schemaVersion: 1, clients }, null, 2)}\n`,
    )
    return clients
  })
}
