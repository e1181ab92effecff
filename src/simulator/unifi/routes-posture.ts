/**
 * The configuration the posture audit reads, per posture profile: settings merged over the site's base
 * sections, WLANs, port forwards (static and UPnP), networks, the legacy firewall or the zone-based policies,
 * and the firmware and sysinfo fields. The `settings-refused` profile answers the settings endpoints with 401 to
 * an API key, as consoles that keep the classic settings from keys do.
 */
import type { SiteDataset } from '../data/dataset.js'
import type { JsonRecord } from '../data/device-builders.js'
import {
  postureDevice,
  postureFirewallRules,
  postureMigrations,
  postureNetworks,
  posturePolicies,
  posturePortForwards,
  postureSettings,
  postureSysinfo,
  postureUpnpTable,
  postureWlans,
  postureZones,
} from '../data/posture-profiles.js'
import type { SimRequest } from './request.js'
import { json, legacyOk, unifiOsUnauthorized, v2Error, type SimResponse } from './responses.js'
import type { ControllerState } from './state.js'

/** The settings documents: the site's base sections with the profile's fields merged in by key. */
export function postureSettingsDocs(state: ControllerState, site: SiteDataset): JsonRecord[] {
  const docs = site.settings().map((doc) => ({ ...doc }))
  for (const section of postureSettings(site.ctx, state.posture)) {
    const existing = docs.find((doc) => doc.key === section.key)
    if (existing !== undefined) Object.assign(existing, section)
    else
      docs.push({
        _id: `${site.ctx.siteId.slice(0, 16)}${docs.length.toString(16).padStart(8, '0')}`,
        site_id: site.ctx.siteId,
        ...section,
      })
  }
  return docs
}

/** 401 for the settings endpoints when the profile keeps them from API keys. */
export function refusesSettings(state: ControllerState, req: SimRequest, endpoint: string): SimResponse | null {
  if (state.posture !== 'settings-refused' || req.auth.kind !== 'api-key') return null
  return /^(?:rest|get)\/setting(?:\/|$)/.test(endpoint) ? unifiOsUnauthorized() : null
}

export function postureLegacy(state: ControllerState, site: SiteDataset, endpoint: string): SimResponse | null {
  const profile = state.posture
  switch (endpoint) {
    case 'rest/wlanconf':
      return legacyOk(postureWlans(site.ctx, profile))
    case 'rest/portforward':
    case 'list/portforward':
      return legacyOk(posturePortForwards(site.ctx, profile))
    case 'stat/portforward':
      return legacyOk(postureUpnpTable(site.ctx, profile))
    case 'rest/networkconf':
      return legacyOk(postureNetworks(site.ctx, profile))
    case 'rest/firewallrule':
      return legacyOk(postureFirewallRules(site.ctx, profile))
    default:
      return null
  }
}

export function postureV2(state: ControllerState, site: SiteDataset, endpoint: string): SimResponse | null {
  const zoneBasedExists = Number(state.persona.version.split('.')[0]) >= 9
  switch (endpoint) {
    case 'site-feature-migration':
      return zoneBasedExists ? json(200, postureMigrations(state.posture)) : v2Error(404, 'Not Found')
    case 'firewall-policies':
      return zoneBasedExists ? json(200, posturePolicies(site.ctx, state.posture)) : v2Error(404, 'Not Found')
    case 'firewall/zone':
      return zoneBasedExists
        ? json(200, state.posture === 'zone-based' ? postureZones(site.ctx) : [])
        : v2Error(404, 'Not Found')
    default:
      return null
  }
}

export function postureDevices(state: ControllerState, devices: JsonRecord[]): JsonRecord[] {
  return devices.map((device) => postureDevice(device, state.posture))
}

export function postureSysinfoFields(state: ControllerState): JsonRecord {
  return postureSysinfo(state.posture)
}
