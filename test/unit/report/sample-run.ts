/**
 * Hand-built run results in the exact contract shapes (UnifiCollection, AnalysisResult, IntegrationOutcome)
 * so the report can be tested independently of the analysis and collection code.
 */
import type { AnalysisResult, Finding, ThreatGroup } from '../../../src/core/analysis/model.js'
import type { IntegrationOutcome } from '../../../src/core/integrations/contract.js'
import { integrationSections } from '../../../src/core/pipeline/integration-sections.js'
import type { ReportInput } from '../../../src/core/report/input.js'
import type { ReportSection } from '../../../src/core/report/section.js'
import type { UnifiCollection } from '../../../src/core/unifi/model.js'

export const T0 = Date.UTC(2026, 0, 24, 14, 30, 0)
const HOUR = 3_600_000

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: overrides.id ?? `f-${Math.random().toString(36).slice(2)}`,
    severity: 'medium',
    category: 'connectivity',
    rule: 'ap_lost_contact',
    title: '[Connectivity] Access point Office AP lost contact',
    description: 'The controller lost contact with Office AP (EVT_AP_Lost_Contact).',
    remediation: ['1. Check the AP has power.', '2. Check the uplink cable.'],
    occurrences: 1,
    recurring: false,
    firstSeenMs: T0 - 2 * HOUR,
    lastSeenMs: T0 - 2 * HOUR,
    deviceMac: '00:11:22:33:44:55',
    deviceName: 'Office AP',
    eventType: 'EVT_AP_Lost_Contact',
    ...overrides,
  }
}

export function threatGroup(overrides: Partial<ThreatGroup> = {}): ThreatGroup {
  return {
    signature: 'ET SCAN Nmap Scripting Engine User-Agent',
    signatureId: 2009358,
    categoryRaw: 'Attempted Information Leak',
    categoryName: 'Network Scan',
    severity: 'medium',
    count: 12,
    blocked: 0,
    detected: 12,
    cyberSecure: false,
    firstSeenMs: T0 - 3 * HOUR,
    lastSeenMs: T0 - HOUR,
    sourceIps: ['203.0.113.9', '198.51.100.7'],
    destinationIps: ['192.168.1.10'],
    remediation: ['1. Review the firewall rules for exposed ports.', '2. Block the source if unexpected.'],
    ...overrides,
  }
}

export function analysis(overrides: Partial<AnalysisResult> = {}): AnalysisResult {
  return {
    findings: [
      finding({
        id: 'sev-1',
        severity: 'severe',
        category: 'security',
        rule: 'admin_login_failed',
        title: '[Security] Failed admin login from 203.0.113.9',
        description: 'Someone failed to log in (EVT_AD_LoginFailed).',
        remediation: ['1. Check who tried to log in.', '2. Enable MFA.'],
        occurrences: 6,
        recurring: true,
        lastSeenMs: T0 - HOUR,
        deviceName: 'UDM Pro',
        eventType: 'EVT_AD_LoginFailed',
      }),
      finding({ id: 'med-1' }),
      finding({
        id: 'low-1',
        severity: 'low',
        title: '[Wireless] Client roamed',
        remediation: [],
        description: 'A client roamed (EVT_WU_Roam).',
        deviceName: null,
        deviceMac: null,
      }),
    ],
    threats: {
      total: 42,
      blocked: 30,
      detected: 12,
      groups: [
        threatGroup(),
        threatGroup({
          signature: 'ETPRO TROJAN Win32/Emotet CnC Activity',
          signatureId: 2850001,
          categoryRaw: 'A Network Trojan was detected',
          categoryName: 'Trojan Activity',
          severity: 'severe',
          count: 30,
          blocked: 30,
          detected: 0,
          cyberSecure: true,
          remediation: [],
        }),
      ],
      topSources: [
        {
          ip: '203.0.113.9',
          internal: false,
          count: 25,
          blocked: 20,
          detected: 5,
          categories: ['Network Scan'],
          country: 'NL',
        },
        {
          ip: '192.168.1.50',
          internal: true,
          count: 10,
          blocked: 10,
          detected: 0,
          categories: ['Trojan Activity'],
          country: null,
        },
      ],
      byRuleset: {
        'et-pro': { total: 30, blocked: 30, detected: 0 },
        'et-open': { total: 12, blocked: 0, detected: 12 },
        other: { total: 0, blocked: 0, detected: 0 },
      },
      notes: [],
    },
    health: {
      findings: [
        finding({
          id: 'health-1',
          severity: 'severe',
          category: 'device-health',
          rule: 'health_temperature',
          title: 'Critical Temperature Alert',
          description: 'USG 3P is at 92.0 °C (critical above 90 °C).',
          remediation: ['1. URGENT: improve ventilation.', '2. Clean dust from the vents.'],
          deviceName: 'USG 3P',
          eventType: null,
        }),
      ],
      rows: [
        {
          mac: 'aa:bb:cc:00:00:01',
          name: 'USG 3P',
          model: 'UGW3',
          type: 'ugw',
          state: 'connected',
          temperatureC: 92,
          cpuPercent: 12.5,
          memPercent: 40,
          uptime: '12d 3h 4m',
          poeUsePercent: null,
          healthy: false,
          severeCount: 1,
          mediumCount: 0,
        },
        {
          mac: 'aa:bb:cc:00:00:02',
          name: 'Office Switch',
          model: 'US16P150',
          type: 'usw',
          state: 'connected',
          temperatureC: null,
          cpuPercent: 5,
          memPercent: 30,
          uptime: '90d 0h 0m',
          poeUsePercent: 8.1,
          healthy: true,
          severeCount: 0,
          mediumCount: 0,
        },
      ],
      totals: { devices: 2, healthy: 1, withWarnings: 0, withCritical: 1 },
    },
    logEntryCount: 250,
    otherEvents: [{ eventType: 'EVT_WU_Connected', count: 120 }],
    ...overrides,
  }
}

