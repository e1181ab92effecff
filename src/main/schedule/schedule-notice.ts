import type { ScannerError } from '../../core/errors.js'
import { notificationFor } from '../../core/schedule/notify-policy.js'
import type { ReportSummary } from '../../shared/ipc/payloads.js'
import type { Settings } from '../../shared/settings.js'

/** Who started a run: the admin (tray, window) or the schedule (a slot, a catch-up). */
export type ReportTrigger = 'manual' | 'schedule'

export type FinishedRun = ({ summary: ReportSummary } | { error: ScannerError }) & { trigger?: ReportTrigger }

/**
 * Pure: whether the notification after a run is shown. A run the admin started always says how it went; a
 * scheduled one follows the schedule's policy (always / only when severe / never) and its quiet hours.
 */
export function shouldNotify(run: FinishedRun, settings: Settings, nowMs: number): boolean {
  if (run.trigger !== 'schedule') return true
  const schedule = settings.schedule
  const summary = 'summary' in run ? run.summary : null
  return notificationFor({
    policy: schedule.notify,
    quietHours: schedule.quietHours,
    timezone: schedule.timezone ?? settings.report.timezone,
    nowMs,
    severe: summary?.severe ?? null,
    problem: summary === null || summary.incomplete !== undefined,
  }).notify
}
