/**
 * Whether a scheduled report shows a notification: the schedule's policy (always, only with severe findings,
 * never) and its quiet hours, in the schedule's timezone. Reports run either way; only the notification is held
 * back. Reports the admin started by hand always notify: they are waiting for them.
 */
import type { NotifyPolicy, QuietHours } from '../../shared/schedule-settings.js'
import { zonedParts } from '../time.js'

export interface NotifyQuestion {
  policy: NotifyPolicy
  quietHours: QuietHours
  timezone: string
  nowMs: number
  /** Severe findings in the report; null when the run failed or wrote an incomplete report. */
  severe: number | null
  /** The run failed, or could not check a core source: the admin should hear about it (unless "never"). */
  problem: boolean
}

export type NotifyAnswer = { notify: true } | { notify: false; reason: 'policy' | 'no-severe' | 'quiet-hours' }

export function notificationFor(question: NotifyQuestion): NotifyAnswer {
  if (question.policy === 'never') return { notify: false, reason: 'policy' }
  if (question.policy === 'severe' && !question.problem && (question.severe ?? 0) === 0)
    return { notify: false, reason: 'no-severe' }
  if (insideQuietHours(question.quietHours, question.timezone, question.nowMs))
    return { notify: false, reason: 'quiet-hours' }
  return { notify: true }
}

/** Start inclusive, end exclusive; a span that wraps midnight (22:00 → 07:00) covers both sides of it. */
export function insideQuietHours(quiet: QuietHours, timezone: string, nowMs: number): boolean {
  if (!quiet.enabled) return false
  const parts = zonedParts(nowMs, timezone)
  const minute = parts.hour * 60 + parts.minute
  const start = minutesOf(quiet.start)
  const end = minutesOf(quiet.end)
  if (start === end) return false
  return start < end ? minute >= start && minute < end : minute >= start || minute < end
}

function minutesOf(time: string): number {
  const [hour, minute] = time.split(':').map(Number)
  return (hour ?? 0) * 60 + (minute ?? 0)
}