export function collection(overrides: Partial<UnifiCollection> = {}): UnifiCollection {
  return {
    controller: {
      kind: 'unifi-os',
      baseUrl: 'https://192.168.1.1',
      version: '10.3.58',
      hostname: 'udm',
      tlsFingerprint: null,
      authMethod: 'api-key',
    },
    site: { name: 'default', description: 'Head office' },
    window: { since: T0 - 24 * HOUR, until: T0 },
    devices: [],
    health: [],
    clientCount: 10,
    events: [],
    alarms: [],
    threats: [],
    ipsSettings: null,
    sources: {
      events: 'system-log',
      alarms: 'list/alarm',
      threats: ['traffic-flows'],
      attempts: [
        { data: 'events', endpoint: 'system-log', outcome: 'used', detail: null, count: 250, truncated: false },
        { data: 'alarms', endpoint: 'list/alarm', outcome: 'empty', detail: null, count: 0, truncated: false },
        {
          data: 'threats',
          endpoint: 'stat/ips/event',
          outcome: 'unsupported',
          detail: 'Network 10.3 removed the legacy IPS endpoint (404); used traffic-flows instead.',
          count: 0,
          truncated: false,
        },
        { data: 'threats', endpoint: 'traffic-flows', outcome: 'used', detail: null, count: 42, truncated: false },
        { data: 'devices', endpoint: 'stat/device', outcome: 'used', detail: null, count: 2, truncated: false },
      ],
    },
    warnings: [],
    ...overrides,
  }
}

export const cloudflareSection: ReportSection = {
  id: 'integration-cloudflare',
  title: 'Cloudflare Security',
  tone: 'normal',
  summary: '3 WAF blocks, 1 tunnel down',
  findings: { severe: 0, medium: 1, low: 0 },
  blocks: [
    { type: 'subheading', text: 'WAF blocks (3 events)' },
    { type: 'table', columns: ['IP', 'Country', 'Path'], rows: [{ cells: ['1.2.3.4', 'CN', 'example.com/admin'] }] },
  ],
}

export function outcomes(): IntegrationOutcome[] {
  return [
    {
      id: 'cloudflare',
      displayName: 'Cloudflare Security',
      durationMs: 120,
      breaker: 'closed',
      status: 'ok',
      section: cloudflareSection,
      data: {},
    },
    { id: 'cybersecure', displayName: 'CyberSecure', durationMs: 0, breaker: 'closed', status: 'not-configured' },
  ]
}

/** Stand-in for the runtime's sectionForOutcome in unit tests. */
export function describeOutcome(outcome: IntegrationOutcome): ReportSection | null {
  if (outcome.status === 'ok' || outcome.status === 'not-configured') return null
  return {
    id: `integration-${outcome.id}`,
    title: outcome.displayName,
    tone: 'error',
    summary: outcome.message,
    blocks: [{ type: 'paragraph', text: outcome.message, tone: 'error' }],
  }
}

export function reportInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    timezone: 'America/New_York',
    generatedAtMs: T0,
    period: { since: T0 - 24 * HOUR, until: T0 },
    appVersion: '9.9.9-test',
    demo: false,
    unifi: { ok: true, collection: collection(), analysis: analysis() },
    integrations: integrationSections(outcomes(), 'America/New_York', describeOutcome),
    ...overrides,
  }
}
