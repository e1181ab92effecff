/**
 * The legacy private API (`/api/self/sites`, `/api/s/{site}/…`) with the `{meta,data}` envelope and the
 * per-persona endpoint behaviour: which legacy paths answer, answer empty or 404 on each Network version.
 */
import { driftClients, driftDevices } from './drift.js'
import type { SiteDataset } from '../data/dataset.js'
import type { JsonRecord } from '../data/device-builders.js'
import { field, numberField, type SimRequest } from './request.js'
import { legacyError, legacyNotFound, legacyOk, type SimResponse } from './responses.js'
import {
  postureDevices,
  postureLegacy,
  postureSettingsDocs,
  postureSysinfoFields,
  refusesSettings,
} from './routes-posture.js'
import { findSite, type ControllerState } from './state.js'

const HOUR_MS = 3_600_000
/** Rows per response on `stat/event`; `meta.count` then carries the full total. */
export const EVENT_PAGE_CAP = 3000
export const IPS_PAGE_CAP = 10_000

function normaliseMac(mac: unknown): string {
  return typeof mac === 'string' ? mac.toLowerCase().replaceAll('-', ':') : ''
}

function page<T>(
  start: number,
  end: number,
  offset: number,
  limit: number,
  build: (i: number) => T,
): { rows: T[]; total: number } {
  const total = Math.max(0, end - start)
  const first = start + Math.max(0, offset)
  const last = Math.min(end, first + Math.max(0, limit))
  const rows: T[] = []
  for (let i = first; i < last; i++) rows.push(build(i))
  return { rows, total }
}

function paged(rows: unknown[], total: number): SimResponse {
  return legacyOk(rows, total > rows.length ? total : undefined)
}

function events(state: ControllerState, site: SiteDataset, req: SimRequest): SimResponse {
  if (state.persona.legacyEvents === 'missing') return legacyNotFound()
  if (state.persona.legacyEvents === 'empty') return legacyOk([])
  const within = numberField(req.body, 'within') ?? Number(req.query.get('within') ?? 720)
  const start = numberField(req.body, '_start') ?? 0
  const limit = Math.min(numberField(req.body, '_limit') ?? EVENT_PAGE_CAP, EVENT_PAGE_CAP)
  const now = state.now()
  const [from, to] = site.eventRange(now - within * HOUR_MS, now)
  const { rows, total } = page(from, to, start, limit, (i) => site.event(i))
  return paged(rows, total)
}

function ipsEvents(state: ControllerState, site: SiteDataset, req: SimRequest): SimResponse {
  if (state.persona.legacyIps === 'missing') return legacyNotFound()
  if (state.persona.legacyIps === 'empty') return legacyOk([])
  const now = state.now()
  const end = numberField(req.body, 'end') ?? now
  const startMs = numberField(req.body, 'start') ?? end - 24 * HOUR_MS
  const limit = Math.min(numberField(req.body, '_limit') ?? IPS_PAGE_CAP, IPS_PAGE_CAP)
  const [from, to] = site.threatRange(startMs, end)
  const { rows, total } = page(from, to, numberField(req.body, '_start') ?? 0, limit, (i) => site.legacyIps(i))
  return paged(rows, total)
}

function alarms(state: ControllerState, site: SiteDataset, req: SimRequest, which: 'list' | 'stat'): SimResponse {
  const mode = which === 'list' ? state.persona.listAlarm : state.persona.statAlarm
  if (mode === 'invalid-object') return legacyError(400, 'api.err.InvalidObject')
  if (mode === 'empty') return legacyOk([])
  const archived = field(req.body, 'archived') ?? req.query.get('archived')
  const all = site.alarms()
  return legacyOk(archived === false || archived === 'false' ? all.filter((a) => a.archived === false) : all)
}

function devices(state: ControllerState, site: SiteDataset, req: SimRequest, basic: boolean): SimResponse {
  const macs = field(req.body, 'macs')
  const own = site.ctx.name === 'default' ? driftDevices(site.devices(), state.drift) : site.devices()
  let list = postureDevices(state, own)
  if (Array.isArray(macs) && macs.length > 0) {
    const wanted = new Set(macs.map(normaliseMac))
    list = list.filter((d) => wanted.has(normaliseMac(d.mac)))
  }
  if (basic) {
    list = list.map((d) => ({
      mac: d.mac,
      state: d.state,
      adopted: d.adopted,
      disabled: false,
      type: d.type,
      model: d.model,
      name: d.name,
    }))
  }
  return legacyOk(list)
}

function settingsSection(state: ControllerState, site: SiteDataset, key: string | undefined): SimResponse {
  const all = postureSettingsDocs(state, site)
  return legacyOk(key ? all.filter((s: JsonRecord) => s.key === key) : all)
}

/** `rest` is the path below the Network API root (no `/proxy/network`). */
export function legacyRoute(state: ControllerState, req: SimRequest, rest: string): SimResponse {
  if (rest === '/api/self/sites') return legacyOk(state.sites.map((s) => s.site()))
  if (rest === '/api/stat/sites') {
    return legacyOk(
      state.sites.map((s) => ({
        ...s.site(),
        health: s.health(),
        num_new_alarms: s.alarms().filter((a) => a.archived === false).length,
      })),
    )
  }
  if (rest === '/api/self' && !state.persona.unifiOs)
    return legacyOk([{ name: state.credentials.username, is_super: false }])
  const match = /^\/api\/s\/([^/]+)\/(.+)$/.exec(rest)
  if (!match) return legacyNotFound()
  const [, siteName = '', endpoint = ''] = match
  const site = findSite(state, decodeURIComponent(siteName))
  if (!site) return legacyError(400, 'api.err.NoSiteContext')
  const refused = refusesSettings(state, req, endpoint)
  if (refused !== null) return refused
  const facts = { version: state.persona.version, unifiOs: state.persona.unifiOs, hostname: state.persona.hostname }
  switch (endpoint) {
    case 'stat/sysinfo':
      return legacyOk([{ ...site.sysinfo(facts), ...postureSysinfoFields(state) }])
    case 'stat/health':
      return legacyOk(site.health())
    case 'stat/device':
      return devices(state, site, req, false)
    case 'stat/device-basic':
      return devices(state, site, req, true)
    case 'stat/sta':
      return legacyOk(
        site.ctx.name === 'default' ? driftClients(site.clients(), state.drift, state.now()) : site.clients(),
      )
    case 'stat/event':
      return events(state, site, req)
    case 'stat/ips/event':
      return ipsEvents(state, site, req)
    case 'list/alarm':
      return alarms(state, site, req, 'list')
    case 'stat/alarm':
      return alarms(state, site, req, 'stat')
    case 'cnt/alarm': {
      const mode = state.persona.statAlarm
      return legacyOk([{ count: mode === 'empty' ? 0 : site.alarms().filter((a) => a.archived === false).length }])
    }
    case 'rest/setting':
    case 'get/setting':
      return settingsSection(state, site, undefined)
    default: {
      const section = /^(?:rest|get)\/setting\/([a-z_]+)$/.exec(endpoint)
      if (section) return settingsSection(state, site, section[1])
      return postureLegacy(state, site, endpoint) ?? legacyNotFound()
    }
  }
}
