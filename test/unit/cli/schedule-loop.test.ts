import { describe, expect, it } from 'vitest'
import { runScheduleLoop } from '../../../src/cli/schedule/schedule-loop.js'
import { parseSchedule } from '../../../src/cli/schedule/schedule-spec.js'
import { sleep } from '../../../src/cli/interrupts.js'

/** A virtual clock: sleeping advances time instantly, so the loop's planning is checked exactly. */
function virtualClock(start: number) {
  let time = start
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms
    },
    sleep: (ms: number) => {
      time += ms
      return Promise.resolve()
    },
  }
}

describe('runScheduleLoop', () => {
  it('runs at once and then every interval, never overlapping', async () => {
    const clock = virtualClock(0)
    const controller = new AbortController()
    const starts: number[] = []
    let active = 0
    let maxActive = 0
    const runs = await runScheduleLoop({
      spec: parseSchedule({ every: '10s', timezone: 'UTC' }),
      signal: controller.signal,
      now: clock.now,
      sleep: clock.sleep,
      runOnce: async () => {
        active += 1
        maxActive = Math.max(maxActive, active)
        starts.push(clock.now())
        // Each run takes 3 s; the third overruns two slots.
        clock.advance(starts.length === 3 ? 25_000 : 3_000)
        await Promise.resolve()
        active -= 1
        if (starts.length === 5) controller.abort()
      },
    })
    expect(runs).toBe(5)
    expect(maxActive).toBe(1)
    expect(starts).toEqual([0, 10_000, 20_000, 50_000, 60_000])
  })

  it('follows cron matches in the timezone', async () => {
    const start = Date.parse('2026-01-15T06:30:00Z')
    const clock = virtualClock(start)
    const controller = new AbortController()
    const starts: string[] = []
    await runScheduleLoop({
      spec: parseSchedule({ cron: '0 8 * * *', timezone: 'Europe/Berlin' }),
      signal: controller.signal,
      now: clock.now,
      sleep: clock.sleep,
      runOnce: () => {
        starts.push(new Date(clock.now()).toISOString())
        clock.advance(60_000)
        if (starts.length === 2) controller.abort()
        return Promise.resolve()
      },
    })
    expect(starts).toEqual(['2026-01-15T07:00:00.000Z', '2026-01-16T07:00:00.000Z'])
  })

  it('stops waiting at once when aborted and does not start another run', async () => {
    const controller = new AbortController()
    let runs = 0
    const loop = runScheduleLoop({
      spec: parseSchedule({ every: '1h', timezone: 'UTC' }),
      signal: controller.signal,
      runOnce: () => {
        runs += 1
        return Promise.resolve()
      },
    })
    // The first run happens at once; the loop then sleeps for an hour on a real timer.
    await new Promise((resolve) => setTimeout(resolve, 20))
    controller.abort()
    await expect(loop).resolves.toBe(1)
    expect(runs).toBe(1)
  })

  it('sleep resolves early on abort', async () => {
    const controller = new AbortController()
    const slept = sleep(60_000, controller.signal)
    controller.abort()
    await expect(slept).resolves.toBeUndefined()
  })
})
