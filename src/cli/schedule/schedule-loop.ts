/**
 * The `schedule` loop: one run at a time, in one process, until the signal aborts. Runs are awaited before
 * the next is planned, so two never overlap; a run that overruns its slot is followed by one catch-up run,
 * not a burst.
 */
import { sleep as defaultSleep } from '../interrupts.js'
import type { ScheduleSpec } from './schedule-spec.js'

export interface ScheduleLoopOptions {
  spec: ScheduleSpec
  signal: AbortSignal
  runOnce: (signal: AbortSignal) => Promise<void>
  /** Called with the epoch ms of each planned run before waiting for it. */
  onPlanned?: (at: number) => void
  now?: () => number
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
}

/** Resolves with the number of runs started once `signal` aborts (after the current run has stopped). */
export async function runScheduleLoop(options: ScheduleLoopOptions): Promise<number> {
  const now = options.now ?? Date.now
  const wait = options.sleep ?? defaultSleep
  const { signal, spec } = options
  let runs = 0
  let next = spec.firstRunAt(now())
  while (!signal.aborted) {
    options.onPlanned?.(next)
    // Long sleeps can wake early (timer cap, clock changes): keep waiting until the planned time.
    while (!signal.aborted && now() < next) await wait(next - now(), signal)
    if (signal.aborted) break
    const start = now()
    runs += 1
    await options.runOnce(signal)
    next = spec.nextRunAt(start, now())
  }
  return runs
}
