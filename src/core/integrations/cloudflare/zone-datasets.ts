/**
 * Reads one GraphQL analytics dataset for many zones: zones whose plan has the dataset switched off are set
 * aside, the rest are queried in batches of at most 10 with each zone's window clipped to its plan's look-back,
 * and each zone's answer is parsed or recorded as that zone's failure. Security events and DNS analytics differ
 * only in the selection and the parser.
 */
import type { ScannerError } from '../../errors.js'
import type { ReportWindow } from '../../unifi/model.js'
import type { CloudflareClient } from './client.js'
import { chunk, runZoneBatch, toCloudflareTime } from './graphql.js'
import type { CloudflareZone, QueriedWindow, ZoneLimits } from './model.js'
import { clipWindow, planDefaultLimits } from './plan-limits.js'

export interface ZoneFailure {
  zone: CloudflareZone
  error: ScannerError
}

export interface ZoneDatasetQuery<T> {
  dataset: 'securityEvents' | 'dns'
  operation: string
  /** Plain words for error messages, e.g. "DNS analytics". */
  what: string
  /** The GraphQL selection for the i-th zone of a batch, using `$since{i}` / `$until{i}`. */
  selection: (i: number) => string
  parse: (zone: CloudflareZone, window: QueriedWindow, node: Record<string, unknown>) => T
}

export interface ZoneDatasetFetch<T> {
  perZone: T[]
  failures: ZoneFailure[]
  /** Zones whose plan has the dataset switched off. */
  unavailable: CloudflareZone[]
}

export async function fetchZoneDataset<T>(
  client: CloudflareClient,
  zones: readonly CloudflareZone[],
  limits: ReadonlyMap<string, ZoneLimits>,
  window: ReportWindow,
  now: number,
  query: ZoneDatasetQuery<T>,
): Promise<ZoneDatasetFetch<T>> {
  const isEnabled = (zone: CloudflareZone): boolean => limits.get(zone.id)?.[query.dataset].enabled !== false
  const unavailable = zones.filter((zone) => !isEnabled(zone))
  const perZone: T[] = []
  const failures: ZoneFailure[] = []
  for (const batch of chunk(zones.filter(isEnabled))) {
    const windows = batch.map((zone) =>
      clipWindow(window, (limits.get(zone.id) ?? planDefaultLimits(zone.plan))[query.dataset], now),
    )
    const results = await runZoneBatch(client, {
      operation: query.operation,
      what: query.what,
      zoneIds: batch.map((zone) => zone.id),
      variablesFor: (i) => ({
        [`since${i}`]: { type: 'Time', value: toCloudflareTime(windows[i]?.since ?? window.since) },
        [`until${i}`]: { type: 'Time', value: toCloudflareTime(windows[i]?.until ?? window.until) },
      }),
      selectionFor: query.selection,
    })
    results.forEach((result, i) => {
      const zone = batch[i]
      const zoneWindow = windows[i]
      if (zone === undefined || zoneWindow === undefined) return
      if (!result.ok) failures.push({ zone, error: result.error })
      else perZone.push(query.parse(zone, zoneWindow, result.node))
    })
  }
  return { perZone, failures, unavailable }
}
