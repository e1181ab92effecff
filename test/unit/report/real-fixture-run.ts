/**
 * Runs one recorded payload of test/fixtures/real through the product: the UniFi parsers (src/core/unifi/parse,
 * routed the way the collectors route records), the analysis, the report model and both renderers. Nothing here
 * interprets the payload itself; it only wraps the parsed records into a collection.
 */
import { analyse } from '../../../src/core/analysis/analyse.js'
import type { AnalysisResult, Finding } from '../../../src/core/analysis/model.js'
import { buildReportModel } from '../../../src/core/report/build-model.js'
import { renderHtml } from '../../../src/core/report/html/render-html.js'
import { renderText } from '../../../src/core/report/text/render-text.js'
import { slimEventRaw } from '../../../src/core/unifi/event-raw-fields.js'
import { mergeThreats } from '../../../src/core/unifi/merge-threats.js'
import type {
  CollectedDevice,
  CollectedEvent,
  CollectedThreat,
  DataKind,
  HealthSubsystem,
  SourceAttempt,
  UnifiCollection,
} from '../../../src/core/unifi/model.js'
import { parseHealth, parseSites, parseSysinfo } from '../../../src/core/unifi/parse/controller.js'
import { parseDevice } from '../../../src/core/unifi/parse/device.js'
import { parseLegacyEvent, parseSystemLogRecord, systemLogEvent } from '../../../src/core/unifi/parse/events.js'
import {
  isSystemLogThreat,
  parseLegacyIps,
  parseTrafficFlowThreat,
  systemLogThreat,
} from '../../../src/core/unifi/parse/threats.js'
import { isPlainObject } from '../../../src/core/unifi/schemas/primitives.js'
import { healthThresholdsSchema } from '../../../src/shared/settings.js'
import { readRealFixture } from '../../fixtures/real-fixtures.js'

/** What the product reads a payload as (the endpoint it would have come from). */
export type PayloadKind =
  | 'stat/event'
  | 'system-log'
  | 'stat/ips/event'
  | 'traffic-flows'
  | 'stat/device'
  | 'stat/health'
  | 'stat/sysinfo'
  | 'self/sites'
  | 'stat/sta'

export interface FixtureRun {
  collection: UnifiCollection
  analysis: AnalysisResult
  /** Event and device-health findings, as the report lists them. */
  findings: Finding[]
  html: string
  text: string
  /** Both renderings reduced to their words: tags dropped, entities decoded, whitespace folded. */
  htmlWords: string
  textWords: string
  /** Records of the payload the parsers refused. */
  rejected: number
}

const GENERATED_AT = Date.UTC(2026, 6, 1)
/** Recorded payloads span 2019–2026: the window covers them all (the collectors' own window filter is not the subject). */
const WINDOW = { since: Date.UTC(2019, 0, 1), until: GENERATED_AT }

function rowsOf(payload: unknown): unknown[] {
  if (Array.isArray(payload)) return payload
  if (isPlainObject(payload) && Array.isArray(payload.data)) return payload.data
  return [payload]
}

interface Parsed {
  events: CollectedEvent[]
  threats: CollectedThreat[]
  devices: CollectedDevice[]
  health: HealthSubsystem[]
  clientCount: number | null
  version: string | null
  hostname: string | null
  site: { name: string; description: string } | null
  rejected: number
}

function parsePayload(kind: PayloadKind, payload: unknown): Parsed {
  const parsed: Parsed = {
    events: [],
    threats: [],
    devices: [],
    health: [],
    clientCount: null,
    version: null,
    hostname: null,
    site: null,
    rejected: 0,
  }
  const rows = rowsOf(payload)
  for (const row of rows) {
    switch (kind) {
      case 'stat/event': {
        if (isPlainObject(row) && row.key === 'EVT_IPS_IpsAlert') {
          const threat = parseLegacyIps(row, 'stat/event')
          if (threat) parsed.threats.push(threat)
          else parsed.rejected++
          break
        }
        const event = parseLegacyEvent(row, 'stat/event', 'event')
        if (event) parsed.events.push({ ...event, raw: slimEventRaw(event.raw) })
        else parsed.rejected++
        break
      }
      case 'system-log': {
        const entry = parseSystemLogRecord(row)
        if (entry === null || !isPlainObject(row)) {
          parsed.rejected++
          break
        }
        if (isSystemLogThreat(entry)) {
          const threat = systemLogThreat(entry)
          if (threat) parsed.threats.push(threat)
        } else {
          parsed.events.push(systemLogEvent(entry, row, 'system-log', 'event'))
        }
        break
      }
      case 'stat/ips/event': {
        const threat = parseLegacyIps(row)
        if (threat) parsed.threats.push(threat)
        else parsed.rejected++
        break
      }
      case 'traffic-flows': {
        const threat = parseTrafficFlowThreat(row)
        // Flows without a threat policy are ordinary traffic, not a rejection.
        if (threat) parsed.threats.push(threat)
        break
      }
      case 'stat/device': {
        const device = parseDevice(row)
        if (device) parsed.devices.push(device)
        else parsed.rejected++
        break
      }
      case 'stat/health':
      case 'stat/sysinfo':
      case 'self/sites':
      case 'stat/sta':
        break
    }
  }
  if (kind === 'stat/health') parsed.health = parseHealth(rows)
  if (kind === 'stat/sysinfo') Object.assign(parsed, parseSysinfo(rows))
  if (kind === 'self/sites') parsed.site = parseSites(rows)[0] ?? null
  if (kind === 'stat/sta') parsed.clientCount = rows.filter(isPlainObject).length
  return parsed
}

