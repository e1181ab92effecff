/**
 * The v2 private API: `system-log/{class}` (paged, window in ms, category enum) and `traffic-flows`
 * (old `{limit,offset,timeRange}` body on 9.x, the filter body on 10.x).
 */
import type { SiteDataset } from '../data/dataset.js'
import { LOG_CATEGORIES, LOG_SEVERITIES } from '../data/event-kinds.js'
import { field, numberField, type SimRequest } from './request.js'
import { json, v2Error, type SimResponse } from './responses.js'
import { postureV2 } from './routes-posture.js'
import { findSite, type ControllerState } from './state.js'

const DAY_MS = 86_400_000
const MAX_PAGE_SIZE = 1000

const CLASS_CATEGORIES: Record<string, readonly string[] | undefined> = {
  all: undefined,
  critical: undefined,
  count: undefined,
  'threat-alert': ['SECURITY'],
  'device-alert': ['UNIFI_DEVICES', 'POWER', 'UNIFI_ETHERNET_PORTS'],
  'admin-activity': ['AUDIT'],
  'update-alert': ['SOFTWARE_UPDATES'],
  'client-alert': ['CLIENT_DEVICES'],
  'vpn-alert': ['VPN'],
}
/** Classes that exist but that the simulated console never fills. */
const EMPTY_CLASSES = new Set(['next-ai-alert', 'triggers'])

function enumError(typeName: string, value: string, allowed: readonly string[]): SimResponse {
  return v2Error(
    400,
    `JSON parse error: Cannot deserialize value of type \`com.ubnt.usp.system.log.${typeName}\` from String "${value}": not one of the values accepted for Enum class: [${allowed.join(', ')}]`,
  )
}

function stringList(body: unknown, name: string): string[] | null {
  const value = field(body, name)
  if (!Array.isArray(value)) return null
  return value.filter((v): v is string => typeof v === 'string')
}

function intersect(a: readonly string[] | null, b: readonly string[] | undefined): Set<string> | null {
  if (!a || a.length === 0) return b ? new Set(b) : null
  return new Set(b ? a.filter((x) => b.includes(x)) : a)
}

function systemLog(state: ControllerState, site: SiteDataset, req: SimRequest, logClass: string): SimResponse {
  if (req.method === 'GET' && logClass === 'setting') return json(200, { retention_days: 30, syslog_enabled: false })
  if (req.method !== 'POST') return v2Error(405, `Request method '${req.method}' is not supported`)
  if (req.bodyInvalid) return v2Error(400, 'JSON parse error: Unexpected character')
  if (!(logClass in CLASS_CATEGORIES) && !EMPTY_CLASSES.has(logClass))
    return v2Error(404, `No static resource ${logClass}.`)
  let categories = stringList(req.body, 'categories')
  let severities = stringList(req.body, 'severities')
  if (state.persona.strictLogCategories) {
    const badCategory = categories?.find((c) => !(LOG_CATEGORIES as readonly string[]).includes(c))
    if (badCategory !== undefined) return enumError('SystemLogCategory', badCategory, LOG_CATEGORIES)
    const badSeverity = severities?.find((s) => !(LOG_SEVERITIES as readonly string[]).includes(s))
    if (badSeverity !== undefined) return enumError('SystemLogSeverity', badSeverity, LOG_SEVERITIES)
  } else {
    // Older firmware ignores names it does not know.
    categories = categories?.filter((c) => (LOG_CATEGORIES as readonly string[]).includes(c)) ?? null
    severities = severities?.filter((s) => (LOG_SEVERITIES as readonly string[]).includes(s)) ?? null
  }
  const pageSize = numberField(req.body, 'pageSize') ?? 100
  const pageNumber = numberField(req.body, 'pageNumber') ?? 0
  if (pageSize < 1 || pageSize > MAX_PAGE_SIZE || pageNumber < 0)
    return v2Error(400, 'pageSize must be between 1 and 1000')
  const now = state.now()
  const toMs = numberField(req.body, 'timestampTo') ?? now
  const fromMs = numberField(req.body, 'timestampFrom') ?? toMs - DAY_MS
  const positions = EMPTY_CLASSES.has(logClass)
    ? new Int32Array(0)
    : site.logPositions({
        fromMs,
        toMs,
        categories: intersect(categories, CLASS_CATEGORIES[logClass]),
        severities: intersect(severities, logClass === 'critical' ? ['HIGH', 'VERY_HIGH'] : undefined),
      })
  if (logClass === 'count') return json(200, { count: positions.length, total_element_count: positions.length })
  const first = pageNumber * pageSize
  const data = []
  for (let i = first; i < Math.min(positions.length, first + pageSize); i++) data.push(site.logEntry(positions[i] ?? 0))
  return json(200, {
    data,
    page_number: pageNumber,
    total_element_count: positions.length,
    total_page_count: Math.ceil(positions.length / pageSize),
  })
}

