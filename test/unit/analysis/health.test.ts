import { describe, expect, it } from 'vitest'
import { analyseHealth, checkDevice } from '../../../src/core/analysis/health-analysis.js'
import { formatUptime } from '../../../src/core/analysis/uptime.js'
import { healthThresholdsSchema } from '../../../src/shared/settings.js'
import type { CollectedDevice } from '../../../src/core/unifi/model.js'
import { defaultThresholds, device, T0 } from './builders.js'
import { realDevice } from './real-fixtures.js'

const DAY = 86_400

function levelOf(rule: string, overrides: Partial<CollectedDevice>): string {
  const findings = checkDevice(device(overrides), defaultThresholds(), T0).filter((finding) => finding.rule === rule)
  expect(findings.length).toBeLessThanOrEqual(1)
  return findings[0]?.severity ?? 'none'
}

describe('health thresholds (strict "greater than", critical first)', () => {
  it.each([
    [75, 'none'],
    [80, 'none'],
    [82, 'medium'],
    [90, 'medium'],
    [92, 'severe'],
  ])('temperature %s °C → %s', (temperatureC, expected) => {
    expect(levelOf('health_temperature', { temperatureC })).toBe(expected)
  })

  it.each([
    [50, 'none'],
    [80, 'none'],
    [82, 'medium'],
    [95, 'medium'],
    [96, 'severe'],
  ])('CPU %s %% → %s', (cpuPercent, expected) => {
    expect(levelOf('health_cpu', { cpuPercent })).toBe(expected)
  })

  it.each([
    [70, 'none'],
    [85, 'none'],
    [87, 'medium'],
    [96, 'severe'],
  ])('memory %s %% → %s', (memPercent, expected) => {
    expect(levelOf('health_memory', { memPercent })).toBe(expected)
  })

  it.each([
    [30, 'none'],
    [90, 'none'],
    [95, 'medium'],
    [200, 'severe'],
  ])('uptime %s days → %s', (days, expected) => {
    expect(levelOf('health_uptime', { uptimeSec: days * DAY })).toBe(expected)
  })

  it.each([
    [79, 'none'],
    [80, 'none'],
    [81, 'medium'],
    [96, 'severe'],
  ])('PoE budget use %s %% → %s', (percent, expected) => {
    const ports = [
      { index: 1, name: 'Cam', powerW: percent / 2, poeEnabled: true, up: true },
      { index: 2, name: 'AP', powerW: percent / 2, poeEnabled: true, up: true },
    ]
    expect(levelOf('health_poe_budget', { poeBudgetW: 100, poePorts: ports })).toBe(expected)
  })

  it('skips metrics a device does not report (null means "not reported", never 0)', () => {
    const findings = checkDevice(
      device({ temperatureC: null, cpuPercent: null, memPercent: null, uptimeSec: null, poeBudgetW: null }),
      defaultThresholds(),
      T0,
    )
    expect(findings).toEqual([])
  })

  it('uses the thresholds from the settings', () => {
    const strict = healthThresholdsSchema.parse({ temperatureC: { warning: 40, critical: 60 } })
    const [finding] = checkDevice(device({ temperatureC: 61 }), strict, T0)
    expect(finding?.severity).toBe('severe')
    expect(finding?.description).toBe(
      'Temperature is 61.0 °C on Office Switch, above the critical threshold of 60 °C (general_temperature / temperatures).',
    )
  })

  it('titles and describes findings with the value and threshold', () => {
    const [cpu] = checkDevice(device({ cpuPercent: 96.04 }), defaultThresholds(), T0)
    expect(cpu?.title).toBe('[Device Health] Critical CPU Usage on Office Switch')
    expect(cpu?.description).toContain('CPU usage is 96.0 %')
    expect(cpu?.description).toContain('critical threshold of 95 %')
    expect(cpu?.category).toBe('device-health')
    expect(cpu?.remediation.length).toBeGreaterThanOrEqual(3)
    expect([cpu?.firstSeenMs, cpu?.lastSeenMs, cpu?.occurrences]).toEqual([T0, T0, 1])
    const [uptime] = checkDevice(device({ uptimeSec: 95.7 * DAY }), defaultThresholds(), T0)
    expect(uptime?.title).toBe('[Device Health] Extended Uptime - Consider Restart on Office Switch')
    expect(uptime?.description).toContain('running for 95 days')
  })
})

