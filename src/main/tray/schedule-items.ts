import type { MenuItemConstructorOptions } from 'electron'
import type { ScheduleStatus } from '../../shared/ipc/schedule-payloads.js'

/**
 * Pure: the schedule's lines in the tray menu — "Next report: Fri 4 Dec 07:00" and "Pause schedule", or
 * "Schedule paused" and "Resume schedule", or why the schedule cannot run. Nothing while no schedule is set.
 */
export function scheduleMenuItems(
  schedule: ScheduleStatus | undefined,
  setPaused: ((paused: boolean) => void) | undefined,
): MenuItemConstructorOptions[] {
  if (!schedule?.enabled) return []
  if (schedule.problem !== null) {
    return [{ id: 'schedule-problem', label: `Schedule not running: ${schedule.problem}`, enabled: false }]
  }
  const toggle = setPaused
    ? [
        {
          id: schedule.paused ? 'resume-schedule' : 'pause-schedule',
          label: schedule.paused ? 'Resume schedule' : 'Pause schedule',
          click: () => setPaused(!schedule.paused),
        } satisfies MenuItemConstructorOptions,
      ]
    : []
  const line = scheduleLine(schedule)
  return [...(line ? [{ id: 'next-report', label: line, enabled: false }] : []), ...toggle]
}

/** "Next report: Fri 4 Dec 07:00" or "Schedule paused", for the menu and the tooltip; null without a schedule. */
export function scheduleLine(schedule: ScheduleStatus | undefined): string | null {
  if (!schedule?.enabled) return null
  if (schedule.problem !== null) return 'Schedule not running'
  if (schedule.paused) return 'Schedule paused'
  return schedule.nextRunLabel ? `Next report: ${schedule.nextRunLabel}` : null
}
