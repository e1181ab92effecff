import { describe, expect, it } from 'vitest'
import { collectCandidates } from '../../../src/core/integrations/abuseipdb/candidates.js'
import type { CollectedEvent, CollectedThreat } from '../../../src/core/unifi/model.js'

function threat(
  srcIp: string | null,
  dstIp: string | null,
  action: string,
  direction: CollectedThreat['direction'] = 'inbound',
): CollectedThreat {
  return {
    origins: ['traffic-flows'],
    timestampMs: 0,
    srcIp,
    srcPort: null,
    dstIp,
    dstPort: null,
    protocol: 'TCP',
    signature: 'ET SCAN test',
    signatureId: 2000001,
    category: 'ET SCAN',
    severity: 2,
    action,
    srcCountry: null,
    dstCountry: null,
    direction,
  }
}

function event(key: string, message: string, raw: Record<string, unknown> = {}): CollectedEvent {
  return {
    origin: 'stat/event',
    kind: 'event',
    id: null,
    key,
    category: null,
    event: null,
    severity: null,
    timestampMs: 0,
    message,
    subsystem: null,
    deviceMac: null,
    deviceName: null,
    raw,
  }
}

describe('external addresses of a window', () => {
  it('keeps public addresses only, most events first, and counts blocked and allowed', () => {
    const result = collectCandidates(
      [
        threat('185.220.101.7', '192.168.1.10', 'block'),
        threat('185.220.101.7', '192.168.1.10', 'block'),
        threat('185.220.101.7', '192.168.1.11', 'allow'),
        threat('192.168.1.20', '45.155.205.233', 'alert', 'outbound'),
        // Inbound to the WAN address: only the source is the remote end.
        threat('185.220.101.7', '81.2.69.160', 'block'),
        threat('10.0.0.5', '192.168.1.10', 'drop'),
        threat('198.51.100.24', '192.168.1.10', 'drop'),
      ],
      [
        event('EVT_AD_LoginFailed', 'Failed admin login from 89.248.165.52', { ip: '89.248.165.52' }),
        event('EVT_AP_Lost_Contact', 'AP lost contact (8.8.8.8 is not security)'),
      ],
      [],
    )
    expect(result.list).toEqual([
      { address: '185.220.101.7', events: 4, blocked: 3, allowed: 1 },
      { address: '45.155.205.233', events: 1, blocked: 0, allowed: 1 },
      { address: '89.248.165.52', events: 1, blocked: 0, allowed: 0 },
    ])
    expect(result.totals).toEqual({ events: 7, blocked: 5, allowed: 2 })
    // 10.0.0.5 and 198.51.100.24 were seen and never sent; the internal destinations too.
    expect(result.notSent).toBeGreaterThanOrEqual(2)
  })

  it("leaves out the site's own WAN addresses", () => {
    const result = collectCandidates([threat('81.2.69.160', '8.8.8.8', 'allow', 'unknown')], [], ['81.2.69.160'])
    expect(result.list.map((c) => c.address)).toEqual(['8.8.8.8'])
  })
})
