import { describe, expect, it } from 'vitest'
import { ConfigError } from '../../../../src/core/errors.js'
import { compileSchedule, presetToCron } from '../../../../src/core/schedule/cron-schedule.js'
import { runLabel } from '../../../../src/core/schedule/run-label.js'
import { scheduleSettingsSchema, type SchedulePreset } from '../../../../src/shared/schedule-settings.js'

const iso = (ms: number) => new Date(ms).toISOString()

describe('presets to cron', () => {
  it.each<[SchedulePreset, string]>([
    [{ kind: 'every-hours', hours: 1 }, '0 * * * *'],
    [{ kind: 'every-hours', hours: 6 }, '0 */6 * * *'],
    [{ kind: 'daily', time: '07:00' }, '0 7 * * *'],
    [{ kind: 'daily', time: '23:05' }, '5 23 * * *'],
    [{ kind: 'weekdays', time: '08:30' }, '30 8 * * 1-5'],
    [{ kind: 'weekly', day: 'sunday', time: '00:00' }, '0 0 * * 0'],
    [{ kind: 'weekly', day: 'thursday', time: '07:15' }, '15 7 * * 4'],
    [{ kind: 'cron', expression: '  0   7 * *   1 ' }, '0 7 * * 1'],
  ])('%j → %s', (preset, cron) => {
    expect(presetToCron(preset)).toBe(cron)
  })

  it('refuses what the editor cannot mean, with the setting named', () => {
    const issues = (preset: unknown) =>
      scheduleSettingsSchema.safeParse({ preset }).error?.issues.map((issue) => issue.message) ?? []
    expect(issues({ kind: 'every-hours', hours: 5 })).toEqual([expect.stringMatching(/1, 2, 3, 4, 6, 8, 12 hours/)])
    expect(issues({ kind: 'daily', time: '7:00' })).toEqual([expect.stringMatching(/HH:MM/)])
    expect(issues({ kind: 'daily', time: '24:00' })).toEqual([expect.stringMatching(/HH:MM/)])
    expect(issues({ kind: 'weekly', day: 'someday', time: '07:00' })).toEqual([
      expect.stringMatching(/day of the week/),
    ])
    expect(issues({ kind: 'cron', expression: '0 7 * *' })).toEqual([expect.stringMatching(/5 fields/)])
    expect(issues({ kind: 'hourly' })).toEqual([expect.stringMatching(/every-hours, daily/)])
    expect(scheduleSettingsSchema.safeParse({ timezone: 'Mars/Olympus' }).error?.issues[0]?.message).toMatch(/IANA/)
  })

  it('a cron expression croner refuses is a ConfigError naming the setting', () => {
    expect(() => compileSchedule({ kind: 'cron', expression: '61 * * * *' }, 'UTC', { label: 'schedule' })).toThrow(
      ConfigError,
    )
    expect(() => compileSchedule({ kind: 'cron', expression: '0 0 31 2 *' }, 'UTC', { label: 'schedule' })).toThrow(
      /schedule "0 0 31 2 \*"/,
    )
  })
})

