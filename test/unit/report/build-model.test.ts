import { describe, expect, it } from 'vitest'
import { buildReportModel } from '../../../src/core/report/build-model.js'
import type { IntegrationOutcome } from '../../../src/core/integrations/contract.js'
import { integrationSections } from '../../../src/core/pipeline/integration-sections.js'
import { analysis, collection, describeOutcome, finding, outcomes, reportInput, T0, threatGroup } from './sample-run.js'

describe('report model', () => {
  it('counts findings of every section (events, device health, threats, integrations) with a breakdown', () => {
    const model = buildReportModel(reportInput())
    expect(model.summary.breakdown).toEqual([
      { label: 'Events and alarms', counts: { severe: 1, medium: 1, low: 1 } },
      { label: 'Device health', counts: { severe: 1, medium: 0, low: 0 } },
      // The fully blocked ET PRO group was stopped: it counts as low, the partly detected scan at its severity.
      { label: 'Security threats', counts: { severe: 0, medium: 1, low: 1 } },
      { label: 'Cloudflare Security', counts: { severe: 0, medium: 1, low: 0 } },
    ])
    expect(model.summary.counts).toEqual({ severe: 2, medium: 3, low: 2, total: 7 })
    expect(model.summary.threatEvents).toBe(42)
    expect(model.summary.unhealthyDevices).toBe(1)
    expect(model.summary.actionRequired).toBe('Action required: 2 severe findings need immediate attention.')
  })

  it('lists the three most urgent actions: severe first, recurring before one-offs, then threats', () => {
    const model = buildReportModel(reportInput())
    expect(model.summary.urgentActions).toEqual([
      {
        severity: 'severe',
        title: '[Security] Failed admin login from 203.0.113.9 (UDM Pro)',
        action: 'Check who tried to log in.',
      },
      { severity: 'severe', title: 'Critical Temperature Alert (USG 3P)', action: 'URGENT: improve ventilation.' },
      {
        severity: 'medium',
        title: 'Network Scan: 12 threat events not blocked',
        action: 'Review the firewall rules for exposed ports.',
      },
    ])
  })

  it('formats the header in the configured timezone and keeps the ISO offset', () => {
    const model = buildReportModel(reportInput({ timezone: 'Europe/Berlin' }))
    expect(model.header.generatedAt).toBe('Jan 24, 2026 at 3:30 PM GMT+1 (Europe/Berlin)')
    expect(model.header.generatedAtIso).toBe('2026-01-24T15:30:00+01:00')
    expect(model.header.site).toBe('Head office (default)')
    expect(model.header.controller).toBe('UniFi OS console · Network 10.3.58 · https://192.168.1.1')
  })

  it('gives each configured integration a section (data or note) and leaves unconfigured ones out', () => {
    const failed: IntegrationOutcome = {
      id: 'cloudflare',
      displayName: 'Cloudflare Security',
      durationMs: 30_000,
      breaker: 'open',
      status: 'failed',
      reason: 'circuit-open',
      message: 'Cloudflare: unable to fetch data (circuit open, next try 2:05 PM UTC)',
      errorKind: 'unreachable',
      nextAttemptAt: T0 + 60_000,
    }
    const model = buildReportModel(
      reportInput({ integrations: integrationSections([failed, outcomes()[1]!], 'UTC', describeOutcome) }),
    )
    expect(model.integrations.map((section) => section.title)).toEqual(['Cloudflare Security'])
    expect(model.integrations[0]!.tone).toBe('error')
    expect(model.summary.notices).toContainEqual({
      title: 'Cloudflare Security',
      tone: 'error',
      text: 'Cloudflare: unable to fetch data (circuit open, next try 2:05 PM UTC)',
    })
  })

  it('degrades a malformed integration section to an error note instead of breaking the report', () => {
    const broken = {
      ...outcomes()[0]!,
      section: { id: 'x', title: 'Broken', tone: 'loud', blocks: 'nope' },
    } as unknown as IntegrationOutcome
    const model = buildReportModel(reportInput({ integrations: integrationSections([broken], 'UTC', describeOutcome) }))
    expect(model.integrations[0]!.id).toBe('integration-cloudflare')
    expect(model.integrations[0]!.tone).toBe('error')
    expect(model.integrations[0]!.summary).toBe('Cloudflare Security: this section could not be shown.')
  })

  it('tells "IPS data unavailable" apart from "no threats"', () => {
    const failedThreats = collection({
      sources: {
        events: 'system-log',
        alarms: 'list/alarm',
        threats: [],
        attempts: [
          { data: 'events', endpoint: 'system-log', outcome: 'used', detail: null, count: 3, truncated: false },
          {
            data: 'threats',
            endpoint: 'traffic-flows',
            outcome: 'failed',
            detail: 'HTTP 500 from the console',
            count: 0,
            truncated: false,
            reason: 'HTTP 500',
          },
        ],
      },
    })
    const unavailable = buildReportModel(
      reportInput({ unifi: { ok: true, collection: failedThreats, analysis: analysis() } }),
    )
    expect(unavailable.threats).toEqual({
      available: false,
      reason: 'Could not check security threats (traffic-flows: HTTP 500).',
    })
    expect(unavailable.summary.threatEvents).toBeNull()

    const quietCollection = collection({
      sources: {
        events: 'system-log',
        alarms: 'list/alarm',
        threats: ['traffic-flows'],
        attempts: [
          { data: 'events', endpoint: 'system-log', outcome: 'empty', detail: null, count: 0, truncated: false },
          { data: 'threats', endpoint: 'traffic-flows', outcome: 'empty', detail: null, count: 0, truncated: false },
          { data: 'devices', endpoint: 'stat/device', outcome: 'empty', detail: null, count: 0, truncated: false },
        ],
      },
    })
    const empty = analysis({
      findings: [],
      threats: { ...analysis().threats, total: 0, blocked: 0, detected: 0, groups: [], topSources: [] },
      health: { findings: [], rows: [], totals: { devices: 0, healthy: 0, withWarnings: 0, withCritical: 0 } },
      otherEvents: [],
    })
    const quiet = buildReportModel(
      reportInput({ unifi: { ok: true, collection: quietCollection, analysis: empty }, integrations: [] }),
    )
    expect(quiet.threats.available).toBe(true)
    expect(quiet.summary.quietNote).toBe('No new security events since the last report.')
    expect(quiet.summary.counts.total).toBe(0)
  })

  it('explains a UniFi failure and still carries the integration sections', () => {
    const model = buildReportModel(
      reportInput({
        unifi: {
          ok: false,
          error: {
            class: 'auth',
            kind: 'auth',
            code: 'UNIFI_LOGIN_FAILED',
            message: 'The controller rejected the username or password.',
          },
          controller: null,
          site: null,
          configuredUrl: 'https://192.168.1.1',
        },
      }),
    )
    expect(model.unifiFailure?.summary).toBe('The UniFi controller refused the login.')
    expect(model.header.controller).toBe('Not reached (https://192.168.1.1)')
    expect(model.findings.available).toBe(false)
    expect(model.threats.available).toBe(false)
    expect(model.health.available).toBe(false)
    expect(model.integrations.map((section) => section.id)).toEqual(['integration-cloudflare'])
    expect(model.summary.notices[0]).toMatchObject({ title: 'UniFi controller', tone: 'error' })
    expect(model.summary.counts).toEqual({ severe: 0, medium: 1, low: 0, total: 1 })
    expect(model.summary.quietNote).toBeNull()
  })

  it('caps long lists and says how many more there are', () => {
    const many = Array.from({ length: 120 }, (_, index) => finding({ id: `m${index}`, severity: 'medium' }))
    const groups = Array.from({ length: 30 }, (_, index) =>
      threatGroup({ signature: `sig ${index}`, sourceIps: Array.from({ length: 8 }, (_, ip) => `10.0.0.${ip}`) }),
    )
    const model = buildReportModel(
      reportInput({
        unifi: {
          ok: true,
          collection: collection(),
          analysis: analysis({ findings: many, threats: { ...analysis().threats, groups } }),
        },
      }),
    )
    expect(model.findings.medium.items).toHaveLength(50)
    expect(model.findings.medium.more).toBe(70)
    expect(model.threats.available && model.threats.detectedGroups.more).toBe(5)
    expect(model.threats.available && model.threats.detectedGroups.items[0]!.sources).toBe(
      '10.0.0.0, 10.0.0.1, 10.0.0.2, 10.0.0.3, 10.0.0.4 and 3 more',
    )
    expect(model.summary.breakdown[0]!.counts.medium).toBe(120)
  })

  it('uses the device name, else the MAC, else "Unknown device", and marks recurring findings', () => {
    const model = buildReportModel(
      reportInput({
        unifi: {
          ok: true,
          collection: collection(),
          analysis: analysis({
            findings: [
              finding({ id: 'a', deviceName: null, deviceMac: 'aa:bb:cc:dd:ee:ff' }),
              finding({
                id: 'b',
                deviceName: '  ',
                deviceMac: null,
                occurrences: 7,
                recurring: true,
                firstSeenMs: T0 - 7_200_000,
                lastSeenMs: T0 - 3_600_000,
              }),
            ],
          }),
        },
        timezone: 'UTC',
      }),
    )
    const [a, b] = model.findings.medium.items
    expect(a!.device).toBe('aa:bb:cc:dd:ee:ff')
    expect(a!.occurrence).toBe('Occurred 1 time at Jan 24 at 12:30 PM')
    expect(b!.device).toBe('Unknown device')
    expect(b!.occurrence).toBe(
      '[Recurring Issue] Occurred 7 times (first: Jan 24 at 12:30 PM, last: Jan 24 at 1:30 PM)',
    )
  })
})