describe('state, WAN and overheating checks', () => {
  it('reports an offline device as severe and skips its stale metrics', () => {
    const findings = checkDevice(device({ state: 0, cpuPercent: 99 }), defaultThresholds(), T0)
    expect(findings.map((finding) => [finding.rule, finding.severity, finding.title])).toEqual([
      ['health_device_state', 'severe', '[Device Health] Device offline on Office Switch'],
    ])
  })

  it('rates other states by how serious they are', () => {
    expect(levelOf('health_device_state', { state: 1 })).toBe('none')
    expect(levelOf('health_device_state', { state: 6 })).toBe('severe')
    expect(levelOf('health_device_state', { state: 2 })).toBe('medium')
    expect(levelOf('health_device_state', { state: 4 })).toBe('low')
    expect(levelOf('health_device_state', { state: 42 })).toBe('medium')
  })

  it('reports the overheating flag as severe', () => {
    expect(levelOf('health_overheating', { overheating: true })).toBe('severe')
  })

  it('reports all WAN links down as severe and one of two as medium', () => {
    const wan = (up1: boolean, up2: boolean) => [
      { name: 'WAN', up: up1, ip: null },
      { name: 'WAN2', up: up2, ip: null },
    ]
    expect(levelOf('health_wan_down', { wan: wan(true, true) })).toBe('none')
    expect(levelOf('health_wan_down', { wan: wan(true, false) })).toBe('medium')
    expect(levelOf('health_wan_down', { wan: wan(false, false) })).toBe('severe')
    const [partial] = checkDevice(device({ name: 'UDM', wan: wan(true, false) }), defaultThresholds(), T0)
    expect(partial?.title).toBe('[Device Health] WAN Link Down (WAN2) on UDM')
  })
})

describe('rows and totals', () => {
  it('counts healthy devices, devices with warnings only and devices with critical findings', () => {
    const result = analyseHealth(
      [
        device({ mac: '00:00:00:00:00:01', name: 'ok' }),
        device({ mac: '00:00:00:00:00:02', name: 'warm', temperatureC: 85 }),
        device({ mac: '00:00:00:00:00:03', name: 'hot', temperatureC: 95, cpuPercent: 85 }),
        device({ mac: '00:00:00:00:00:04', name: '', state: 4 }),
      ],
      defaultThresholds(),
      T0,
    )
    expect(result.totals).toEqual({ devices: 4, healthy: 2, withWarnings: 1, withCritical: 1 })
    expect(result.rows.map((row) => [row.name, row.healthy, row.severeCount, row.mediumCount, row.state])).toEqual([
      ['ok', true, 0, 0, 'connected'],
      ['warm', false, 0, 1, 'connected'],
      ['hot', false, 1, 1, 'connected'],
      ['00:00:00:00:00:04', true, 0, 0, 'upgrading'],
    ])
    expect(result.findings.map((finding) => finding.severity)).toEqual(['severe', 'medium', 'medium', 'low'])
  })

  it.each([
    [7_776_000, '90d 0h 0m'],
    [0, '0m'],
    [null, '0m'],
    [59, '0m'],
    [3_660, '1h 1m'],
    [90_061, '1d 1h 1m'],
    [600, '10m'],
  ])('formats uptime %s s as %s', (seconds, text) => {
    expect(formatUptime(seconds)).toBe(text)
  })

  it('names an unnamed device by MAC, then "Unknown device"', () => {
    const rows = analyseHealth([device({ name: ' ', mac: '' })], defaultThresholds(), T0).rows
    expect(rows[0]?.name).toBe('Unknown device')
  })
})

describe('real device captures', () => {
  it('reads the PoE switch: 100 % CPU is critical, PoE use about 8 %, 45 days uptime is fine', () => {
    const result = analyseHealth([realDevice('aiounifi/devices/switch-16-port-poe.json')], defaultThresholds(), T0)
    expect(result.findings.map((finding) => [finding.rule, finding.severity])).toEqual([['health_cpu', 'severe']])
    expect(result.rows[0]).toMatchObject({
      name: 'Switch 16',
      poeUsePercent: 8.1,
      temperatureC: 56,
      uptime: '45d 23h 17m',
    })
  })

  it('finds the other recorded devices healthy except the Flex Mini, up for 107 days', () => {
    const files = [
      'aiounifi/devices/access-point-ac-pro.json',
      'aiounifi/devices/gateway-usg3.json',
      'aiounifi/devices/pdu-pro.json',
      'aiounifi/devices/plug-up1.json',
      'aiounifi/devices/strip-up6.json',
      'aiounifi/devices/switch-8-port.json',
      'aiounifi/devices/switch-flex-mini-5-port.json',
      'unpoller-unifi/devices/pdu.json',
      'unpoller-unifi/devices/uap.json',
      'unpoller-unifi/devices/ugw.json',
      'unpoller-unifi/devices/usw.json',
    ]
    const result = analyseHealth(files.map(realDevice), defaultThresholds(), T0)
    expect(result.findings.map((finding) => [finding.rule, finding.severity, finding.deviceName])).toEqual([
      ['health_uptime', 'medium', 'UniFi Switch Flex Mini'],
    ])
    expect(result.findings[0]?.description).toContain('running for 107 days')
    expect(result.totals).toEqual({ devices: 11, healthy: 10, withWarnings: 1, withCritical: 0 })
    const usg = result.rows.find((row) => row.name === 'USG')
    expect(usg?.temperatureC).toBe(66)
    expect(result.rows.find((row) => row.name === 'switch')?.poeUsePercent).toBe(20.9)
    expect(result.rows.find((row) => row.model === 'UP6')?.name).toBe('78:45:58:fc:16:7d')
  })
})
