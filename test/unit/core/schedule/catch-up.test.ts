import { describe, expect, it } from 'vitest'
import { catchUpDecision } from '../../../../src/core/schedule/catch-up.js'
import { compileSchedule } from '../../../../src/core/schedule/cron-schedule.js'

const daily = compileSchedule({ kind: 'daily', time: '07:00' }, 'Europe/Berlin')
const at = (day: number, hour: number, minute = 0) => Date.UTC(2026, 11, day, hour, minute)

describe('catch-up after a resume', () => {
  it('no slot passed since the last run: nothing to catch up', () => {
    // Last run Thu 3 Dec 06:00 UTC (07:00 Berlin), resumed the same evening.
    expect(catchUpDecision(daily, at(3, 6), at(3, 20))).toEqual({ run: false, missedSlotMs: null, missedSlots: 0 })
  })

  it('one slot slept through: one catch-up', () => {
    expect(catchUpDecision(daily, at(3, 6), at(4, 9))).toEqual({ run: true, missedSlotMs: at(4, 6), missedSlots: 1 })
  })

  it('a week powered off: still one catch-up, naming the newest missed slot', () => {
    const decision = catchUpDecision(daily, at(1, 6), at(8, 9))
    expect(decision.run).toBe(true)
    expect(decision.missedSlots).toBe(7)
    expect(decision.missedSlotMs).toBe(at(8, 6))
  })

  it('never ran before: nothing counts as missed', () => {
    expect(catchUpDecision(daily, null, at(8, 9)).run).toBe(false)
  })

  it('a last run in the future (the clock was set back) is not a reason to run', () => {
    expect(catchUpDecision(daily, at(9, 6), at(8, 9)).run).toBe(false)
  })

  it('the count is bounded for a years-old last run on an hourly schedule', () => {
    const hourly = compileSchedule({ kind: 'every-hours', hours: 1 }, 'UTC')
    const decision = catchUpDecision(hourly, Date.UTC(2020, 0, 1), at(8, 9))
    expect(decision).toMatchObject({ run: true, missedSlots: 1000 })
  })
})
