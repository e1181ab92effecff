/**
 * The tray app's schedule: arms one timer for the next slot of `settings.schedule`, runs the report through the
 * report job when it fires, and after a sleep or a start (the machine may have been off all night) makes one
 * catch-up report if at least one slot passed since the last run — one, however many were missed. The engine
 * decides everything (`src/core/schedule/`); this only holds the timer.
 *
 * Timers are capped at `MAX_TIMER_MS` and the slot is checked again when one fires, so a changed wall clock or
 * a timer that did not count the time asleep cannot make a run early, late by more than the cap, or twice.
 * Only one scheduled run is in flight; a report the admin started by hand meanwhile makes the slot's run
 * unnecessary, and a data folder another process is using (the run lock) is tried again at the next slot.
 */
import { toScannerError } from '../../core/errors.js'
import type { Logger } from '../../core/logger.js'
import { catchUpDecision } from '../../core/schedule/catch-up.js'
import { compileSchedule, type CronSchedule } from '../../core/schedule/cron-schedule.js'
import { runLabel } from '../../core/schedule/run-label.js'
import type { ScheduleStatus } from '../../shared/ipc/schedule-payloads.js'
import type { Settings } from '../../shared/settings.js'

export const MAX_TIMER_MS = 15 * 60_000

export interface ScheduleTimers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const realTimers: ScheduleTimers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms)
    // A tray app quits on "Quit"; the schedule must never be what keeps a process (or a test) alive.
    handle.unref?.()
    return handle
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface SchedulerDeps {
  settings: {
    read(): Settings
    onChange(listener: (settings: Settings) => void): () => void
    update(patch: { schedule: { paused: boolean } }): unknown
  }
  /** Runs one scheduled report (the report job with the `schedule` trigger); rejects when it could not. */
  runReport: () => Promise<unknown>
  /** A report is running already (started by hand, or the catch-up). */
  isRunning: () => boolean
  /** When the last report of the data folder ran (run state and history), for the catch-up rule. */
  lastRunMs: () => Promise<number | null>
  logger: Logger
  now?: () => number
  timers?: ScheduleTimers
  /** The schedule's status changed (next run, paused): the status store, and through it tray and window. */
  onStatus?: (status: ScheduleStatus) => void
}

export class Scheduler {
  private readonly now: () => number
  private readonly timers: ScheduleTimers
  private timer: unknown = null
  /** The slot the armed timer is for (epoch ms). */
  private planned: number | null = null
  private inFlight: Promise<void> | null = null
  /** When this process last started a scheduled run: counts for the catch-up even before its files exist. */
  private lastStarted: number | null = null
  private unsubscribe: (() => void) | null = null
  private current: ScheduleStatus
  private stopped = false

  constructor(private readonly deps: SchedulerDeps) {
    this.now = deps.now ?? Date.now
    this.timers = deps.timers ?? realTimers
    this.current = {
      enabled: false,
      paused: false,
      description: null,
      nextRunAt: null,
      nextRunLabel: null,
      problem: null,
    }
  }

  /**
   * Arms the first slot and checks for a missed one (the app may start after a night switched off). Resolves
   * once that is decided (a catch-up run has started, not finished).
   */
  start(): Promise<void> {
    this.unsubscribe = this.deps.settings.onChange(() => this.arm())
    this.arm()
    return this.catchUp('start')
  }

  status(): ScheduleStatus {
    return this.current
  }

  /** powerMonitor 'suspend': no timer runs while asleep; `resume` decides what was missed. */
  suspend(): void {
    this.disarm()
  }

  /** powerMonitor 'resume': one catch-up if a slot passed while asleep, then the next slot. */
  resume(): Promise<void> {
    return this.catchUp('resume')
  }

  /** "Pause schedule" / "Resume schedule" in the tray: saved, so it holds across restarts. */
  setPaused(paused: boolean): void {
    this.deps.settings.update({ schedule: { paused } })
  }

