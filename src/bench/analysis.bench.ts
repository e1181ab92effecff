/**
 * Analysis figures (issue #5): `analyse()` on 100 000 events, 20 000 threats and 500 devices — the size
 * named in the issue — built in memory in the collector's output shape, so only the analysis is measured.
 * Prints wall and CPU time of a cold and a warm run and the heap the result needs.
 */
import { performance } from 'node:perf_hooks'
import { analyse } from '../core/analysis/analyse.js'
import { ALL_RULES } from '../core/analysis/rules/index.js'
import type { CollectedDevice, CollectedEvent, CollectedThreat, UnifiCollection } from '../core/unifi/model.js'
import { defaultSettings } from '../shared/settings.js'

const EVENTS = 100_000
const THREATS = 20_000
const DEVICES = 500
const ACCESS_POINTS = 100
const START = Date.UTC(2026, 0, 1)
const WINDOW_MS = 7 * 24 * 3_600_000

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same input. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const hex = (n: number): string => (n & 0xff).toString(16).padStart(2, '0')
const mac = (n: number): string => `f0:9f:c2:${hex(n >> 16)}:${hex(n >> 8)}:${hex(n)}`

/**
 * A busy week on a large site: 80 % of the events are client connects, disconnects and roams on the 100
 * access points, the rest spread over every key the rules know plus unknown ones, on any of the 500
 * devices; newest first, as the controller returns them.
 */
function buildEvents(next: () => number): CollectedEvent[] {
  const keys = [...ALL_RULES.flatMap((rule) => rule.triggers.flatMap((trigger) => trigger.keys)), 'EVT_XG_Unknown']
  const clientKeys = ['EVT_WU_Connected', 'EVT_WU_Disconnected', 'EVT_WU_Roam', 'EVT_LU_Connected']
  const step = WINDOW_MS / EVENTS
  return Array.from({ length: EVENTS }, (_, i) => {
    const clientEvent = next() < 0.8
    const pick = clientEvent ? clientKeys : keys
    const key = pick[Math.floor(next() * pick.length)] ?? 'EVT_AP_Connected'
    const time = START + WINDOW_MS - Math.floor(i * step)
    const device = Math.floor(next() * (clientEvent ? ACCESS_POINTS : DEVICES))
    const msg = next() < 0.1 ? `AP[${mac(device)}] Radar detected on channel 52` : `Event ${key} on ${mac(device)}`
    return {
      origin: 'stat/event',
      kind: 'event',
      id: `e${i}`,
      key,
      category: null,
      event: null,
      severity: null,
      timestampMs: time,
      message: msg,
      subsystem: 'wlan',
      deviceMac: null,
      deviceName: null,
      raw: {
        key,
        time,
        msg,
        ap: mac(device),
        ap_name: `AP ${device}`,
        user: mac(0x100000 + Math.floor(next() * 2_000)),
        ap_from: `AP ${device}`,
        ap_to: `AP ${(device + 1) % DEVICES}`,
        ip: `203.0.113.${Math.floor(next() * 250)}`,
        port: Math.floor(next() * 48) + 1,
        rssi: -40 - Math.floor(next() * 50),
      },
    }
  })
}

function buildThreats(next: () => number): CollectedThreat[] {
  const categories = ['SCAN', 'MALWARE', 'TROJAN', 'POLICY', 'EXPLOIT', 'DROP', 'INFO', 'P2P', 'TOR', 'DNS']
  return Array.from({ length: THREATS }, () => {
    const pro = next() < 0.3
    const signatureNumber = Math.floor(next() * 600)
    const category = categories[signatureNumber % categories.length] ?? 'SCAN'
    return {
      origins: ['traffic-flows'],
      timestampMs: START + Math.floor(next() * WINDOW_MS),
      srcIp: next() < 0.2 ? `192.168.1.${Math.floor(next() * 250)}` : `198.51.100.${Math.floor(next() * 250)}`,
      srcPort: 40_000 + Math.floor(next() * 20_000),
      dstIp: `192.168.1.${Math.floor(next() * 250)}`,
      dstPort: 443,
      protocol: 'TCP',
      signature: `${pro ? 'ETPRO' : 'ET'} ${category} Signature ${signatureNumber}`,
      signatureId: (pro ? 2_800_000 : 2_000_000) + signatureNumber,
      category: null,
      severity: 1 + Math.floor(next() * 3),
      action: next() < 0.6 ? 'blocked' : 'allowed',
      srcCountry: 'NL',
      dstCountry: null,
      direction: 'inbound',
    }
  })
}

function buildDevices(next: () => number): CollectedDevice[] {
  return Array.from({ length: DEVICES }, (_, i) => ({
    mac: mac(i),
    name: `Device ${i}`,
    model: 'USW-24-PoE',
    type: i % 3 === 0 ? 'usw' : 'uap',
    state: next() < 0.02 ? 0 : 1,
    version: '7.1.26',
    uptimeSec: Math.floor(next() * 250 * 86_400),
    cpuPercent: next() * 100,
    memPercent: next() * 100,
    temperatureC: 30 + next() * 70,
    overheating: next() < 0.01,
    upgradable: false,
    poeBudgetW: i % 3 === 0 ? 150 : null,
    poePorts: Array.from({ length: 8 }, (_, port) => ({
      index: port + 1,
      name: null,
      powerW: next() * 20,
      poeEnabled: true,
      up: true,
    })),
    wan: [],
  }))
}

function buildCollection(): UnifiCollection {
  const next = random(42)
  return {
    controller: {
      kind: 'unifi-os',
      baseUrl: 'https://192.0.2.1',
      version: '10.3.58',
      hostname: null,
      tlsFingerprint: null,
      authMethod: 'api-key',
    },
    site: { name: 'default', description: 'Default' },
    window: { since: START, until: START + WINDOW_MS },
    devices: buildDevices(next),
    health: [],
    clientCount: null,
    events: buildEvents(next),
    alarms: [],
    threats: buildThreats(next),
    ipsSettings: null,
    sources: { events: 'stat/event', alarms: 'none', threats: ['traffic-flows'], attempts: [] },
    warnings: [],
  }
}

function measure(collection: UnifiCollection): { wallMs: number; cpuMs: number; findings: number } {
  const cpu = process.cpuUsage()
  const started = performance.now()
  const result = analyse(collection, { thresholds: defaultSettings().thresholds })
  const wallMs = performance.now() - started
  const used = process.cpuUsage(cpu)
  return { wallMs, cpuMs: (used.user + used.system) / 1000, findings: result.findings.length }
}

export function run(print: (line: string) => void): Promise<void> {
  const collection = buildCollection()
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  const heapBefore = process.memoryUsage().heapUsed
  const cold = measure(collection)
  const warm = measure(collection)
  gc?.()
  const result = analyse(collection, { thresholds: defaultSettings().thresholds })
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1_048_576
  print(`input: ${EVENTS} events, ${THREATS} threats, ${DEVICES} devices`)
  print(`analyse (cold): ${cold.wallMs.toFixed(0)} ms wall, ${cold.cpuMs.toFixed(0)} ms CPU`)
  print(
    `analyse (warm): ${warm.wallMs.toFixed(0)} ms wall, ${warm.cpuMs.toFixed(0)} ms CPU  (target: well under 1000 ms)`,
  )
  print(
    `result: ${result.findings.length} findings, ${result.threats.groups.length} threat groups, ${result.health.findings.length} health findings; heap held ≈ ${heapMb.toFixed(0)} MB; RSS ${(process.memoryUsage().rss / 1_048_576).toFixed(0)} MB`,
  )
  return Promise.resolve()
}
