import { describe, expect, it } from 'vitest'
import { isComplete, judgeCoverage, type Coverage } from '../../../src/core/unifi/coverage.js'
import type { SourceAttempt } from '../../../src/core/unifi/model.js'

const used = (endpoint: string, count: number, extra: Partial<SourceAttempt> = {}): SourceAttempt => ({
  data: 'events',
  endpoint,
  outcome: count > 0 ? 'used' : 'empty',
  detail: null,
  count,
  truncated: false,
  ...extra,
})

const failed = (endpoint: string, reason: string): SourceAttempt => ({
  data: 'events',
  endpoint,
  outcome: 'failed',
  detail: `${endpoint} failed`,
  count: 0,
  truncated: false,
  reason,
})

describe('judgeCoverage', () => {
  it('says read when an endpoint answered with every record accepted, even with none', () => {
    expect(judgeCoverage('events', [used('system-log/all', 0)], 0)).toEqual({
      state: 'read',
      records: 0,
      rejected: 0,
      reason: null,
    })
  })

  it('says unavailable with the failure when no endpoint answered', () => {
    const coverage = judgeCoverage('events', [failed('system-log/all', 'HTTP 500'), failed('stat/event', 'timeout')], 0)
    expect(coverage).toMatchObject({ state: 'unavailable', reason: 'system-log/all: HTTP 500; stat/event: timeout' })
  })

  it('says unavailable (not supported) when every endpoint is missing on this firmware', () => {
    const unsupported: SourceAttempt = { ...failed('stat/event', ''), outcome: 'unsupported', reason: undefined }
    expect(judgeCoverage('events', [unsupported], 0)).toMatchObject({
      state: 'unavailable',
      reason: 'not supported by this firmware',
    })
    expect(judgeCoverage('events', [], 0)).toMatchObject({ state: 'unavailable' })
  })

  it('says partial with the rejected count and first reasons when some records had the wrong shape', () => {
    const attempt = used('stat/event', 10, { rejected: 2, rejectReasons: ['a string where a record was expected'] })
    expect(judgeCoverage('events', [attempt], 10)).toMatchObject({
      state: 'partial',
      records: 10,
      rejected: 2,
      reason: expect.stringContaining(
        '2 rejected by shape (unexpected shape: a string where a record was expected)',
      ) as unknown,
    })
  })

  it('says unavailable (unexpected shape) when most records were rejected, not a short list', () => {
    const attempt = used('stat/event', 3, { rejected: 97, rejectReasons: ['an event without key or message'] })
    expect(judgeCoverage('events', [attempt], 3)).toMatchObject({
      state: 'unavailable',
      records: 3,
      rejected: 97,
      reason: 'unexpected shape: an event without key or message',
    })
  })

  it('says partial when pages are missing or a sibling endpoint failed', () => {
    expect(judgeCoverage('events', [used('system-log/all', 5, { truncated: true })], 5)).toMatchObject({
      state: 'partial',
      reason: 'pages missing from system-log/all',
    })
    expect(judgeCoverage('events', [failed('system-log/all', 'HTTP 502'), used('stat/event', 4)], 4)).toMatchObject({
      state: 'partial',
      reason: 'system-log/all: HTTP 502',
    })
  })

  it('says partial when records arrived before the only endpoint failed', () => {
    expect(judgeCoverage('events', [failed('system-log/all', 'time budget')], 7)).toMatchObject({
      state: 'partial',
      records: 7,
      reason: 'system-log/all: time budget',
    })
  })

  it('counts only the attempts of its own data kind', () => {
    const other: SourceAttempt = { ...failed('stat/device', 'HTTP 500'), data: 'devices' }
    expect(judgeCoverage('events', [other, used('stat/event', 1)], 1).state).toBe('read')
  })
})

describe('isComplete', () => {
  const read = { state: 'read', records: 1, rejected: 0, reason: null } as const
  const base: Coverage = { events: read, alarms: read, threats: read, devices: read, health: read, posture: read }
  it('is complete unless a core source (events, threats, devices) is unavailable', () => {
    const unavailable = { state: 'unavailable', records: 0, rejected: 0, reason: 'HTTP 500' } as const
    expect(isComplete(base)).toBe(true)
    expect(isComplete({ ...base, alarms: unavailable, health: unavailable, posture: unavailable })).toBe(true)
    expect(isComplete({ ...base, events: { ...read, state: 'partial' } })).toBe(true)
    for (const core of ['events', 'threats', 'devices'] as const)
      expect(isComplete({ ...base, [core]: unavailable })).toBe(false)
  })
})
