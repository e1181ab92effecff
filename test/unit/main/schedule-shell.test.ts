/**
 * The main-process pieces around the scheduler: the tray's schedule lines, the notification rule after a run,
 * the editor's preview, and saving a schedule through the settings patch (same rules as the CLI's config file).
 */
import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { ScannerError } from '../../../src/core/errors.js'
import { shouldNotify } from '../../../src/main/schedule/schedule-notice.js'
import { previewSchedule } from '../../../src/main/schedule/schedule-preview.js'
import { createMemorySettingsService } from '../../../src/main/settings/create-settings-service.js'
import { computeStatus, type StatusFacts } from '../../../src/main/status/compute-status.js'
import { buildTrayMenuTemplate, trayTooltip } from '../../../src/main/tray/tray-menu.js'
import type { ScheduleStatus } from '../../../src/shared/ipc/schedule-payloads.js'
import { settingsSchema, type SettingsInput } from '../../../src/shared/settings.js'

const facts: StatusFacts = {
  unifiConfigured: true,
  reportEngineAvailable: true,
  progress: null,
  lastReport: null,
  lastError: null,
}
const armed: ScheduleStatus = {
  enabled: true,
  paused: false,
  description: 'daily at 07:00 (Europe/Berlin)',
  nextRunAt: '2026-12-04T06:00:00.000Z',
  nextRunLabel: 'Fri 4 Dec 07:00',
  problem: null,
}

function tray(schedule: ScheduleStatus | undefined) {
  const setSchedulePaused = vi.fn<(paused: boolean) => void>()
  const actions = {
    generateReport: vi.fn(),
    openSettings: vi.fn(),
    openReportsFolder: vi.fn(),
    quit: vi.fn(),
    setSchedulePaused,
  }
  const status = computeStatus({ ...facts, ...(schedule ? { schedule } : {}) }, 0)
  return { menu: buildTrayMenuTemplate(status, actions), tooltip: trayTooltip(status), setSchedulePaused }
}

const labels = (menu: MenuItemConstructorOptions[]) => menu.map((item) => item.label ?? '---')
/** Clicks a menu item the way Electron would (the handler ignores its arguments). */
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.()

describe('tray: the schedule', () => {
  it('shows the next run and "Pause schedule", which pauses', () => {
    const { menu, tooltip, setSchedulePaused } = tray(armed)
    expect(labels(menu)).toContain('Next report: Fri 4 Dec 07:00')
    expect(menu.find((item) => item.id === 'next-report')?.enabled).toBe(false)
    expect(tooltip).toBe(
      'UniFi Scanner: Ready\nNo report yet. Use "Generate report now" to create the first one.\nNext report: Fri 4 Dec 07:00',
    )
    const pause = menu.find((item) => item.id === 'pause-schedule')
    expect(pause?.label).toBe('Pause schedule')
    click(pause)
    expect(setSchedulePaused).toHaveBeenCalledWith(true)
  })

  it('paused: "Schedule paused" and "Resume schedule", which resumes', () => {
    const { menu, tooltip, setSchedulePaused } = tray({ ...armed, paused: true, nextRunAt: null, nextRunLabel: null })
    expect(labels(menu)).toEqual(expect.arrayContaining(['Schedule paused', 'Resume schedule']))
    expect(tooltip).toMatch(/\nSchedule paused$/)
    click(menu.find((item) => item.id === 'resume-schedule'))
    expect(setSchedulePaused).toHaveBeenCalledWith(false)
  })

  it('no schedule: no schedule lines at all; an unusable one says why', () => {
    const off = tray({ ...armed, enabled: false, nextRunAt: null, nextRunLabel: null })
    expect(labels(off.menu).some((label) => /schedule|Next report/i.test(label))).toBe(false)
    expect(off.tooltip).not.toContain('Next report')
    const broken = tray({ ...armed, nextRunAt: null, nextRunLabel: null, problem: 'never matches a future date.' })
    expect(labels(broken.menu)).toContain('Schedule not running: never matches a future date.')
  })
})

describe('notification after a run', () => {
  const settings = (schedule: SettingsInput['schedule']) =>
    settingsSchema.parse({ report: { timezone: 'Europe/Berlin' }, schedule })
  const clean = { summary: { id: 'a', finishedAt: 0, headline: 'No findings', files: [], severe: 0 } }
  const severe = { summary: { ...clean.summary, severe: 2 } }
  const failed = { error: new ScannerError('unreachable', 'X', 'The controller did not answer.') }
  // Fri 4 Dec 2026 23:30 in Berlin.
  const night = Date.UTC(2026, 11, 4, 22, 30)
  const noon = Date.UTC(2026, 11, 4, 11, 0)

  it('a report the admin started always notifies, whatever the schedule says', () => {
    expect(shouldNotify({ ...clean, trigger: 'manual' }, settings({ notify: 'never' }), noon)).toBe(true)
    expect(shouldNotify(clean, settings({ notify: 'never' }), noon)).toBe(true)
  })

  it('a scheduled one follows the policy and the quiet hours', () => {
    const severeOnly = settings({ notify: 'severe' })
    expect(shouldNotify({ ...clean, trigger: 'schedule' }, severeOnly, noon)).toBe(false)
    expect(shouldNotify({ ...severe, trigger: 'schedule' }, severeOnly, noon)).toBe(true)
    expect(shouldNotify({ ...failed, trigger: 'schedule' }, severeOnly, noon)).toBe(true)
    expect(shouldNotify({ ...severe, trigger: 'schedule' }, settings({ notify: 'never' }), noon)).toBe(false)
    const quiet = settings({ quietHours: { enabled: true, start: '22:00', end: '07:00' } })
    expect(shouldNotify({ ...severe, trigger: 'schedule' }, quiet, night)).toBe(false)
    expect(shouldNotify({ ...severe, trigger: 'schedule' }, quiet, noon)).toBe(true)
  })
})