describe('next runs', () => {
  it('lists the next three daily runs in the schedule timezone, labelled as the tray shows them', () => {
    const schedule = compileSchedule({ kind: 'daily', time: '07:00' }, 'Europe/Berlin')
    // Thu 3 Dec 2026 09:00 UTC = 10:00 in Berlin: today's 07:00 is gone.
    const runs = schedule.nextRuns(Date.UTC(2026, 11, 3, 9, 0), 3)
    expect(runs.map(iso)).toEqual(['2026-12-04T06:00:00.000Z', '2026-12-05T06:00:00.000Z', '2026-12-06T06:00:00.000Z'])
    expect(runs.map((ms) => runLabel(ms, 'Europe/Berlin'))).toEqual([
      'Fri 4 Dec 07:00',
      'Sat 5 Dec 07:00',
      'Sun 6 Dec 07:00',
    ])
  })

  it('weekdays skip the weekend', () => {
    const schedule = compileSchedule({ kind: 'weekdays', time: '07:00' }, 'UTC')
    const runs = schedule.nextRuns(Date.UTC(2026, 11, 4, 8, 0), 3) // Fri 4 Dec, after 07:00
    expect(runs.map((ms) => runLabel(ms, 'UTC'))).toEqual(['Mon 7 Dec 07:00', 'Tue 8 Dec 07:00', 'Wed 9 Dec 07:00'])
  })

  it('Europe/Berlin, last Sunday of March: a daily 02:30 (inside the gap) runs once, right after the gap', () => {
    const schedule = compileSchedule({ kind: 'daily', time: '02:30' }, 'Europe/Berlin')
    // Sat 28 Mar 2026 12:00 UTC. On Sun 29 Mar the clocks jump from 02:00 CET to 03:00 CEST.
    const runs = schedule.nextRuns(Date.UTC(2026, 2, 28, 12, 0), 3)
    expect(runs.map(iso)).toEqual([
      '2026-03-29T01:00:00.000Z', // 03:00 CEST, the first valid time after the gap
      '2026-03-30T00:30:00.000Z', // 02:30 CEST
      '2026-03-31T00:30:00.000Z',
    ])
    expect(runs.map((ms) => runLabel(ms, 'Europe/Berlin'))).toEqual([
      'Sun 29 Mar 03:00',
      'Mon 30 Mar 02:30',
      'Tue 31 Mar 02:30',
    ])
  })

  it('Europe/Berlin, last Sunday of October: a daily 02:30 (an hour that happens twice) runs once', () => {
    const schedule = compileSchedule({ kind: 'daily', time: '02:30' }, 'Europe/Berlin')
    // On Sun 25 Oct 2026 the clocks go back from 03:00 CEST to 02:00 CET: 02:30 happens at 00:30 and 01:30 UTC.
    const runs = schedule.nextRuns(Date.UTC(2026, 9, 24, 12, 0), 3)
    expect(runs.map(iso)).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z', '2026-10-27T01:30:00.000Z'])
  })

  it('Europe/Berlin: a daily 07:00 stays at 07:00 wall-clock across both changes', () => {
    const schedule = compileSchedule({ kind: 'daily', time: '07:00' }, 'Europe/Berlin')
    expect(schedule.nextRuns(Date.UTC(2026, 2, 28, 12, 0), 2).map(iso)).toEqual([
      '2026-03-29T05:00:00.000Z',
      '2026-03-30T05:00:00.000Z',
    ])
    expect(schedule.nextRuns(Date.UTC(2026, 9, 24, 12, 0), 2).map(iso)).toEqual([
      '2026-10-25T06:00:00.000Z',
      '2026-10-26T06:00:00.000Z',
    ])
  })

  it('America/New_York, second Sunday of March: every hour skips the hour that does not exist', () => {
    const schedule = compileSchedule({ kind: 'every-hours', hours: 1 }, 'America/New_York')
    // Sun 8 Mar 2026: 02:00 EST jumps to 03:00 EDT (07:00 UTC).
    const runs = schedule.nextRuns(Date.UTC(2026, 2, 8, 5, 30), 3) // 00:30 EST
    expect(runs.map((ms) => runLabel(ms, 'America/New_York'))).toEqual([
      'Sun 8 Mar 01:00',
      'Sun 8 Mar 03:00',
      'Sun 8 Mar 04:00',
    ])
    expect(runs[1]! - runs[0]!).toBe(3_600_000)
  })

  it('America/New_York, first Sunday of November: every hour runs in both 01:00 hours, an hour apart', () => {
    const schedule = compileSchedule({ kind: 'every-hours', hours: 1 }, 'America/New_York')
    // Sun 1 Nov 2026: 02:00 EDT goes back to 01:00 EST.
    const runs = schedule.nextRuns(Date.UTC(2026, 10, 1, 4, 30), 3) // 00:30 EDT
    expect(runs.map(iso)).toEqual(['2026-11-01T05:00:00.000Z', '2026-11-01T06:00:00.000Z', '2026-11-01T07:00:00.000Z'])
    expect(runs.map((ms) => runLabel(ms, 'America/New_York'))).toEqual([
      'Sun 1 Nov 01:00',
      'Sun 1 Nov 01:00',
      'Sun 1 Nov 02:00',
    ])
  })

  it('America/New_York: a weekly Sunday 09:00 keeps its wall-clock time over the change', () => {
    const schedule = compileSchedule({ kind: 'weekly', day: 'sunday', time: '09:00' }, 'America/New_York')
    const runs = schedule.nextRuns(Date.UTC(2026, 2, 1, 15, 0), 2) // Sun 1 Mar after the run
    expect(runs.map(iso)).toEqual(['2026-03-08T13:00:00.000Z', '2026-03-15T13:00:00.000Z'])
  })

  it('lists at most a bounded number of runs', () => {
    const schedule = compileSchedule({ kind: 'every-hours', hours: 1 }, 'UTC')
    expect(schedule.nextRuns(0, 10_000)).toHaveLength(50)
  })
})
