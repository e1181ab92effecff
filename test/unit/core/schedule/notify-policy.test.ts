import { describe, expect, it } from 'vitest'
import { insideQuietHours, notificationFor, type NotifyQuestion } from '../../../../src/core/schedule/notify-policy.js'

const quiet = { enabled: true, start: '22:00', end: '07:00' }
// 4 Dec 2026, Europe/Berlin is UTC+1.
const berlin = (hour: number, minute = 0) => Date.UTC(2026, 11, 4, hour - 1, minute)
const ask = (overrides: Partial<NotifyQuestion>): NotifyQuestion => ({
  policy: 'always',
  quietHours: { enabled: false, start: '22:00', end: '07:00' },
  timezone: 'Europe/Berlin',
  nowMs: berlin(12),
  severe: 0,
  problem: false,
  ...overrides,
})

describe('notify policy', () => {
  it('always: every scheduled report notifies', () => {
    expect(notificationFor(ask({ severe: 0 }))).toEqual({ notify: true })
  })

  it('never: no scheduled report notifies, not even a failure', () => {
    expect(notificationFor(ask({ policy: 'never', severe: 3 }))).toEqual({ notify: false, reason: 'policy' })
    expect(notificationFor(ask({ policy: 'never', problem: true, severe: null }))).toEqual({
      notify: false,
      reason: 'policy',
    })
  })

  it('only when severe: quiet for a clean report, a notification for severe findings or a problem', () => {
    expect(notificationFor(ask({ policy: 'severe', severe: 0 }))).toEqual({ notify: false, reason: 'no-severe' })
    expect(notificationFor(ask({ policy: 'severe', severe: 2 }))).toEqual({ notify: true })
    expect(notificationFor(ask({ policy: 'severe', severe: null, problem: true }))).toEqual({ notify: true })
  })

  it('quiet hours hold back even a severe report', () => {
    expect(notificationFor(ask({ quietHours: quiet, nowMs: berlin(23), severe: 5 }))).toEqual({
      notify: false,
      reason: 'quiet-hours',
    })
    expect(notificationFor(ask({ quietHours: quiet, nowMs: berlin(7), severe: 5 }))).toEqual({ notify: true })
  })
})

describe('quiet hours', () => {
  it.each([
    [21, 59, false],
    [22, 0, true],
    [23, 30, true],
    [0, 0, true],
    [6, 59, true],
    [7, 0, false],
    [12, 0, false],
  ])('22:00 → 07:00 at %i:%i Berlin: %s', (hour, minute, inside) => {
    // Hours before 1 Berlin are the previous UTC day: compute from the Berlin wall-clock.
    const ms = Date.UTC(2026, 11, 4, 0, 0) + ((hour - 1) * 60 + minute) * 60_000
    expect(insideQuietHours(quiet, 'Europe/Berlin', ms)).toBe(inside)
  })

  it('a span within one day (12:00 → 14:00)', () => {
    const lunch = { enabled: true, start: '12:00', end: '14:00' }
    expect(insideQuietHours(lunch, 'Europe/Berlin', berlin(13))).toBe(true)
    expect(insideQuietHours(lunch, 'Europe/Berlin', berlin(14))).toBe(false)
    expect(insideQuietHours(lunch, 'UTC', berlin(13))).toBe(true)
    expect(insideQuietHours(lunch, 'America/New_York', berlin(13))).toBe(false)
  })

  it('off: never inside', () => {
    expect(insideQuietHours({ ...quiet, enabled: false }, 'Europe/Berlin', berlin(23))).toBe(false)
  })
})
