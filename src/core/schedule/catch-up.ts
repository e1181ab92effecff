/**
 * The catch-up rule after sleep or a powered-off night: if at least one slot passed since the last run, make
 * exactly one report now — never one per missed slot (a week away from a daily schedule is one report, whose
 * window reaches back to the last report anyway).
 */
import type { CronSchedule } from './cron-schedule.js'

export interface CatchUpDecision {
  /** True: run one report now. */
  run: boolean
  /** The newest slot that was missed (epoch ms), for the log; null when none was. */
  missedSlotMs: number | null
  /** How many slots passed unrun (bounded count, for the log line only). */
  missedSlots: number
}

const COUNT_BOUND = 1000

/**
 * Pure. `lastRunMs` is when the last report ran (null: never — then nothing counts as missed, because
 * there is no telling since when the schedule should have run).
 */
export function catchUpDecision(schedule: CronSchedule, lastRunMs: number | null, nowMs: number): CatchUpDecision {
  if (lastRunMs === null || lastRunMs >= nowMs) return { run: false, missedSlotMs: null, missedSlots: 0 }
  let missed = 0
  let newest: number | null = null
  let cursor = lastRunMs
  while (missed < COUNT_BOUND) {
    const slot = schedule.nextAfter(cursor)
    if (slot > nowMs) break
    missed += 1
    newest = slot
    cursor = slot
  }
  return { run: missed > 0, missedSlotMs: newest, missedSlots: missed }
}