  stop(): void {
    this.stopped = true
    this.disarm()
    this.unsubscribe?.()
    this.unsubscribe = null
  }

  /** Resolves once the scheduled run in flight (if any) has finished; for an orderly quit and for tests. */
  async idle(): Promise<void> {
    await this.inFlight
  }

  private compiled(settings: Settings): { schedule: CronSchedule | null; problem: string | null } {
    const config = settings.schedule
    if (!config.enabled) return { schedule: null, problem: null }
    try {
      const timezone = config.timezone ?? settings.report.timezone
      return { schedule: compileSchedule(config.preset, timezone, { nowMs: this.now() }), problem: null }
    } catch (error) {
      return { schedule: null, problem: toScannerError(error).message }
    }
  }

  /** Computes the next slot from the settings and arms the timer for it (or for the cap). */
  private arm(): void {
    this.disarm()
    if (this.stopped) return
    const settings = this.deps.settings.read()
    const config = settings.schedule
    const { schedule, problem } = this.compiled(settings)
    const active = schedule !== null && !config.paused
    const next = active ? schedule.nextAfter(this.now()) : null
    this.publish({
      enabled: config.enabled,
      paused: config.paused,
      description: schedule?.description ?? null,
      nextRunAt: next === null ? null : new Date(next).toISOString(),
      nextRunLabel: next === null || !schedule ? null : runLabel(next, schedule.timezone),
      problem,
    })
    if (next === null) return
    this.planned = next
    this.timer = this.timers.setTimeout(() => this.fire(), Math.min(Math.max(0, next - this.now()), MAX_TIMER_MS))
  }

  private disarm(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer)
    this.timer = null
    this.planned = null
  }

  private fire(): void {
    this.timer = null
    const planned = this.planned
    if (planned === null || this.now() < planned) {
      // Woken by the cap (or early by a clock change): look again.
      this.arm()
      return
    }
    this.planned = null
    void this.run('slot')
  }

  private async catchUp(reason: 'start' | 'resume'): Promise<void> {
    this.disarm()
    const settings = this.deps.settings.read()
    const { schedule } = this.compiled(settings)
    if (!schedule || settings.schedule.paused || this.stopped) return this.arm()
    // A run in flight (the slot's, or one the admin started) covers what was missed.
    if (this.inFlight || this.deps.isRunning()) return this.arm()
    const fromDisk = await this.deps.lastRunMs().catch(() => null)
    const last = Math.max(fromDisk ?? -Infinity, this.lastStarted ?? -Infinity)
    const decision = catchUpDecision(schedule, Number.isFinite(last) ? last : null, this.now())
    if (!decision.run || this.inFlight || this.deps.isRunning()) return this.arm()
    this.deps.logger.info('schedule catch-up', {
      reason,
      missedSlots: decision.missedSlots,
      missedSlot: decision.missedSlotMs === null ? null : new Date(decision.missedSlotMs).toISOString(),
    })
    // Not awaited: start and resume are decided once the run has started; `idle` waits for it.
    void this.run('catch-up')
  }

  private run(why: 'slot' | 'catch-up'): Promise<void> {
    if (this.inFlight) return this.inFlight
    if (this.deps.isRunning()) {
      this.deps.logger.info('scheduled report skipped: a report is already running', { why })
      this.arm()
      return Promise.resolve()
    }
    this.lastStarted = this.now()
    const running = this.deps
      .runReport()
      .then(
        () => undefined,
        (error: unknown) => {
          const failure = toScannerError(error)
          this.deps.logger.warn('scheduled report did not run', { why, code: failure.code, kind: failure.kind })
        },
      )
      .finally(() => {
        this.inFlight = null
        this.arm()
      })
    this.inFlight = running
    return running
  }

  private publish(next: ScheduleStatus): void {
    const before = this.current
    this.current = next
    if (JSON.stringify(before) !== JSON.stringify(next)) this.deps.onStatus?.(next)
  }
}