const TIME_RANGES: Record<string, number> = { '1h': 3_600_000, '24h': DAY_MS, '7d': 7 * DAY_MS, '30d': 30 * DAY_MS }

function flowEnvelope(data: unknown[], pageNumber: number, pageSize: number, total: number): SimResponse {
  const pages = Math.ceil(total / pageSize)
  return json(200, {
    data,
    has_next: pageNumber + 1 < pages,
    or_more: false,
    page_number: pageNumber,
    total_element_count: total,
    total_page_count: pages,
  })
}

function trafficFlows(state: ControllerState, site: SiteDataset, req: SimRequest): SimResponse {
  const mode = state.persona.trafficFlows
  if (mode === 'missing') return v2Error(404, 'No static resource traffic-flows.')
  if (req.method !== 'POST') return v2Error(405, `Request method '${req.method}' is not supported`)
  if (req.bodyInvalid) return v2Error(400, 'JSON parse error: Unexpected character')
  const style = state.persona.version.startsWith('9.') ? 'v9' : 'v10'
  const newBody = ['policy_type', 'pageNumber', 'timestampFrom'].some((k) => field(req.body, k) !== undefined)
  const now = state.now()
  if (mode === 'old-body') {
    if (newBody) return v2Error(400, 'JSON parse error: Unrecognized field "policy_type"')
    const limit = numberField(req.body, 'limit') ?? 100
    const offset = numberField(req.body, 'offset') ?? 0
    if (limit < 1 || limit > MAX_PAGE_SIZE) return v2Error(400, 'limit must be between 1 and 1000')
    const timeRange = field(req.body, 'timeRange')
    const range = (typeof timeRange === 'string' ? TIME_RANGES[timeRange] : undefined) ?? DAY_MS
    const [from, to] = site.flowRange(now - range, now)
    const data = []
    for (let p = from + offset; p < Math.min(to, from + offset + limit); p++) data.push(site.flow(p, style))
    return flowEnvelope(data, Math.floor(offset / limit), limit, to - from)
  }
  if (!newBody && field(req.body, 'timeRange') !== undefined)
    return v2Error(400, 'JSON parse error: Unrecognized field "timeRange"')
  const pageSize = numberField(req.body, 'pageSize') ?? 100
  const pageNumber = numberField(req.body, 'pageNumber') ?? 0
  if (pageSize < 1 || pageSize > MAX_PAGE_SIZE || pageNumber < 0)
    return v2Error(400, 'pageSize must be between 1 and 1000')
  const toMs = numberField(req.body, 'timestampTo') ?? now
  const fromMs = numberField(req.body, 'timestampFrom') ?? toMs - DAY_MS
  const threatsOnly = stringList(req.body, 'policy_type')?.includes('INTRUSION_PREVENTION') ?? false
  const [from, to] = threatsOnly ? site.threatRange(fromMs, toMs) : site.flowRange(fromMs, toMs)
  const first = from + pageNumber * pageSize
  const data = []
  for (let i = first; i < Math.min(to, first + pageSize); i++)
    data.push(threatsOnly ? site.threatFlow(i, style) : site.flow(i, style))
  return flowEnvelope(data, pageNumber, pageSize, to - from)
}

/** `rest` is the path below the Network API root, starting with `/v2/api/site/`. */
export function v2Route(state: ControllerState, req: SimRequest, rest: string): SimResponse {
  const match = /^\/v2\/api\/site\/([^/]+)\/(.+)$/.exec(rest)
  if (!match) return v2Error(404, 'Not Found')
  const [, siteName = '', endpoint = ''] = match
  const systemLogMatch = /^system-log\/([a-z-]+)$/.exec(endpoint)
  const postureSite = findSite(state, decodeURIComponent(siteName))
  const posture = postureSite === undefined || req.method !== 'GET' ? null : postureV2(state, postureSite, endpoint)
  if (posture !== null) return posture
  const known = endpoint === 'traffic-flows' || systemLogMatch !== null
  if (!known || (systemLogMatch && !state.persona.systemLog)) return v2Error(404, `No static resource ${endpoint}.`)
  const site = findSite(state, decodeURIComponent(siteName))
  if (!site) return v2Error(400, 'api.err.NoSiteContext')
  if (systemLogMatch) return systemLog(state, site, req, systemLogMatch[1] ?? 'all')
  return trafficFlows(state, site, req)
}
