import { describe, expect, it } from 'vitest'
import { sectionForOutcome } from '../../../src/core/integrations/outcome-section.js'
import { outcomeForError } from '../../../src/core/integrations/outcome.js'
import { CircuitOpenError } from '../../../src/core/integrations/breaker.js'
import { AbortedError, ConfigError, RequestTimeoutError, TlsTrustError } from '../../../src/core/errors.js'

const base = { id: 'cloudflare', displayName: 'Cloudflare', durationMs: 12, breaker: 'open' as const }
const context = { timeoutMs: 30_000, timezone: 'Europe/Berlin' }

describe('outcomeForError', () => {
  it('words a timeout with the budget', () => {
    const outcome = outcomeForError(base, new RequestTimeoutError('Cloudflare did not finish.', 30_000), context)
    expect(outcome).toMatchObject({
      status: 'failed',
      reason: 'timeout',
      message: 'Cloudflare: unable to fetch data (timed out after 30 s)',
      detail: 'Cloudflare did not finish.',
    })
  })

  it('words an open circuit with the next try in the report timezone', () => {
    const next = Date.parse('2026-11-28T13:05:00Z')
    const outcome = outcomeForError(base, new CircuitOpenError('paused', next, 'server'), context)
    expect(outcome).toMatchObject({
      status: 'failed',
      reason: 'circuit-open',
      message: 'Cloudflare: unable to fetch data (circuit open, next try 2:05 PM GMT+1)',
      nextAttemptAt: next,
      errorKind: 'server',
    })
  })

  it('routes config and TLS trust problems to needs-attention', () => {
    expect(outcomeForError(base, new ConfigError('Zone example.com not found.'), context)).toMatchObject({
      status: 'needs-attention',
      message: 'Cloudflare needs attention: the settings need a change',
      detail: 'Zone example.com not found.',
    })
    expect(outcomeForError(base, new TlsTrustError('Untrusted.', 'AA', null), context)).toMatchObject({
      status: 'needs-attention',
      errorKind: 'tls-untrusted',
    })
  })

  it('words a cancelled run', () => {
    expect(outcomeForError(base, new AbortedError(), context)).toMatchObject({
      status: 'failed',
      message: 'Cloudflare: unable to fetch data (cancelled)',
    })
  })
})

describe('sectionForOutcome', () => {
  it('gives a failed integration an error section with the note, the detail and the next attempt', () => {
    const next = Date.parse('2026-11-28T13:05:00Z')
    const outcome = outcomeForError(base, new CircuitOpenError('paused', next, 'server'), context)
    const section = sectionForOutcome(outcome, 'Europe/Berlin')
    expect(section).toMatchObject({
      id: 'integration-cloudflare',
      title: 'Cloudflare',
      tone: 'error',
      summary: 'Cloudflare: unable to fetch data (circuit open, next try 2:05 PM GMT+1)',
    })
    expect(section?.blocks).toContainEqual({
      type: 'facts',
      items: [{ label: 'Next attempt', value: 'Nov 28, 2026 at 2:05 PM GMT+1' }],
    })
  })

  it('returns nothing for not-configured and a warning for partial configuration', () => {
    expect(sectionForOutcome({ ...base, status: 'not-configured' }, 'UTC')).toBeNull()
    const partial = sectionForOutcome(
      {
        ...base,
        status: 'partial-config',
        missing: ['accountId'],
        message: 'Cloudflare: skipped (missing: Account ID).',
      },
      'UTC',
    )
    expect(partial).toMatchObject({ tone: 'warning', summary: 'Cloudflare: skipped (missing: Account ID).' })
  })
})
