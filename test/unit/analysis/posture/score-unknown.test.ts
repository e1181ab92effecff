/** The unknown rule (a refused read never reads as "ok"), the compound risks and the score arithmetic. */
import { describe, expect, it } from 'vitest'
import { assessPosture } from '../../../../src/core/analysis/posture/assess.js'
import { compoundRisks } from '../../../../src/core/analysis/posture/compound.js'
import type { PostureCheckResult, PostureSeverity, PostureStatus } from '../../../../src/core/analysis/posture/model.js'
import { AREA_CAP, gradeOf, scorePosture } from '../../../../src/core/analysis/posture/score.js'
import { contextOf, parseRaw, setting, wellKeptRaw } from './posture-builder.js'

const check = (
  id: string,
  area: PostureCheckResult['area'],
  status: PostureStatus,
  severity: PostureSeverity,
): PostureCheckResult => ({
  id,
  area,
  title: id,
  status,
  severity,
  evidence: [],
  reason: status === 'unknown' ? 'test' : null,
  why: 'test',
  fix: 'test',
})

describe('the unknown rule', () => {
  it('turns every settings-based check into unknown with the reason when the settings were refused', () => {
    const ctx = contextOf(wellKeptRaw())
    const reason = 'the controller refused rest/setting to the API key; a local read-only admin account can read it'
    ctx.posture.settings = { state: 'unavailable', endpoint: 'rest/setting', reason }
    const checks = assessPosture(ctx).checks
    for (const id of [
      'MGMT-SSH',
      'MGMT-SSH-PASSWORD',
      'MGMT-SNMP',
      'FW-AUTO-UPDATE',
      'LOG-SYSLOG',
      'IPS-MODE',
      'UPNP-ENABLED',
      'DNS-ENCRYPTED',
    ]) {
      const found = checks.find((c) => c.id === id)
      expect([found?.status, found?.reason], id).toEqual(['unknown', reason])
    }
    // Backups fall back to stat/sysinfo autobackup, which was read.
    expect(checks.find((c) => c.id === 'BAK-AUTO')?.status).toBe('ok')
  })

  it('gives no score without the site settings, even with more than half of the checks evaluated', () => {
    const ctx = contextOf(wellKeptRaw())
    const reason = 'the controller refused rest/setting to the API key; a local read-only admin account can read it'
    ctx.posture.settings = { state: 'unavailable', endpoint: 'rest/setting', reason }
    const { score } = assessPosture(ctx)
    expect(score.checked * 2).toBeGreaterThan(score.total)
    expect([score.score, score.grade]).toEqual([null, null])
    expect(score.noScore).toBe(`the site settings could not be read (${reason})`)
    // The deductions are still listed, for the report's transparency.
    expect(score.deductions.some((d) => d.status === 'unknown')).toBe(true)
    expect(assessPosture(contextOf(wellKeptRaw())).score.noScore).toBeNull()
  })

  it('says unknown for a field the firmware does not report, never ok', () => {
    const raw = wellKeptRaw()
    delete setting(raw, 'mgmt').x_ssh_enabled
    delete setting(raw, 'usg').upnp_enabled
    const checks = assessPosture(contextOf(raw)).checks
    expect(checks.find((c) => c.id === 'MGMT-SSH')?.reason).toBe(
      'mgmt.x_ssh_enabled is not reported by this controller',
    )
    expect(checks.find((c) => c.id === 'UPNP-ENABLED')?.status).toBe('unknown')
  })

  it('leaves the firewall checks unknown when the firewall could not be read, and management exposure too', () => {
    const ctx = contextOf(wellKeptRaw())
    ctx.posture.firewall = {
      state: 'unavailable',
      endpoint: 'site-feature-migration',
      reason: 'which firewall the site uses is unknown (HTTP 500)',
    }
    const checks = assessPosture(ctx).checks
    for (const id of ['MGMT-WAN', 'LOG-DENY-RULES', 'SEG-PERMISSIVE-RULE'])
      expect(checks.find((c) => c.id === id)?.status, id).toBe('unknown')
    expect(assessPosture(ctx).firewallMode).toBeNull()
  })

  it('gives no score when fewer than half of the checks could be evaluated', () => {
    const raw = wellKeptRaw()
    const posture = parseRaw(raw)
    for (const key of [
      'settings',
      'wlans',
      'portForwards',
      'upnp',
      'networks',
      'firewall',
      'devices',
      'sysinfo',
    ] as const)
      posture[key] = { state: 'unavailable', endpoint: key, reason: 'refused' }
    const result = assessPosture({ posture, controller: { kind: 'unifi-os', version: null } })
    expect(result.score.score).toBeNull()
    expect(result.score.grade).toBeNull()
    expect(result.checks.filter((c) => c.status === 'ok')).toEqual([])
  })
})

