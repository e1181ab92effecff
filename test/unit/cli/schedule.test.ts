import { describe, expect, it } from 'vitest'
import { formatEvery, parseDuration } from '../../../src/cli/schedule/duration.js'
import { parseSchedule } from '../../../src/cli/schedule/schedule-spec.js'
import { ConfigError } from '../../../src/core/errors.js'
import { scheduleSettingsSchema } from '../../../src/shared/schedule-settings.js'

describe('parseDuration', () => {
  it.each([
    ['30s', 30_000],
    ['10m', 600_000],
    ['6h', 21_600_000],
    ['1d', 86_400_000],
    ['1h30m', 5_400_000],
    [' 2M ', 120_000],
    ['1500ms', 1500],
  ])('%s → %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  it.each(['', '10', 'm', '10 minutes', '5x', '-5m', '1.5h', '10m garbage'])('rejects %j', (text) => {
    expect(() => parseDuration(text)).toThrow(ConfigError)
  })

  it('refuses intervals shorter than a second or longer than a month', () => {
    expect(() => parseDuration('500ms')).toThrow(/between 1s and 31d/)
    expect(() => parseDuration('32d')).toThrow(/between 1s and 31d/)
  })

  it('formats durations back', () => {
    expect(formatEvery(5_400_000)).toBe('1h30m')
    expect(formatEvery(30_000)).toBe('30s')
    expect(formatEvery(1500)).toBe('1s500ms')
  })
})

describe('parseSchedule --every', () => {
  const spec = parseSchedule({ every: '10m', timezone: 'UTC' })

  it('runs at once, then at a fixed rate', () => {
    expect(spec.description).toBe('every 10m')
    expect(spec.firstRunAt(1_000)).toBe(1_000)
    expect(spec.nextRunAt(0, 120_000)).toBe(600_000)
  })

  it('coalesces slots missed by an overrunning run into one', () => {
    // A run started at 0 finished at 25 min: the 10 and 20 min slots are gone; next is 30 min.
    expect(spec.nextRunAt(0, 25 * 60_000)).toBe(30 * 60_000)
  })
})

describe('parseSchedule --cron', () => {
  it('finds the next match in the configured timezone', () => {
    const spec = parseSchedule({ cron: '0 8 * * *', timezone: 'Europe/Berlin' })
    // 2026-01-15 06:30 UTC = 07:30 in Berlin (CET, UTC+1): next 08:00 Berlin is 07:00 UTC the same day.
    const now = Date.UTC(2026, 0, 15, 6, 30)
    expect(new Date(spec.firstRunAt(now)).toISOString()).toBe('2026-01-15T07:00:00.000Z')
    expect(new Date(spec.nextRunAt(now, Date.UTC(2026, 0, 15, 7, 0, 5))).toISOString()).toBe('2026-01-16T07:00:00.000Z')
  })

  it('uses the timezone, not UTC', () => {
    const utc = parseSchedule({ cron: '0 8 * * *', timezone: 'UTC' })
    const ny = parseSchedule({ cron: '0 8 * * *', timezone: 'America/New_York' })
    const now = Date.UTC(2026, 5, 1, 0, 0)
    expect(new Date(utc.firstRunAt(now)).toISOString()).toBe('2026-06-01T08:00:00.000Z')
    expect(new Date(ny.firstRunAt(now)).toISOString()).toBe('2026-06-01T12:00:00.000Z')
  })

  it.each(['* * * *', '0 0 8 * * *', '61 * * * *', 'every day', '0 25 * * *'])('rejects %j', (cron) => {
    expect(() => parseSchedule({ cron, timezone: 'UTC' })).toThrow(ConfigError)
  })

  it('needs exactly one of --every and --cron', () => {
    expect(() => parseSchedule({ timezone: 'UTC' })).toThrow(/--every DURATION/)
    expect(() => parseSchedule({ every: '1m', cron: '* * * * *', timezone: 'UTC' })).toThrow(/not both/)
  })
})

describe('parseSchedule from the config file', () => {
  const configured = scheduleSettingsSchema.parse({
    enabled: true,
    preset: { kind: 'weekdays', time: '07:00' },
    timezone: 'Europe/Berlin',
  })

  it('without flags, an enabled schedule section is used, in its own timezone', () => {
    const spec = parseSchedule({ timezone: 'UTC', configured })
    expect(spec.description).toBe('weekdays at 07:00 (Europe/Berlin)')
    // Fri 4 Dec 2026 07:30 Berlin → Mon 7 Dec 07:00 Berlin (06:00 UTC).
    expect(new Date(spec.firstRunAt(Date.UTC(2026, 11, 4, 6, 30))).toISOString()).toBe('2026-12-07T06:00:00.000Z')
  })

  it('a flag wins over the section; a disabled section is not a schedule', () => {
    expect(parseSchedule({ every: '6h', timezone: 'UTC', configured }).description).toBe('every 6h')
    expect(() => parseSchedule({ timezone: 'UTC', configured: { ...configured, enabled: false } })).toThrow(
      /enabled "schedule" section/,
    )
  })
})
