import { describe, expect, it } from 'vitest'
import {
  fileStamp,
  formatDateTime,
  formatDateTimeWithZone,
  formatDuration,
  formatShortDateTime,
  formatSpan,
  formatTime,
  formatTimeout,
  parseZonedIso,
  toZonedIso,
} from '../../../src/core/time.js'

const T = Date.UTC(2026, 0, 24, 14, 30, 5)

describe('time formatting (the one engine module)', () => {
  it('shows times in the configured zone with a 12-hour clock and the zone abbreviation', () => {
    expect(formatDateTime(T, 'America/New_York')).toBe('Jan 24, 2026 at 9:30 AM EST')
    expect(formatDateTime(T, 'UTC')).toBe('Jan 24, 2026 at 2:30 PM UTC')
    expect(formatShortDateTime(Date.UTC(2026, 0, 24, 5, 0), 'UTC')).toBe('Jan 24 at 5:00 AM')
    expect(formatShortDateTime(Date.UTC(2026, 0, 24, 12, 7), 'UTC')).toBe('Jan 24 at 12:07 PM')
    expect(formatShortDateTime(Date.UTC(2026, 0, 24, 0, 7), 'UTC')).toBe('Jan 24 at 12:07 AM')
    expect(formatTime(T, 'America/New_York')).toBe('9:30 AM EST')
    expect(formatDateTime(Number.NaN, 'UTC')).toBe('unknown time')
  })

  it('names the IANA zone after the time only when its short name does not already say it', () => {
    expect(formatDateTimeWithZone(T, 'UTC')).toBe('Jan 24, 2026 at 2:30 PM UTC')
    expect(formatDateTimeWithZone(T, 'America/New_York')).toBe('Jan 24, 2026 at 9:30 AM EST (America/New_York)')
  })

  it('falls back to UTC for a zone Intl does not know, keeping the instant right', () => {
    expect(formatTime(Date.parse('2026-11-28T13:05:00Z'), 'Not/AZone')).toBe('1:05 PM UTC')
    expect(parseZonedIso(toZonedIso(T, 'Not/AZone'))).toBe(T)
  })

  it('formats durations, time budgets and limit spans', () => {
    expect(formatDuration(850)).toBe('850 ms')
    expect(formatDuration(45_000)).toBe('45 s')
    expect(formatDuration(125_000)).toBe('2 min 5 s')
    expect(formatDuration(3_780_000)).toBe('1 h 3 min')
    expect(formatTimeout(250)).toBe('250 ms')
    expect(formatTimeout(30_000)).toBe('30 s')
    expect(formatTimeout(1500)).toBe('1.5 s')
    expect(formatSpan(86_400)).toBe('24 h')
    expect(formatSpan(30 * 86_400)).toBe('30 days')
  })

  it('writes ISO timestamps with the zone offset, including daylight saving time', () => {
    expect(toZonedIso(T, 'America/New_York')).toBe('2026-01-24T09:30:05-05:00')
    expect(toZonedIso(Date.UTC(2026, 6, 1, 12, 0), 'America/New_York')).toBe('2026-07-01T08:00:00-04:00')
    expect(toZonedIso(T + 250, 'Asia/Kolkata')).toBe('2026-01-24T20:00:05.250+05:30')
    expect(parseZonedIso(toZonedIso(T + 250, 'Asia/Kolkata'))).toBe(T + 250)
  })

  it('stamps file names with the wall-clock time of the zone', () => {
    expect(fileStamp(T, 'America/New_York')).toBe('2026-01-24-093005')
    expect(fileStamp(T, 'UTC')).toBe('2026-01-24-143005')
  })

  it('rejects naive timestamps instead of guessing their zone', () => {
    expect(parseZonedIso('2026-01-24T14:30:00')).toBeNull()
    expect(parseZonedIso('2026-01-24 14:30:00Z')).toBeNull()
    expect(parseZonedIso('not a date')).toBeNull()
    expect(parseZonedIso('2026-01-24T14:30:00Z')).toBe(Date.UTC(2026, 0, 24, 14, 30))
    expect(parseZonedIso('2026-01-24T14:30:00+0100')).toBe(Date.UTC(2026, 0, 24, 13, 30))
  })
})
