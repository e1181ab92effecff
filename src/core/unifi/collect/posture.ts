/**
 * The configuration posture reads of one site, all read-only and all in the run's one wave: WLANs, port forwards (static and UPnP), networks, and the firewall the site actually runs. The firewall
 * needs one decision first: a site migrated to the zone-based firewall keeps an empty `rest/firewallrule`, and
 * an unmigrated one answers empty zone policies, so `site-feature-migration` is read first and only the surface
 * in use is read after it (docs/configuration-posture.md#firewall-legacy-or-zone-based). The UPnP mappings are
 * read only when the run's settings read says UPnP is on (or could not say): with UPnP off there are none to
 * read. Every read fails on its own; a failure makes only the checks that need it "could not check".
 */
import { legacyPath, legacyRead, v2Path, v2Read } from '../endpoints.js'
import { EndpointUnsupportedError } from '../errors.js'
import { withRank } from '../request-limiter.js'
import type {
  PostureCollection,
  PostureFirewall,
  PostureRead,
  PostureSettings,
  PostureUpnpMapping,
} from '../posture-model.js'
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
const ZONE_BASED_FEATURE = 'ZONE_BASED_FIREWALL'

/**
 * The ranks of the posture's chains in the console's queue: each has a first read others wait for, so it goes
 * out with the first requests of the wave and its follow-up still overlaps the rest of the wave instead of
 * adding a round trip at its end. The single reads (WLANs, forwards, networks) take the source's own rank.
 */
export const POSTURE_CHAIN_RANK = {
  /** `site-feature-migration` → the firewall surface in use. */
  firewall: 0.5,
  /** The settings read (`rest/setting`, the threat-management source) → the UPnP mappings when UPnP is on. */
  upnp: 1,
} as const

/**
 * `settings` is the run's settings read (shared, never a second request); `null` when it could not be read,
 * so whether UPnP is on is unknown and the mappings are read.
 */
export async function collectPosture(
  ctx: CollectContext,
  settings: () => Promise<PostureSettings | null>,
  signal: AbortSignal,
): Promise<PostureResult> {
  const legacy = async (endpoint: string): Promise<unknown[]> =>
    (await legacyRead(ctx.session, legacyPath(ctx.session, ctx.site, endpoint), endpoint, signal)).data
  // One log per read, joined in this order: the record must not depend on which answer came first.
  const logs = [new SourceLog(), new SourceLog(), new SourceLog(), new SourceLog(), new SourceLog()] as const
  const [firewallLog, wlanLog, forwardLog, upnpLog, networkLog] = logs
  const [wlans, portForwards, upnp, networks, firewall] = await Promise.all([
    postureRead(wlanLog, 'rest/wlanconf', async () => list(await legacy('rest/wlanconf'), parseWlans)),
    postureRead(forwardLog, 'rest/portforward', async () => list(await legacy('rest/portforward'), parsePortForwards)),
    withRank(POSTURE_CHAIN_RANK.upnp, () => readUpnp(upnpLog, settings, legacy)),
    postureRead(networkLog, 'rest/networkconf', async () => list(await legacy('rest/networkconf'), parseNetworks)),
    withRank(POSTURE_CHAIN_RANK.firewall, () => readFirewall(ctx, firewallLog, signal, legacy)),
  ])
  const log = new SourceLog()
  for (const branch of logs) log.append(branch)
  return { value: { wlans, portForwards, upnp, networks, firewall }, log }
}

/** UPnP mappings, asked for only when UPnP is on or its state is unknown: with UPnP off there are none. */
async function readUpnp(
  log: SourceLog,
  settings: () => Promise<PostureSettings | null>,
  legacy: (endpoint: string) => Promise<unknown[]>,
): Promise<PostureRead<PostureUpnpMapping[]>> {
  const known = await settings().catch(() => null)
  if (known?.usg?.upnpEnabled === false) {
    log.skipped('posture', UPNP_ENDPOINT, `${UPNP_OFF}; ${UPNP_ENDPOINT} was not asked for.`, 'not needed: UPnP is off')
    return { state: 'not-needed', endpoint: UPNP_ENDPOINT, reason: `${UPNP_OFF}, so its mappings were not read` }
  }
  return postureRead(log, UPNP_ENDPOINT, async () => list(await legacy(UPNP_ENDPOINT), parseUpnpMappings))
}

const UPNP_ENDPOINT = 'stat/portforward'
const UPNP_OFF = 'UPnP is off (usg.upnp_enabled = false)'

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
  if (migration.state !== 'read')
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
  if (policies.state !== 'read') return policies
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
