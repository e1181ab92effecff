import { mix, objectId } from './prng.js'

/** The per-site constants every generator shares. */
export interface SiteContext {
  seed: number
  /** Short site name used in URLs (`default`, `branch`). */
  name: string
  description: string
  /** Mongo id of the site (`site_id` on every record). */
  siteId: string
  /** Timestamps are generated over the 24 h before this instant (epoch ms). */
  anchorMs: number
  /** The gateway's public address (`usgip`, `wan_ip`). */
  wanIp: string
  /** First three octets of the LAN, e.g. `192.168.1`. */
  lanPrefix: string
  /** Threat-management profile of the gateway. */
  ips: IpsProfile
}

/**
 * How the simulated gateway's IPS is set up: `mode` is what `rest/setting` reports (`disabled` also means no IPS
 * events at all), and `etOpenOnly` replaces every ET PRO signature by an ET Open one (a console without CyberSecure).
 */
export interface IpsProfile {
  mode: 'ips' | 'ids' | 'disabled'
  etOpenOnly: boolean
}

export const DEFAULT_IPS_PROFILE: IpsProfile = { mode: 'ips', etOpenOnly: false }

export function createSiteContext(
  seed: number,
  name: string,
  description: string,
  anchorMs: number,
  ips: IpsProfile = DEFAULT_IPS_PROFILE,
): SiteContext {
  const h = mix(seed, 0x5173)
  const lanOctet = name === 'default' ? 1 : 20 + (h % 200)
  return {
    seed,
    name,
    description,
    siteId: objectId(seed, 0x517e, 0),
    anchorMs,
    // 203.0.113.0/24 is documentation space, so no generated address points at a real host.
    wanIp: `203.0.113.${10 + (h % 200)}`,
    lanPrefix: `192.168.${lanOctet}`,
    ips,
  }
}

export function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`
}
