import { describe, expect, it } from 'vitest'
import { parseDevice } from '../../../src/core/unifi/parse/device.js'
import { realFixture } from './fixtures.js'

const DEVICE_FIXTURES = [
  'aiounifi/devices/access-point-ac-pro.json',
  'aiounifi/devices/gateway-usg3.json',
  'aiounifi/devices/switch-16-port-poe.json',
  'aiounifi/devices/switch-8-port.json',
  'aiounifi/devices/switch-flex-mini-5-port.json',
  'aiounifi/devices/plug-up1.json',
  'aiounifi/devices/strip-up6.json',
  'aiounifi/devices/pdu-pro.json',
  'unpoller-unifi/devices/uap.json',
  'unpoller-unifi/devices/ugw.json',
  'unpoller-unifi/devices/usw.json',
  'unpoller-unifi/devices/pdu.json',
]

function record(relative: string): Record<string, unknown> {
  return realFixture(relative) as Record<string, unknown>
}

describe('parseDevice on real stat/device records', () => {
  it.each(DEVICE_FIXTURES)('parses %s with a normalised MAC, type and state', (file) => {
    const raw = record(file)
    const device = parseDevice(raw)
    expect(device).not.toBeNull()
    expect(device?.mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/)
    expect(device?.type).toBe(raw.type)
    expect(typeof device?.state).toBe('number')
  })

  it('reads the USG temperatures array (hottest sensor) and numeric-string CPU/memory', () => {
    const device = parseDevice(record('aiounifi/devices/gateway-usg3.json'))
    expect(device?.temperatureC).toBe(66)
    const stats = record('aiounifi/devices/gateway-usg3.json')['system-stats'] as Record<string, string>
    expect(device?.cpuPercent).toBe(Number(stats.cpu))
    expect(device?.memPercent).toBe(Number(stats.mem))
  })

  it('reads a PoE switch: general_temperature, budget and per-port watts from strings', () => {
    const device = parseDevice(record('aiounifi/devices/switch-16-port-poe.json'))
    expect(device?.temperatureC).toBe(56)
    expect(device?.poeBudgetW).toBe(135)
    const drawn = device?.poePorts.reduce((sum, port) => sum + port.powerW, 0) ?? 0
    expect(drawn).toBeGreaterThan(10)
    expect(drawn).toBeLessThan(12)
  })

  it('sums the unpoller US-24-250W PoE draw and keeps its budget', () => {
    const device = parseDevice(record('unpoller-unifi/devices/usw.json'))
    expect(device?.poeBudgetW).toBe(222)
    const drawn = device?.poePorts.reduce((sum, port) => sum + port.powerW, 0) ?? 0
    expect(drawn).toBeGreaterThan(40)
    expect(drawn).toBeLessThan(50)
  })

  it('reports no temperature (null, never 0) for a Flex Mini and no PoE budget for a US-8', () => {
    expect(parseDevice(record('aiounifi/devices/switch-flex-mini-5-port.json'))?.temperatureC).toBeNull()
    expect(parseDevice(record('aiounifi/devices/switch-8-port.json'))?.poeBudgetW).toBeNull()
  })

  it('handles the quirks the simulator and firmware produce (copy of switch-16-port-poe)', () => {
    const copy = {
      ...record('aiounifi/devices/switch-16-port-poe.json'),
      mac: 'FC-EC-DA-11-22-33',
      general_temperature: undefined,
      temps: { 'Board (CPU)': '161.6 F', PHY: '70 C' },
      overheating: 'true',
      state: '6',
      uptime: '3971865',
      last_wan_status: { WAN: 'online', WAN2: 'offline' },
    }
    const device = parseDevice(copy)
    expect(device?.mac).toBe('fc:ec:da:11:22:33')
    expect(device?.temperatureC).toBe(72)
    expect(device?.overheating).toBe(true)
    expect(device?.state).toBe(6)
    expect(device?.uptimeSec).toBe(3971865)
    expect(device?.wan).toEqual([
      { name: 'WAN', up: true, ip: null },
      { name: 'WAN2', up: false, ip: null },
    ])
  })

  it('rejects records without a MAC instead of inventing a device', () => {
    expect(parseDevice({ name: 'ghost' })).toBeNull()
    expect(parseDevice('not a device')).toBeNull()
  })
})
