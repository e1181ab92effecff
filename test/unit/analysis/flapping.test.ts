import { describe, expect, it } from 'vitest'
import { analyse } from '../../../src/core/analysis/analyse.js'
import { collection, defaultThresholds, legacyEvent, MINUTE, T0 } from './builders.js'

const roam = (i: number, user: string | null, from: string, to: string) =>
  legacyEvent('EVT_WU_Roam', { at: T0 + i * MINUTE, raw: { ...(user ? { user } : {}), ap_from: from, ap_to: to } })

function roams(count: number, user: string | null = 'aa:bb:cc:dd:ee:ff') {
  return Array.from({ length: count }, (_, i) =>
    i % 2 === 0 ? roam(i, user, 'Office-AP', 'Lobby-AP') : roam(i, user, 'Lobby-AP', 'Kitchen-AP'),
  )
}

const flapping = (events: ReturnType<typeof roams>) =>
  analyse(collection({ events }), { thresholds: defaultThresholds() }).findings.filter(
    (finding) => finding.rule === 'client_flapping',
  )

describe('client flapping', () => {
  it('does not flag 4 roams of one client', () => {
    expect(flapping(roams(4))).toEqual([])
  })

  it('flags 5 roams of one client as a medium wireless finding listing the APs', () => {
    const [finding, ...rest] = flapping(roams(5))
    expect(rest).toEqual([])
    expect(finding?.severity).toBe('medium')
    expect(finding?.category).toBe('wireless')
    expect(finding?.title).toBe('[Wireless] Client flapping detected (5 roams)')
    expect(finding?.description).toContain('aa:bb:cc:dd:ee:ff')
    expect(finding?.description).toContain('between Kitchen-AP, Lobby-AP, Office-AP')
    expect(finding?.description).toContain('(EVT_WU_Roam)')
    expect(finding?.remediation).toHaveLength(5)
    expect(finding?.firstSeenMs).toBe(T0)
    expect(finding?.lastSeenMs).toBe(T0 + 4 * MINUTE)
  })

  it('keeps the individual low roam findings', () => {
    const result = analyse(collection({ events: roams(5) }), { thresholds: defaultThresholds() })
    const individual = result.findings.filter((finding) => finding.rule === 'client_roaming')
    expect(individual.reduce((sum, finding) => sum + finding.occurrences, 0)).toBe(5)
    expect(individual.every((finding) => finding.severity === 'low')).toBe(true)
  })

  it('counts clients separately and pools roams without a client as "unknown"', () => {
    const events = [...roams(4, 'aa:bb:cc:dd:ee:01'), ...roams(4, 'aa:bb:cc:dd:ee:02'), ...roams(5, null)]
    const findings = flapping(events)
    expect(findings).toHaveLength(1)
    expect(findings[0]?.description).toContain('Client unknown roamed 5 times')
    expect(findings[0]?.deviceMac).toBeNull()
  })
})
