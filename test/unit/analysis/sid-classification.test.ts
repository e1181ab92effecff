import { describe, expect, it } from 'vitest'
import {
  classifySid,
  isCyberSecureSid,
  isCyberSecureThreat,
  rulesetOf,
} from '../../../src/core/analysis/sid-classification.js'

describe('SID classification (Emerging Threats SID ranges)', () => {
  it.each([
    [2799999, false],
    [2800000, true],
    [2850000, true],
    [2899999, true],
    [2900000, false],
    [2001000, false],
    [100, false],
    [0, false],
    [null, false],
    [undefined, false],
  ])('SID %s is CyberSecure: %s', (sid, expected) => {
    expect(isCyberSecureSid(sid)).toBe(expected)
  })

  it.each([
    [2000000, 'et_open'],
    [2099999, 'et_open'],
    [2003337, 'et_open'],
    [2100498, 'et_open'],
    [2400022, 'et_open'],
    [2403341, 'et_open'],
    [2520000, 'et_open'],
    [2200025, 'suricata_engine'],
    [2800000, 'cybersecure'],
    [1000001, 'custom'],
    [1999999, 'custom'],
    [999999, 'other'],
    [2300000, 'other'],
    [2799999, 'other'],
    [2900000, 'other'],
    [0, 'other'],
    [null, 'other'],
  ])('SID %s → %s', (sid, expected) => {
    expect(classifySid(sid)).toBe(expected)
  })

  it('treats an ETPRO signature as ET PRO even without a SID, and only then', () => {
    expect(isCyberSecureThreat({ signatureId: null, signature: 'ETPRO TROJAN Win32/Example CnC Checkin' })).toBe(true)
    expect(isCyberSecureThreat({ signatureId: null, signature: 'etpro malware x' })).toBe(true)
    expect(isCyberSecureThreat({ signatureId: null, signature: 'ET MALWARE x' })).toBe(false)
    expect(isCyberSecureThreat({ signatureId: null, signature: '' })).toBe(false)
    expect(rulesetOf({ signatureId: null, signature: 'ETPRO TROJAN x' })).toBe('et-pro')
    expect(rulesetOf({ signatureId: null, signature: 'ET SCAN x' })).toBe('et-open')
    expect(rulesetOf({ signatureId: null, signature: 'GPL ATTACK x' })).toBe('other')
    expect(rulesetOf({ signatureId: 2200025, signature: 'SURICATA STREAM x' })).toBe('other')
    expect(rulesetOf({ signatureId: 2009358, signature: 'ET SCAN x' })).toBe('et-open')
    expect(rulesetOf({ signatureId: 2810000, signature: 'ET MALWARE x' })).toBe('et-pro')
  })
})
