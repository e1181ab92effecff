import { describe, expect, it } from 'vitest'
import { analyse } from '../../../src/core/analysis/analyse.js'
import type { CollectedEvent } from '../../../src/core/unifi/model.js'
import { collection, defaultThresholds, HOUR, legacyEvent, MINUTE, T0 } from './builders.js'

const run = (events: CollectedEvent[]) => analyse(collection({ events }), { thresholds: defaultThresholds() })
const apDown = (at: number, ap = 'aa:bb:cc:dd:ee:01') =>
  legacyEvent('EVT_AP_Lost_Contact', { at, raw: { ap, ap_name: `AP ${ap.slice(-2)}` } })

describe('recurrence: same rule, same device, within 1 hour', () => {
  it('merges occurrences into one finding with the count and first/last seen', () => {
    const [finding, ...rest] = run([apDown(T0), apDown(T0 + 20 * MINUTE), apDown(T0 + 40 * MINUTE)]).findings
    expect(rest).toEqual([])
    expect(finding?.occurrences).toBe(3)
    expect(finding?.firstSeenMs).toBe(T0)
    expect(finding?.lastSeenMs).toBe(T0 + 40 * MINUTE)
    expect(finding?.recurring).toBe(false)
  })

  it('merges at exactly one hour after the last occurrence and not one millisecond later', () => {
    expect(run([apDown(T0), apDown(T0 + HOUR)]).findings).toHaveLength(1)
    const split = run([apDown(T0), apDown(T0 + HOUR + 1)]).findings
    expect(split).toHaveLength(2)
    expect(split.map((finding) => finding.occurrences)).toEqual([1, 1])
  })

  it('measures the window from the last occurrence, so a steady series stays one finding', () => {
    const series = Array.from({ length: 6 }, (_, i) => apDown(T0 + i * 50 * MINUTE))
    const [finding] = run(series).findings
    expect(finding?.occurrences).toBe(6)
    expect((finding?.lastSeenMs ?? 0) - (finding?.firstSeenMs ?? 0)).toBe(250 * MINUTE)
  })

  it('marks 5 occurrences recurring and 4 not', () => {
    const four = run(Array.from({ length: 4 }, (_, i) => apDown(T0 + i * MINUTE))).findings[0]
    const five = run(Array.from({ length: 5 }, (_, i) => apDown(T0 + i * MINUTE))).findings[0]
    expect(four?.recurring).toBe(false)
    expect(five?.occurrences).toBe(5)
    expect(five?.recurring).toBe(true)
    expect(five?.severity).toBe('severe')
  })

  it('keeps different devices and different rules apart, and merges regardless of input order', () => {
    const result = run([
      apDown(T0 + 10 * MINUTE, 'aa:bb:cc:dd:ee:02'),
      apDown(T0 + 30 * MINUTE),
      apDown(T0),
      legacyEvent('EVT_AP_Connected', { at: T0 + 5 * MINUTE, raw: { ap: 'aa:bb:cc:dd:ee:01' } }),
    ])
    const summary = result.findings.map((finding) => [finding.rule, finding.deviceMac, finding.occurrences])
    expect(summary).toEqual([
      ['ap_lost_contact', 'aa:bb:cc:dd:ee:01', 2],
      ['ap_lost_contact', 'aa:bb:cc:dd:ee:02', 1],
      ['ap_connected', 'aa:bb:cc:dd:ee:01', 1],
    ])
  })

  it('does not merge failed logins from different addresses into one title', () => {
    const result = run([
      legacyEvent('EVT_AD_LoginFailed', { at: T0, raw: { ip: '203.0.113.9' } }),
      legacyEvent('EVT_AD_LoginFailed', { at: T0 + MINUTE, raw: { ip: '203.0.113.9' } }),
      legacyEvent('EVT_AD_LoginFailed', { at: T0 + 2 * MINUTE, raw: { ip: '198.51.100.4' } }),
    ])
    expect(result.findings.map((finding) => [finding.title, finding.occurrences])).toEqual([
      ['[Security] Failed admin login from 198.51.100.4', 1],
      ['[Security] Failed admin login from 203.0.113.9', 2],
    ])
  })

  it('counts an alarm that repeats an event (same id) once', () => {
    const event = apDown(T0)
    const alarm: CollectedEvent = { ...event, origin: 'list/alarm', kind: 'alarm' }
    const result = analyse(collection({ events: [event], alarms: [alarm] }), { thresholds: defaultThresholds() })
    expect(result.findings[0]?.occurrences).toBe(1)
    expect(result.logEntryCount).toBe(1)
  })
})