const KIND_DATA: Record<PayloadKind, DataKind> = {
  'stat/event': 'events',
  'system-log': 'events',
  'stat/ips/event': 'threats',
  'traffic-flows': 'threats',
  'stat/device': 'devices',
  'stat/health': 'health',
  'stat/sysinfo': 'sysinfo',
  'self/sites': 'sites',
  'stat/sta': 'clients',
}

/** Every core source answered: the payload's own endpoint with its records, the others empty. */
function attemptsFor(kind: PayloadKind, parsed: Parsed): SourceAttempt[] {
  const records: Partial<Record<DataKind, number>> = {
    events: parsed.events.length,
    threats: parsed.threats.length,
    devices: parsed.devices.length,
    health: parsed.health.length,
  }
  const own = KIND_DATA[kind]
  return (['events', 'alarms', 'threats', 'devices', 'health'] as const).map((data) => ({
    data,
    endpoint: data === own ? kind : `stat/${data}`,
    outcome: (records[data] ?? 0) > 0 ? 'used' : 'empty',
    detail: null,
    count: records[data] ?? 0,
    truncated: false,
    rejected: data === own ? parsed.rejected : 0,
  }))
}

const decode = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
export const words = (text: string): string => text.replace(/\s+/g, ' ')

/** Parsed records of several payloads read together, as one run would collect them from their endpoints. */
function combine(parts: readonly Parsed[]): Parsed {
  const all: Parsed = {
    events: [],
    threats: [],
    devices: [],
    health: [],
    clientCount: null,
    version: null,
    hostname: null,
    site: null,
    rejected: 0,
  }
  for (const part of parts) {
    all.events.push(...part.events)
    all.threats.push(...part.threats)
    all.devices.push(...part.devices)
    all.health.push(...part.health)
    all.clientCount = part.clientCount ?? all.clientCount
    all.version = part.version ?? all.version
    all.hostname = part.hostname ?? all.hostname
    all.site = part.site ?? all.site
    all.rejected += part.rejected
  }
  return all
}

/**
 * @param alongside payloads of other endpoints read in the same run (e.g. the device list that names the AP
 * an event refers to by MAC only).
 */
export function runFixture(
  file: string,
  kind: PayloadKind,
  alongside: readonly (readonly [string, PayloadKind])[] = [],
): FixtureRun {
  const parsed = combine(
    [[file, kind] as const, ...alongside].map(([name, what]) => parsePayload(what, readRealFixture(name))),
  )
  const collection: UnifiCollection = {
    controller: {
      kind: 'unifi-os',
      baseUrl: 'https://192.0.2.1:443',
      version: parsed.version,
      hostname: parsed.hostname,
      tlsFingerprint: null,
      authMethod: 'api-key',
    },
    site: parsed.site ?? { name: 'default', description: 'Default' },
    window: WINDOW,
    devices: parsed.devices,
    health: parsed.health,
    clientCount: parsed.clientCount,
    events: parsed.events,
    alarms: [],
    threats: mergeThreats([parsed.threats]),
    ipsSettings: null,
    sources: {
      events: kind === 'system-log' ? 'system-log' : 'stat/event',
      alarms: 'none',
      threats: kind === 'stat/ips/event' || kind === 'traffic-flows' ? [kind] : [],
      attempts: attemptsFor(kind, parsed),
    },
    warnings: [],
  }
  const analysis = analyse(collection, { thresholds: healthThresholdsSchema.parse({}) })
  const model = buildReportModel({
    timezone: 'UTC',
    generatedAtMs: GENERATED_AT,
    period: WINDOW,
    appVersion: '0.0.0-fixtures',
    demo: false,
    unifi: { ok: true, collection, analysis },
    integrations: [],
  })
  const html = renderHtml(model)
  const text = renderText(model)
  return {
    collection,
    analysis,
    findings: [...analysis.findings, ...analysis.health.findings],
    html,
    text,
    htmlWords: words(decode(html)),
    textWords: words(text),
    rejected: parsed.rejected,
  }
}