describe('compound risks', () => {
  it('fire only when every contributor is a gap', () => {
    const wan = check('MGMT-WAN', 'management', 'gap', 'critical')
    const adv = check('FW-ADVISORY-CONSOLE', 'firmware', 'gap', 'critical')
    expect(compoundRisks([wan, adv]).map((r) => [r.id, r.contributors])).toEqual([
      ['COMPOUND-WAN-VULNERABLE', ['MGMT-WAN', 'FW-ADVISORY-CONSOLE']],
    ])
    expect(compoundRisks([wan, { ...adv, status: 'unknown' }])).toEqual([])
    const flat = check('SEG-FLAT', 'segmentation', 'gap', 'high')
    const noVpn = check('PF-NO-VPN', 'exposure', 'gap', 'high')
    expect(compoundRisks([flat, noVpn]).map((r) => r.id)).toEqual(['COMPOUND-FLAT-EXPOSED'])
  })
})

describe('score arithmetic', () => {
  it('subtracts every deduction, listed, by status and severity', () => {
    const checks = [
      check('A', 'management', 'gap', 'high'), // 10
      check('B', 'wifi', 'recommendation', 'medium'), // 2
      check('C', 'backup', 'unknown', 'medium'), // 1
      check('D', 'logging', 'ok', 'critical'), // 0
    ]
    const score = scorePosture(checks, [])
    expect(score.score).toBe(87)
    expect(score.grade).toBe('B+')
    expect(score.deductions.map((d) => [d.id, d.points])).toEqual([
      ['A', 10],
      ['B', 2],
      ['C', 1],
    ])
    expect(score.checked).toBe(3)
    expect(score.noScore).toBeNull()
  })

  it('has no score with fewer than half of the checks evaluated, and says so', () => {
    const checks = [
      check('A', 'management', 'ok', 'high'),
      check('B', 'wifi', 'unknown', 'medium'),
      check('C', 'backup', 'unknown', 'medium'),
    ]
    const score = scorePosture(checks, [])
    expect([score.score, score.grade, score.noScore]).toEqual([null, null, 'only 1 of 3 checks could be evaluated'])
  })

  it('caps each area so one area cannot sink the score', () => {
    const wifi = Array.from({ length: 10 }, (_, i) => check(`W${i}`, 'wifi', 'gap', 'high'))
    const score = scorePosture([...wifi, check('OK', 'logging', 'ok', 'low')], [])
    const area = score.areas.find((a) => a.area === 'wifi')
    expect(area).toEqual({ area: 'wifi', raw: 100, applied: AREA_CAP.wifi, cap: AREA_CAP.wifi })
    expect(score.score).toBe(100 - AREA_CAP.wifi)
  })

  it('counts compound risks in their own capped area, and clamps at 0', () => {
    const many = (
      ['management', 'firmware', 'exposure', 'wifi', 'segmentation', 'backup', 'protection', 'logging'] as const
    ).flatMap((area) => Array.from({ length: 3 }, (_, i) => check(`${area}-${i}`, area, 'gap', 'critical')))
    const compound = [{ id: 'COMPOUND-X', title: 'x', severity: 'critical' as const, contributors: [], why: 'x' }]
    const score = scorePosture(many, compound)
    expect(score.areas.find((a) => a.area === 'compound')?.applied).toBe(20)
    expect(score.score).toBe(0)
    expect(score.grade).toBe('F')
  })

  it('grades on the published steps', () => {
    expect([100, 97, 93, 90, 89, 80, 79, 60, 59, 0].map(gradeOf)).toEqual([
      'A+',
      'A+',
      'A',
      'A-',
      'B+',
      'B-',
      'C+',
      'D-',
      'F',
      'F',
    ])
  })
})
