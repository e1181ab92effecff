/**
 * Reads the recorded controller payloads in test/fixtures/real and converts them into the
 * UnifiCollection parts with a deliberately small, test-only converter (the real parsers belong to the
 * UniFi client). It reproduces the documented quirks: flat `inner_alert_*` keys, `catname` arrays,
 * numeric strings, `temperatures[]`, upper-case flow actions.
 */
import type { CollectedDevice, CollectedEvent, CollectedThreat } from '../../../src/core/unifi/model.js'
import { normaliseMac, normaliseTimestamp } from '../../../src/core/analysis/normalise-values.js'
import { systemLogEvent } from './builders.js'
import { readRealFixture } from '../../fixtures/real-fixtures.js'

type Json = Record<string, unknown>

export function readFixture(relative: string): unknown {
  return readRealFixture(relative)
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)
const num = (value: unknown): number | null => {
  const parsed = typeof value === 'string' ? Number(value) : value
  return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : null
}
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {})

export function legacyEvents(relative: string): CollectedEvent[] {
  const payload = readFixture(relative)
  const rows = Array.isArray(payload) ? payload : (obj(payload)['data'] as unknown[])
  return rows.map((row) => {
    const raw = obj(row)
    return {
      origin: 'stat/event',
      kind: 'event',
      id: text(raw['_id']),
      key: text(raw['key']) ?? '',
      category: null,
      event: null,
      severity: null,
      timestampMs: normaliseTimestamp(raw['time']) ?? normaliseTimestamp(raw['datetime']),
      message: text(raw['msg']) ?? '',
      subsystem: text(raw['subsystem']),
      deviceMac: null,
      deviceName: null,
      raw,
    }
  })
}

export function systemLogEvents(relative: string): CollectedEvent[] {
  return (obj(readFixture(relative))['data'] as unknown[]).map((row) => systemLogEvent(obj(row)))
}

/** Legacy IPS rows: flat `inner_alert_*` keys first, a nested `inner_alert` object second. */
export function ipsThreats(rows: unknown[]): CollectedThreat[] {
  return rows
    .map(obj)
    .filter((raw) => raw['inner_alert_signature'] !== undefined || raw['inner_alert'] !== undefined)
    .map((raw) => {
      const nested = obj(raw['inner_alert'])
      const field = (name: string): unknown => raw[`inner_alert_${name}`] ?? nested[name]
      const catname = raw['catname']
      return {
        origins: ['stat/ips/event'],
        timestampMs: normaliseTimestamp(raw['time']) ?? normaliseTimestamp(raw['timestamp']) ?? 0,
        srcIp: text(raw['src_ip']),
        srcPort: num(raw['src_port']),
        dstIp: text(raw['dest_ip']),
        dstPort: num(raw['dest_port']),
        protocol: text(raw['proto']),
        signature: text(field('signature')) ?? '',
        signatureId: num(field('signature_id')),
        category: Array.isArray(catname) ? catname.join(',') : text(catname),
        classtype: text(field('category')),
        severity: num(field('severity')),
        action: (text(field('action')) ?? 'allowed').toLowerCase(),
        srcCountry: text(raw['srcipCountry']),
        dstCountry: text(raw['dstipCountry']),
        direction: 'unknown',
      }
    })
}

/** v2 traffic flows with a THREAT policy; no `ips` object in the capture, so no signature. */
export function flowThreats(relative: string): CollectedThreat[] {
  const risk: Record<string, number> = { high: 1, medium: 2, low: 3 }
  return (obj(readFixture(relative))['data'] as unknown[])
    .map(obj)
    .filter((flow) => (flow['policies'] as unknown[]).some((policy) => obj(policy)['type'] === 'THREAT'))
    .map((flow) => {
      const source = obj(flow['source'])
      const destination = obj(flow['destination'])
      return {
        origins: ['traffic-flows'],
        timestampMs: num(flow['time']) ?? 0,
        srcIp: text(source['ip']),
        srcPort: num(source['port']),
        dstIp: text(destination['ip']),
        dstPort: num(destination['port']),
        protocol: text(flow['protocol']),
        signature: '',
        signatureId: null,
        category: null,
        severity: risk[text(flow['risk']) ?? ''] ?? null,
        action: (text(flow['action']) ?? '').toLowerCase(),
        srcCountry: null,
        dstCountry: null,
        direction: 'outbound',
      }
    })
}

export function realDevice(relative: string): CollectedDevice {
  const raw = obj(readFixture(relative))
  const stats = obj(raw['system-stats'])
  const temperatures = Array.isArray(raw['temperatures']) ? (raw['temperatures'] as unknown[]).map(obj) : []
  const cpuTemperature = temperatures.find((entry) => entry['type'] === 'cpu') ?? temperatures[0]
  const ports = Array.isArray(raw['port_table']) ? (raw['port_table'] as unknown[]).map(obj) : []
  const wan = ['wan1', 'wan2']
    .map((key) => obj(raw[key]))
    .filter((link) => typeof link['up'] === 'boolean')
    .map((link, index) => ({ name: index === 0 ? 'WAN' : 'WAN2', up: link['up'] === true, ip: text(link['ip']) }))
  const budget = num(raw['total_max_power'])
  return {
    mac: normaliseMac(raw['mac']) ?? '',
    name: text(raw['name']) ?? '',
    model: text(raw['model']),
    type: text(raw['type']) ?? 'unknown',
    state: num(raw['state']) ?? 0,
    version: text(raw['version']),
    uptimeSec: num(raw['uptime']),
    cpuPercent: num(stats['cpu']),
    memPercent: num(stats['mem']),
    temperatureC: num(raw['general_temperature']) ?? num(cpuTemperature?.['value']),
    overheating: raw['overheating'] === true,
    upgradable: raw['upgradable'] === true,
    poeBudgetW: budget !== null && budget > 0 ? budget : null,
    poePorts: ports
      .filter((port) => port['port_poe'] === true)
      .map((port) => ({
        index: num(port['port_idx']) ?? 0,
        name: text(port['name']),
        powerW: num(port['poe_power']) ?? 0,
        poeEnabled: port['poe_enable'] === true,
        up: port['up'] === true,
      })),
    wan,
  }
}
