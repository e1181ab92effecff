/**
 * The configuration posture reads of one site, all read-only and all in the run's one wave: WLANs, port forwards (static and UPnP), networks, and the firewall the site actually runs. The firewall
 * needs one decision first: a site migrated to the zone-based firewall keeps an empty `rest/firewallrule`, and
 * an unmigrated one answers empty zone policies, so `site-feature-migration` is read first and only the surface
 * in use is read after it (docs/configuration-posture.md#firewall-legacy-or-zone-based). Every read fails on its own; a
 * failure makes only the checks that need it "could not check".
 */
import { legacyPath, legacyRead, v2Path, v2Read } from '../endpoints.js'
import { EndpointUnsupportedError } from '../errors.js'
import { withRank } from '../request-limiter.js'
import type { PostureCollection, PostureFirewall, PostureRead } from '../posture-model.js'
import { isPlainObject } from '../schemas/primitives.js'
import {
  parseFirewallRules,
  parseNetworks,
  parsePolicies,
  parsePortForwards,
  parseUpnpMappings,
  parseWlans,
  parseZones,
} from '../schemas/posture-config.js'
import { SourceLog } from '../source-log.js'
import type { CollectContext } from './context.js'
import { postureRead, type Parsed } from './posture-read.js'

/** The settings come from the run's settings read (`collectIpsSettings`), the devices and sysinfo likewise. */
export type PostureReads = Omit<PostureCollection, 'settings' | 'devices' | 'sysinfo'>

export interface PostureResult {
  value: PostureReads
  log: SourceLog
}

const MIGRATION_ENDPOINT = 'site-feature-migration'
/** Between the site list and version (0) and the first fallback chain (1) in the console's queue. */
export const FIREWALL_RANK = 0.5
const ZONE_BASED_FEATURE = 'ZONE_BASED_FIREWALL'

export async function collectPosture(ctx: CollectContext, signal: AbortSignal): Promise<PostureResult> {
  const log = new SourceLog()
  const legacy = async (endpoint: string): Promise<unknown[]> =>
    (await legacyRead(ctx.session, legacyPath(ctx.session, ctx.site, endpoint), endpoint, signal)).data
  const [wlans, portForwards, upnp, networks, firewall] = await Promise.all([
    postureRead(log, 'rest/wlanconf', async () => list(await legacy('rest/wlanconf'), parseWlans)),
    postureRead(log, 'rest/portforward', async () => list(await legacy('rest/portforward'), parsePortForwards)),
    postureRead(log, 'stat/portforward', async () => list(await legacy('stat/portforward'), parseUpnpMappings)),
    postureRead(log, 'rest/networkconf', async () => list(await legacy('rest/networkconf'), parseNetworks)),
    // Two reads in a row: the migration goes out with the first requests of the wave, so the firewall read
    // after it still overlaps the rest of the wave instead of adding a round trip at its end.
    withRank(FIREWALL_RANK, () => readFirewall(ctx, log, signal, legacy)),
  ])
  return { value: { wlans, portForwards, upnp, networks, firewall }, log }
}

async function readFirewall(
  ctx: CollectContext,
  log: SourceLog,
  signal: AbortSignal,
  legacy: (endpoint: string) => Promise<unknown[]>,
): Promise<PostureRead<PostureFirewall>> {
  const migration = await postureRead(log, MIGRATION_ENDPOINT, async () => {
    try {
      const body = await v2Read(
        ctx.session,
        v2Path(ctx.session, ctx.site, MIGRATION_ENDPOINT),
        MIGRATION_ENDPOINT,
        signal,
      )
      return { value: zoneBasedIn(body), count: 1, rejected: 0 }
    } catch (error) {
      // Consoles before the zone-based firewall (Network < 9.0) have no migration endpoint: legacy rules.
      if (error instanceof EndpointUnsupportedError && error.status === 404)
        return { value: false, count: 1, rejected: 0 }
      throw error
    }
  })
  if (migration.state === 'unavailable')
    return {
      state: 'unavailable',
      endpoint: MIGRATION_ENDPOINT,
      reason: `which firewall the site uses is unknown (${migration.reason})`,
    }
  if (!migration.value) {
    return postureRead(log, 'rest/firewallrule', async (): Promise<Parsed<PostureFirewall>> => {
      const { values, rejected } = parseFirewallRules(await legacy('rest/firewallrule'))
      return { value: { mode: 'legacy', rules: values }, count: values.length, rejected }
    })
  }
  const v2List = async (endpoint: string): Promise<unknown[]> => {
    return entriesOf(await v2Read(ctx.session, v2Path(ctx.session, ctx.site, endpoint), endpoint, signal))
  }
  const [policies, zones] = await Promise.all([
    postureRead(log, 'firewall-policies', async () => list(await v2List('firewall-policies'), parsePolicies)),
    postureRead(log, 'firewall/zone', async () => list(await v2List('firewall/zone'), parseZones)),
  ])
  if (policies.state === 'unavailable') return policies
  return {
    state: 'read',
    endpoint: 'firewall-policies',
    value: { mode: 'zone-based', policies: policies.value, zones: zones.state === 'read' ? zones.value : null },
  }
}

function list<T>(items: unknown[], parse: (items: readonly unknown[]) => { values: T[]; rejected: number }) {
  const { values, rejected } = parse(items)
  return { value: values, count: values.length, rejected }
}

/** The migration list names the features a site has moved to; the zone-based firewall is one entry. */
export function zoneBasedIn(body: unknown): boolean {
  return entriesOf(body).some(
    (entry) => isPlainObject(entry) && typeof entry.feature === 'string' && entry.feature === ZONE_BASED_FEATURE,
  )
}

/** A v2 list: a bare array, or (on some builds) wrapped in `data`. */
function entriesOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body as unknown[]
  if (isPlainObject(body) && Array.isArray(body.data)) return body.data as unknown[]
  return []
}
