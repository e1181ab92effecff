/**
 * Cloudflare Tunnels (`cfd_tunnel`, never deleted ones) per account, with their live edge connections from
 * the connections endpoint — the `connections` array embedded in the tunnel object is deprecated and
 * always empty, so counting it would report 0 connections for every tunnel.
 */
import type { ScannerError } from '../../errors.js'
import { TOKEN_INVALID } from './api-errors.js'
import type { CloudflareClient } from './client.js'
import type { TunnelStatus, TunnelSummary, TunnelsResult } from './model.js'
import { tunnelConnectorSchema, tunnelSchema, type RawTunnel, type RawTunnelConnector } from './schemas.js'

/** Connections calls in flight at once: enough to be quick, far below Cloudflare's per-IP limit. */
const CONNECTION_CONCURRENCY = 4

export interface TunnelsFetch {
  result: TunnelsResult
  /** Tunnels whose connections could not be read (the tunnel itself is still listed). */
  connectionFailures: { tunnel: string; error: ScannerError }[]
}

export async function fetchTunnels(client: CloudflareClient, accountIds: readonly string[]): Promise<TunnelsFetch> {
  const tunnels: TunnelSummary[] = []
  const connectionFailures: TunnelsFetch['connectionFailures'] = []
  for (const accountId of accountIds) {
    const base = `/accounts/${encodeURIComponent(accountId)}/cfd_tunnel`
    const raw = await client.getAllPages(base, { is_deleted: 'false' }, tunnelSchema, 50)
    // Defence in depth: a deleted tunnel is history, not an outage, even if the filter was ignored.
    const live = raw.filter((t) => !t.deleted_at)
    const summaries = await mapLimited(live, CONNECTION_CONCURRENCY, async (tunnel) => {
      try {
        const { result } = await client.get(
          `${base}/${encodeURIComponent(tunnel.id)}/connections`,
          {},
          tunnelConnectorSchema.array(),
        )
        return summarise(tunnel, accountId, result)
      } catch (error) {
        const scannerError = error as ScannerError
        if (scannerError.code === TOKEN_INVALID || scannerError.kind === 'aborted' || scannerError.kind === 'timeout')
          throw error
        connectionFailures.push({ tunnel: tunnel.name, error: scannerError })
        return summarise(tunnel, accountId, null)
      }
    })
    tunnels.push(...summaries)
  }
  return { result: { tunnels, accountIds: [...accountIds] }, connectionFailures }
}

export function tunnelStatus(value: string | null | undefined): TunnelStatus {
  const lower = (value ?? '').toLowerCase()
  return lower === 'healthy' || lower === 'degraded' || lower === 'down' ? lower : 'inactive'
}

export function summarise(
  tunnel: RawTunnel,
  accountId: string,
  connectors: RawTunnelConnector[] | null,
): TunnelSummary {
  const conns = (connectors ?? []).flatMap((c) => c.conns ?? [])
  const active = conns.filter((c) => c.is_pending_reconnect !== true)
  const distinct = (values: (string | undefined)[]) =>
    [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))].sort()
  return {
    id: tunnel.id,
    name: tunnel.name,
    accountId: tunnel.account_tag ?? accountId,
    status: tunnelStatus(tunnel.status),
    createdAt: tunnel.created_at ?? null,
    connsInactiveAt: tunnel.conns_inactive_at ?? null,
    activeConnections: connectors === null ? null : active.length,
    connectors: connectors === null ? null : connectors.length,
    connectorVersions: distinct((connectors ?? []).map((c) => c.version)),
    colos: distinct(active.map((c) => c.colo_name)),
    originIps: distinct(active.map((c) => c.origin_ip)),
  }
}

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next
      next += 1
      const item = items[index] as T
      results[index] = await fn(item)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
