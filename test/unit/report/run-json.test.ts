import { describe, expect, it } from 'vitest'
import { AuthError, NetworkError, RequestTimeoutError, ScannerError, TlsTrustError } from '../../../src/core/errors.js'
import { ExitCode, exitCodeForError } from '../../../src/core/exit-codes.js'
import type { IntegrationOutcome } from '../../../src/core/integrations/contract.js'
import { classifyUnifiError } from '../../../src/core/pipeline/failure.js'
import type { RunOutcome } from '../../../src/core/pipeline/outcome.js'
import { integrationJson, runJsonSchema, toRunJson } from '../../../src/core/pipeline/run-json.js'

const base = { displayName: 'Cloudflare', durationMs: 12.6, breaker: 'closed' as const }

describe('report --json shape', () => {
  it('maps every integration outcome onto the documented --json fields', () => {
    const outcomes: IntegrationOutcome[] = [
      { ...base, id: 'a', status: 'ok', section: { id: 's', title: 't', tone: 'normal', blocks: [] }, data: {} },
      {
        ...base,
        id: 'b',
        status: 'failed',
        reason: 'circuit-open',
        message: 'Cloudflare: unable to fetch data (circuit open)',
        errorKind: 'unreachable',
        nextAttemptAt: 1,
        breaker: 'open',
      },
      { ...base, id: 'c', status: 'needs-attention', message: 'Token rejected', errorKind: 'auth' },
      { ...base, id: 'd', status: 'partial-config', missing: ['accountId'], message: 'Missing account id' },
      { ...base, id: 'e', status: 'not-configured' },
    ]
    expect(outcomes.map(integrationJson)).toEqual([
      { id: 'a', status: 'ok', reason: null, missing: [], breaker: 'closed', durationMs: 13, message: null },
      {
        id: 'b',
        status: 'failed',
        reason: 'circuit-open',
        missing: [],
        breaker: 'open',
        durationMs: 13,
        message: 'Cloudflare: unable to fetch data (circuit open)',
      },
      {
        id: 'c',
        status: 'needs-attention',
        reason: 'auth',
        missing: [],
        breaker: 'closed',
        durationMs: 13,
        message: 'Token rejected',
      },
      {
        id: 'd',
        status: 'partial-config',
        reason: 'partial-config',
        missing: ['accountId'],
        breaker: 'closed',
        durationMs: 13,
        message: 'Missing account id',
      },
      {
        id: 'e',
        status: 'not-configured',
        reason: null,
        missing: [],
        breaker: 'closed',
        durationMs: 13,
        message: null,
      },
    ])
  })

  it('produces JSON the exported schema accepts, and the schema rejects extra or missing fields', () => {
    const outcome: RunOutcome = {
      ok: false,
      exitCode: 3,
      complete: false,
      coverage: {
        events: { state: 'unavailable', records: 0, rejected: 0, reason: 'authentication failed' },
        alarms: { state: 'unavailable', records: 0, rejected: 0, reason: 'authentication failed' },
        threats: { state: 'unavailable', records: 0, rejected: 0, reason: 'authentication failed' },
        devices: { state: 'unavailable', records: 0, rejected: 0, reason: 'authentication failed' },
        health: { state: 'unavailable', records: 0, rejected: 0, reason: 'authentication failed' },
        posture: { state: 'unavailable', records: 0, rejected: 0, reason: 'authentication failed' },
      },
      generatedAt: '2026-01-24T09:30:00-05:00',
      report: {
        html: '/r/a.html',
        text: null,
        findings: { severe: 1, medium: 0, low: 2 },
        threats: 0,
        unhealthyDevices: 0,
      },
      window: { since: '2026-01-23T09:30:00-05:00', until: '2026-01-24T09:30:00.250-05:00' },
      unifi: {
        ok: false,
        controller: null,
        version: null,
        site: null,
        sources: { events: 'none', alarms: 'none', threats: [] },
        error: { class: 'auth', kind: 'auth', code: 'UNIFI_LOGIN_FAILED', message: 'Wrong password.' },
      },
      integrations: [],
      posture: {
        score: null,
        grade: null,
        checks: [],
        compound: [],
        previousScore: null,
        drift: null,
        unchecked: { count: 0, reasons: [] },
        noScore: null,
      },
      changes: { previous: null, new: 0, resolved: 0, recurring: 0, newClients: 0, baseline: false },
      timing: { totalMs: 10.4, unifiMs: 3.2, integrationsMs: 4.9 },
      warnings: ['not part of the JSON'],
    }
    const json = toRunJson(outcome)
    expect(runJsonSchema.parse(json)).toEqual(json)
    expect(json.unifi.error).toEqual({ kind: 'auth', message: 'Wrong password.' })
    expect(json.timing).toEqual({ totalMs: 10, unifiMs: 3, integrationsMs: 5 })
    expect(runJsonSchema.safeParse({ ...json, extra: 1 }).success).toBe(false)
    expect(
      runJsonSchema.safeParse({ ...json, window: { since: '2026-01-23T09:30:00', until: json.window.until } }).success,
    ).toBe(false)
  })
})

describe('UniFi failure classes and exit codes', () => {
  it.each([
    [new NetworkError('refused'), 'unreachable', 2],
    [new RequestTimeoutError('slow', 1000), 'unreachable', 2],
    [new AuthError('wrong password'), 'auth', 3],
    [new ScannerError('rate-limited', 'UNIFI_LOGIN_RATE_LIMITED', 'too many logins'), 'auth', 3],
    [new TlsTrustError('untrusted', 'AA:BB', null), 'tls', 4],
    [new ScannerError('config', 'UNIFI_SITE_REQUIRED', 'choose a site'), 'config', 1],
    [new Error('boom'), 'other', 5],
  ] as const)('%s → %s (exit %d)', (error, failureClass, exitCode) => {
    const failure = classifyUnifiError(error)
    expect(failure.class).toBe(failureClass)
    expect(ExitCode[failure.class]).toBe(exitCode)
    expect(exitCodeForError(error)).toBe(exitCode)
  })

  it('keeps the presented certificate fingerprint of a TLS failure', () => {
    expect(classifyUnifiError(new TlsTrustError('untrusted', 'AA:BB:CC', null)).presentedFingerprint).toBe('AA:BB:CC')
  })
})
