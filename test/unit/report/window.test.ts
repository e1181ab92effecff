import { describe, expect, it } from 'vitest'
import { CLOCK_SKEW_MS, resolveWindow } from '../../../src/core/report/files/window.js'

const NOW = Date.UTC(2026, 0, 24, 16, 0)
const HOUR = 3_600_000

describe('report window', () => {
  it('starts at the last successful report and widens the query by the clock-skew tolerance', () => {
    const window = resolveWindow({ nowMs: NOW, lastSuccessMs: NOW - 6 * HOUR, lookbackHours: 24 })
    expect(window.basis).toBe('since-last-report')
    expect(window.period).toEqual({ since: NOW - 6 * HOUR, until: NOW })
    expect(window.query).toEqual({ since: NOW - 6 * HOUR - CLOCK_SKEW_MS, until: NOW })
    expect(CLOCK_SKEW_MS).toBe(5 * 60_000)
  })

  it('uses the lookback on a first run, limited to 1–720 hours', () => {
    expect(resolveWindow({ nowMs: NOW, lastSuccessMs: null, lookbackHours: 24 }).period.since).toBe(NOW - 24 * HOUR)
    expect(resolveWindow({ nowMs: NOW, lastSuccessMs: null, lookbackHours: 5000 }).period.since).toBe(NOW - 720 * HOUR)
  })

  it('limits an old checkpoint to 720 hours and says so', () => {
    const window = resolveWindow({ nowMs: NOW, lastSuccessMs: NOW - 2000 * HOUR, lookbackHours: 24 })
    expect(window.period.since).toBe(NOW - 720 * HOUR)
    expect(window.notes).toEqual(['The window was limited to the last 720 hours.'])
  })

  it('falls back to the lookback when the checkpoint lies in the future beyond the tolerance', () => {
    const within = resolveWindow({ nowMs: NOW, lastSuccessMs: NOW + 2 * 60_000, lookbackHours: 24 })
    expect(within.basis).toBe('since-last-report')
    expect(within.period.since).toBe(NOW)
    const beyond = resolveWindow({ nowMs: NOW, lastSuccessMs: NOW + HOUR, lookbackHours: 24 })
    expect(beyond.basis).toBe('first-run')
    expect(beyond.period.since).toBe(NOW - 24 * HOUR)
    expect(beyond.notes[0]).toMatch(/in the future/)
  })

  it('honours an explicit --hours or --since', () => {
    expect(
      resolveWindow({ nowMs: NOW, lastSuccessMs: NOW - HOUR, lookbackHours: 24, requested: { hours: 3 } }).period.since,
    ).toBe(NOW - 3 * HOUR)
    const since = resolveWindow({
      nowMs: NOW,
      lastSuccessMs: null,
      lookbackHours: 24,
      requested: { sinceMs: NOW - 10 * HOUR },
    })
    expect(since.basis).toBe('requested-since')
    expect(since.period.since).toBe(NOW - 10 * HOUR)
  })
})