describe('schedule editor preview', () => {
  const now = Date.UTC(2026, 11, 3, 9, 0) // Thu 3 Dec, 10:00 in Berlin
  const base = settingsSchema.parse({ report: { timezone: 'Europe/Berlin' } })

  it('answers the next three runs in the draft timezone, or else the report timezone', () => {
    expect(previewSchedule({ preset: { kind: 'weekdays', time: '07:00' } }, base, now)).toEqual({
      ok: true,
      cron: '0 7 * * 1-5',
      description: 'weekdays at 07:00 (Europe/Berlin)',
      timezone: 'Europe/Berlin',
      runs: [
        { at: '2026-12-04T06:00:00.000Z', label: 'Fri 4 Dec 07:00' },
        { at: '2026-12-07T06:00:00.000Z', label: 'Mon 7 Dec 07:00' },
        { at: '2026-12-08T06:00:00.000Z', label: 'Tue 8 Dec 07:00' },
      ],
    })
    const ny = previewSchedule({ preset: { kind: 'daily', time: '07:00' }, timezone: 'America/New_York' }, base, now)
    expect(ny.ok && ny.runs.map((run) => run.label)).toEqual(['Thu 3 Dec 07:00', 'Fri 4 Dec 07:00', 'Sat 5 Dec 07:00'])
  })

  it('says what is wrong, at the field it concerns', () => {
    expect(previewSchedule({ preset: { kind: 'daily', time: '7' } }, base, now)).toEqual({
      ok: false,
      fieldErrors: [{ path: 'schedule.preset.time', message: 'must be a time such as 07:00 (24-hour HH:MM)' }],
    })
    const cron = previewSchedule({ preset: { kind: 'cron', expression: '0 0 30 2 *' } }, base, now)
    const cronErrors = cron.ok ? [] : cron.fieldErrors
    expect(cronErrors.map((error) => error.path)).toEqual(['schedule.preset.expression'])
    expect(cronErrors[0]?.message).toMatch(/"0 0 30 2 \*" never matches/)
    const zone = previewSchedule({ preset: { kind: 'daily', time: '07:00' }, timezone: 'Nowhere/Land' }, base, now)
    expect(zone.ok === false && zone.fieldErrors[0]?.path).toBe('schedule.timezone')
  })
})

describe('saving a schedule (settings patch)', () => {
  it('saves a preset whole, merges quiet hours, clears the timezone with an empty string', () => {
    const service = createMemorySettingsService({ schedule: { timezone: 'Europe/Berlin' } })
    const saved = service.update({
      schedule: {
        enabled: true,
        preset: { kind: 'weekly', day: 'friday', time: '18:00' },
        quietHours: { enabled: true },
      },
    })
    expect(saved.saved).toBe(true)
    expect(service.read().schedule).toEqual({
      enabled: true,
      paused: false,
      preset: { kind: 'weekly', day: 'friday', time: '18:00' },
      timezone: 'Europe/Berlin',
      notify: 'always',
      quietHours: { enabled: true, start: '22:00', end: '07:00' },
    })
    expect(saved.settings.schedule.preset).toEqual({ kind: 'weekly', day: 'friday', time: '18:00' })
    service.update({ schedule: { timezone: '' } })
    expect(service.read().schedule.timezone).toBeUndefined()
  })

  it('refuses what is not a schedule, with the field named, and keeps the old one', () => {
    const service = createMemorySettingsService({})
    const bad = service.update({ schedule: { enabled: true, preset: { kind: 'cron', expression: '0 25 * * *' } } })
    const badErrors = bad.saved ? [] : bad.fieldErrors
    expect(badErrors.map((error) => error.path)).toEqual(['schedule.preset.expression'])
    expect(badErrors[0]?.message).toContain('not a valid cron')
    const hours = service.update({ schedule: { preset: { kind: 'every-hours', hours: 5 } } })
    expect(hours).toMatchObject({ saved: false, fieldErrors: [{ path: 'schedule.preset.hours' }] })
    const quiet = service.update({ schedule: { quietHours: { enabled: true, start: '22:00', end: '22:00' } } })
    expect(quiet).toMatchObject({ saved: false, fieldErrors: [{ path: 'schedule.quietHours.end' }] })
    expect(service.read().schedule.enabled).toBe(false)
  })
})
