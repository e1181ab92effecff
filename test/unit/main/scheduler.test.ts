/**
 * The tray's scheduler on a fake clock (vitest fake timers): slots fire at their time, a simulated sleep ends in
 * exactly one catch-up however many slots it swallowed, pause holds everything, and a run that cannot start
 * never stops the schedule. powerMonitor is the only Electron piece, replaced by a plain emitter.
 */
import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DataFolderBusyError } from '../../../src/core/files/run-lock.js'
import { createMemoryLogger } from '../../../src/core/logger.js'
import { followPowerEvents, type PowerEvents } from '../../../src/main/schedule/power-events.js'
import { Scheduler } from '../../../src/main/schedule/scheduler.js'
import { createMemorySettingsService } from '../../../src/main/settings/create-settings-service.js'
import type { ScheduleStatus } from '../../../src/shared/ipc/schedule-payloads.js'
import type { SettingsInput } from '../../../src/shared/settings.js'

// Europe/Berlin is UTC+1 in December.
const berlin = (day: number, hour: number, minute = 0) => Date.UTC(2026, 11, day, hour - 1, minute)
const DAILY_7: SettingsInput = {
  report: { timezone: 'Europe/Berlin' },
  schedule: { enabled: true, preset: { kind: 'daily', time: '07:00' } },
}

interface World {
  scheduler: Scheduler
  power: EventEmitter & PowerEvents
  runs: number[]
  statuses: ScheduleStatus[]
  settings: ReturnType<typeof createMemorySettingsService>
  lastRun: { ms: number | null }
  fail: { next: Error | null }
  running: { value: boolean }
  logger: ReturnType<typeof createMemoryLogger>
}

let world: World | null = null

function startWorld(input: SettingsInput, lastRunMs: number | null): World {
  const settings = createMemorySettingsService(input)
  const power = new EventEmitter() as EventEmitter & PowerEvents
  const runs: number[] = []
  const statuses: ScheduleStatus[] = []
  const lastRun = { ms: lastRunMs }
  const fail: World['fail'] = { next: null }
  const running = { value: false }
  const logger = createMemoryLogger()
  const scheduler = new Scheduler({
    settings,
    runReport: async () => {
      runs.push(Date.now())
      if (fail.next) {
        const error = fail.next
        fail.next = null
        throw error
      }
      // A report takes a while; its history entry is what the next catch-up decision reads.
      await new Promise((resolve) => setTimeout(resolve, 30_000))
      lastRun.ms = Date.now()
    },
    isRunning: () => running.value,
    lastRunMs: () => Promise.resolve(lastRun.ms),
    logger,
    onStatus: (status) => statuses.push(status),
  })
  followPowerEvents(power, scheduler)
  world = { scheduler, power, runs, statuses, settings, lastRun, fail, running, logger }
  return world
}

beforeEach(() => {
  vi.useFakeTimers({ now: berlin(3, 10), toFake: ['setTimeout', 'clearTimeout', 'Date'] })
})

afterEach(() => {
  world?.scheduler.stop()
  world = null
  vi.useRealTimers()
})

