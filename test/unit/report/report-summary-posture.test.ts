/** The tray's report summary carries the posture card's data: score, grade, drift and the most severe gaps. */
import { describe, expect, it } from 'vitest'
import type { RunOutcome } from '../../../src/core/pipeline/outcome.js'
import { toReportSummary } from '../../../src/core/pipeline/report-summary.js'
import { reportSummarySchema } from '../../../src/shared/ipc/payloads.js'

const read = { state: 'read', records: 1, rejected: 0, reason: null } as const

function outcome(posture: RunOutcome['posture']): RunOutcome {
  return {
    ok: true,
    exitCode: 0,
    complete: true,
    coverage: { events: read, alarms: read, threats: read, devices: read, health: read, posture: read },
    generatedAt: '2026-12-04T02:00:00+00:00',
    report: {
      html: '/r/a.html',
      text: null,
      findings: { severe: 0, medium: 1, low: 2 },
      threats: 0,
      unhealthyDevices: 0,
    },
    window: { since: '2026-12-03T02:00:00+00:00', until: '2026-12-04T02:00:00+00:00' },
    unifi: {
      ok: true,
      controller: 'unifi-os',
      version: '10.3.58',
      site: 'default',
      sources: { events: 'system-log', alarms: 'none', threats: [] },
      error: null,
    },
    integrations: [],
    posture,
    changes: { previous: null, new: 0, resolved: 0, recurring: 0, newClients: 0, baseline: true },
    timing: { totalMs: 1, unifiMs: 1, integrationsMs: 0 },
    warnings: [],
  }
}

describe('report summary posture', () => {
  it('keeps the three most severe gaps and the drift sentence, and passes the IPC schema', () => {
    const summary = toReportSummary(
      outcome({
        score: 58,
        grade: 'F',
        previousScore: 64,
        drift: 'Score 64 → 58: new: UPnP is on.',
        compound: [],
        checks: [
          { id: 'UPNP-ENABLED', status: 'gap', severity: 'medium', title: 'UPnP is on' },
          { id: 'MGMT-SSH', status: 'ok', severity: 'medium', title: 'Device SSH is enabled on every adopted device' },
          { id: 'MGMT-WAN', status: 'gap', severity: 'critical', title: 'Management reachable from the internet' },
          { id: 'WIFI-WPA2-ONLY', status: 'recommendation', severity: 'low', title: 'An SSID is WPA2 only' },
          { id: 'SEG-FLAT', status: 'gap', severity: 'high', title: 'The network is flat' },
          { id: 'SEG-DHCP-GUARD', status: 'gap', severity: 'low', title: 'DHCP guarding is off' },
        ],
        unchecked: { count: 0, reasons: [] },
        noScore: null,
      }),
    )
    expect(reportSummarySchema.parse(summary).posture).toEqual({
      score: 58,
      grade: 'F',
      drift: 'Score 64 → 58: new: UPnP is on.',
      topGaps: [
        { id: 'MGMT-WAN', title: 'Management reachable from the internet', severity: 'critical' },
        { id: 'SEG-FLAT', title: 'The network is flat', severity: 'high' },
        { id: 'UPNP-ENABLED', title: 'UPnP is on', severity: 'medium' },
      ],
      unchecked: { count: 0, reason: null },
    })
  })

  it('says how many checks could not be checked and why there is no score', () => {
    const refused = 'the controller refused rest/setting to the API key; a local read-only admin account can read it'
    const summary = toReportSummary(
      outcome({
        score: null,
        grade: null,
        previousScore: null,
        drift: null,
        compound: [],
        checks: [
          { id: 'MGMT-SSH', status: 'unknown', severity: 'medium', title: 'Device SSH' },
          { id: 'WIFI-OPEN', status: 'ok', severity: 'high', title: 'Open SSID' },
        ],
        unchecked: { count: 31, reasons: [refused, 'rest/wlanconf could not be read (timeout)'] },
        noScore: `the site settings could not be read (${refused})`,
      }),
    )
    expect(reportSummarySchema.parse(summary).posture).toEqual({
      score: null,
      grade: null,
      drift: null,
      topGaps: [],
      unchecked: { count: 31, reason: `the site settings could not be read (${refused})` },
    })
  })

  it('gives the reason of the unknown checks next to a score only when they all share it', () => {
    const summary = toReportSummary(
      outcome({
        score: 90,
        grade: 'A-',
        previousScore: null,
        drift: null,
        compound: [],
        checks: [{ id: 'WIFI-OPEN', status: 'unknown', severity: 'high', title: 'Open SSID' }],
        unchecked: { count: 2, reasons: ['rest/wlanconf could not be read (timeout)', 'other'] },
        noScore: null,
      }),
    )
    expect(summary.posture?.unchecked).toEqual({ count: 2, reason: null })
    const shared = toReportSummary(
      outcome({
        score: 90,
        grade: 'A-',
        previousScore: null,
        drift: null,
        compound: [],
        checks: [{ id: 'WIFI-OPEN', status: 'unknown', severity: 'high', title: 'Open SSID' }],
        unchecked: { count: 2, reasons: ['rest/wlanconf could not be read (timeout)'] },
        noScore: null,
      }),
    )
    expect(shared.posture?.unchecked).toEqual({ count: 2, reason: 'rest/wlanconf could not be read (timeout)' })
  })

  it('has no posture when none was assessed', () => {
    const none = {
      score: null,
      grade: null,
      checks: [],
      compound: [],
      previousScore: null,
      drift: null,
      unchecked: { count: 0, reasons: [] },
      noScore: null,
    }
    expect(toReportSummary(outcome(none)).posture).toBeUndefined()
  })
})
