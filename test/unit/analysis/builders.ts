/** Builders for analysis inputs in the UnifiCollection shape (the client's output contract). */
import { healthThresholdsSchema, type HealthThresholds } from '../../../src/shared/settings.js'
import type {
  CollectedDevice,
  CollectedEvent,
  CollectedThreat,
  UnifiCollection,
} from '../../../src/core/unifi/model.js'

export const T0 = Date.UTC(2026, 0, 28, 12, 0, 0)
export const HOUR = 3_600_000
export const MINUTE = 60_000

export function defaultThresholds(): HealthThresholds {
  return healthThresholdsSchema.parse({})
}

let eventCounter = 0

/** A legacy `stat/event` event; `raw` carries the placeholders' fields. */
export function legacyEvent(
  key: string,
  options: { at?: number; msg?: string; raw?: Record<string, unknown>; id?: string | null } = {},
): CollectedEvent {
  const at = options.at ?? T0
  const raw = { key, time: at, msg: options.msg ?? '', ...options.raw }
  return {
    origin: 'stat/event',
    kind: 'event',
    id: options.id === undefined ? `evt-${++eventCounter}` : options.id,
    key,
    category: null,
    event: null,
    severity: null,
    timestampMs: at,
    message: options.msg ?? '',
    subsystem: null,
    deviceMac: null,
    deviceName: null,
    raw,
  }
}

export function systemLogEvent(entry: Record<string, unknown>): CollectedEvent {
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null)
  return {
    origin: 'system-log',
    kind: 'event',
    id: text(entry['id']),
    key: text(entry['key']) ?? text(entry['event']) ?? '',
    category: text(entry['category']),
    event: text(entry['event']),
    severity: text(entry['severity']),
    timestampMs: typeof entry['timestamp'] === 'number' ? entry['timestamp'] : null,
    message: '',
    subsystem: null,
    deviceMac: null,
    deviceName: null,
    raw: entry,
  }
}

export function threat(overrides: Partial<CollectedThreat> = {}): CollectedThreat {
  return {
    origins: ['stat/ips/event'],
    timestampMs: T0,
    srcIp: '203.0.113.50',
    srcPort: 51413,
    dstIp: '192.168.1.10',
    dstPort: 443,
    protocol: 'TCP',
    signature: 'ET SCAN Nmap Scripting Engine User-Agent Detected',
    signatureId: 2009358,
    category: 'Attempted Information Leak',
    severity: 2,
    action: 'allowed',
    srcCountry: 'NL',
    dstCountry: null,
    direction: 'inbound',
    ...overrides,
  }
}

export function device(overrides: Partial<CollectedDevice> = {}): CollectedDevice {
  return {
    mac: 'fc:ec:da:11:22:33',
    name: 'Office Switch',
    model: 'USW-24-PoE',
    type: 'usw',
    state: 1,
    version: '7.1.26',
    uptimeSec: 10 * 86_400,
    cpuPercent: 15,
    memPercent: 40,
    temperatureC: 50,
    overheating: false,
    upgradable: false,
    poeBudgetW: null,
    poePorts: [],
    wan: [],
    ...overrides,
  }
}

export function collection(overrides: Partial<UnifiCollection> = {}): UnifiCollection {
  return {
    controller: {
      kind: 'unifi-os',
      baseUrl: 'https://192.168.1.1:443',
      version: '10.3.58',
      hostname: 'udm',
      tlsFingerprint: null,
      authMethod: 'api-key',
    },
    site: { name: 'default', description: 'Default' },
    window: { since: T0 - 24 * HOUR, until: T0 + 24 * HOUR },
    devices: [],
    health: [],
    clientCount: null,
    events: [],
    alarms: [],
    threats: [],
    ipsSettings: null,
    sources: { events: 'stat/event', alarms: 'none', threats: [], attempts: [] },
    warnings: [],
    ...overrides,
  }
}