describe('scheduler on a fake clock', () => {
  it('arms the next daily slot, runs it at its time, then arms the one after', async () => {
    const { scheduler, runs } = startWorld(DAILY_7, berlin(3, 7))
    await scheduler.start()
    expect(runs).toEqual([])
    expect(scheduler.status()).toMatchObject({
      enabled: true,
      paused: false,
      nextRunLabel: 'Fri 4 Dec 07:00',
      nextRunAt: new Date(berlin(4, 7)).toISOString(),
      description: 'daily at 07:00 (Europe/Berlin)',
    })
    await vi.advanceTimersByTimeAsync(berlin(4, 7) - Date.now() - 1000)
    expect(runs).toEqual([])
    await vi.advanceTimersByTimeAsync(1000)
    expect(runs).toEqual([berlin(4, 7)])
    await vi.advanceTimersByTimeAsync(60_000)
    expect(scheduler.status().nextRunLabel).toBe('Sat 5 Dec 07:00')
  })

  it('after a sleep over two slots: exactly one catch-up on resume, then the next slot as usual', async () => {
    const { scheduler, power, runs } = startWorld(DAILY_7, berlin(3, 7))
    await scheduler.start()
    power.emit('suspend')
    // Asleep until Saturday 09:00: the wall clock moves, no timer runs.
    vi.setSystemTime(berlin(5, 9))
    power.emit('resume')
    await vi.advanceTimersByTimeAsync(0)
    expect(runs).toEqual([berlin(5, 9)])
    // The report finishes; nothing else runs until Sunday 07:00.
    await vi.advanceTimersByTimeAsync(berlin(6, 7) - Date.now() - 1000)
    expect(runs).toHaveLength(1)
    expect(scheduler.status().nextRunLabel).toBe('Sun 6 Dec 07:00')
    await vi.advanceTimersByTimeAsync(1000)
    expect(runs).toEqual([berlin(5, 9), berlin(6, 7)])
  })

  it('a resume without a suspend event, with the old timer still due, still runs only once', async () => {
    const { scheduler, power, runs } = startWorld(DAILY_7, berlin(3, 7))
    await scheduler.start()
    vi.setSystemTime(berlin(4, 12))
    power.emit('resume')
    power.emit('resume')
    await vi.advanceTimersByTimeAsync(20 * 60_000)
    expect(runs).toEqual([berlin(4, 12)])
  })

  it('a resume before the next slot runs nothing', async () => {
    const { scheduler, power, runs } = startWorld(DAILY_7, berlin(3, 7))
    await scheduler.start()
    power.emit('suspend')
    vi.setSystemTime(berlin(3, 23))
    power.emit('resume')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(runs).toEqual([])
    expect(scheduler.status().nextRunLabel).toBe('Fri 4 Dec 07:00')
  })

  it('starting after a night switched off makes one catch-up report; a first start ever makes none', async () => {
    const { scheduler, runs } = startWorld(DAILY_7, berlin(1, 7))
    await scheduler.start()
    expect(runs).toEqual([berlin(3, 10)])
    scheduler.stop()

    const fresh = startWorld(DAILY_7, null)
    await fresh.scheduler.start()
    expect(fresh.runs).toEqual([])
  })

  it('paused: no run at the slot and no catch-up on resume; resumed: the next slot is armed again', async () => {
    const { scheduler, power, runs, settings } = startWorld(DAILY_7, berlin(3, 7))
    await scheduler.start()
    scheduler.setPaused(true)
    expect(settings.read().schedule.paused).toBe(true)
    expect(scheduler.status()).toMatchObject({ paused: true, nextRunAt: null, nextRunLabel: null })
    await vi.advanceTimersByTimeAsync(berlin(4, 8) - Date.now())
    power.emit('resume')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(runs).toEqual([])
    scheduler.setPaused(false)
    expect(scheduler.status()).toMatchObject({ paused: false, nextRunLabel: 'Sat 5 Dec 07:00' })
    // Resuming the schedule is not a resume from sleep: the missed Friday slot is not caught up.
    await vi.advanceTimersByTimeAsync(60_000)
    expect(runs).toEqual([])
  })

  it('a slot while a report started by hand is running is skipped, not queued', async () => {
    const { scheduler, runs, running } = startWorld(DAILY_7, berlin(3, 7))
    await scheduler.start()
    running.value = true
    await vi.advanceTimersByTimeAsync(berlin(4, 7) - Date.now())
    expect(runs).toEqual([])
    running.value = false
    expect(scheduler.status().nextRunLabel).toBe('Sat 5 Dec 07:00')
  })

  it('a busy data folder (another process runs) is logged and the schedule goes on', async () => {
    const { scheduler, runs, fail, logger } = startWorld(DAILY_7, berlin(3, 7))
    await scheduler.start()
    fail.next = new DataFolderBusyError('/data')
    await vi.advanceTimersByTimeAsync(berlin(4, 7) - Date.now())
    expect(runs).toEqual([berlin(4, 7)])
    const refused = logger.records.find((record) => record.message === 'scheduled report did not run')
    expect(refused?.fields).toMatchObject({ code: 'DATA_FOLDER_BUSY', why: 'slot' })
    expect(scheduler.status().nextRunLabel).toBe('Sat 5 Dec 07:00')
  })

  it('changing the schedule re-arms it; switching it off clears the next run', async () => {
    const { scheduler, settings, statuses } = startWorld(DAILY_7, berlin(3, 7))
    await scheduler.start()
    settings.update({ schedule: { preset: { kind: 'every-hours', hours: 6 } } })
    expect(scheduler.status()).toMatchObject({
      nextRunLabel: 'Thu 3 Dec 12:00',
      description: 'every 6 hours (Europe/Berlin)',
    })
    settings.update({ schedule: { enabled: false } })
    expect(scheduler.status()).toMatchObject({ enabled: false, nextRunAt: null })
    expect(statuses.map((status) => status.nextRunLabel)).toEqual(['Fri 4 Dec 07:00', 'Thu 3 Dec 12:00', null])
  })

  it('a long wait is made of capped timers: a clock set forward past the slot runs it within the cap', async () => {
    const weekly: SettingsInput = {
      report: { timezone: 'Europe/Berlin' },
      schedule: { enabled: true, preset: { kind: 'weekly', day: 'monday', time: '07:00' } },
    }
    const { scheduler, runs } = startWorld(weekly, berlin(3, 7))
    await scheduler.start()
    expect(scheduler.status().nextRunLabel).toBe('Mon 7 Dec 07:00')
    vi.setSystemTime(berlin(7, 7, 30))
    await vi.advanceTimersByTimeAsync(15 * 60_000)
    expect(runs).toHaveLength(1)
  })
})
