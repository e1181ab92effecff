import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { buildTrayMenuTemplate, type TrayActions } from '../../../src/main/tray/tray-menu.js'
import {
  releaseNotesText,
  type UpdateInfoLike,
  type UpdaterPort,
  type UpdateTimers,
} from '../../../src/main/updates/update-controller.js'
import type { UpdateStatus } from '../../../src/shared/ipc/payloads.js'
import { servicesFor, TRUSTED } from './helpers.js'

/**
 * electron-updater's autoUpdater as the shell sees it: an emitter with its event names and methods. Each method
 * records the call and the test emits what electron-updater would emit next.
 */
class ScriptedUpdater extends EventEmitter implements UpdaterPort {
  autoDownload = true
  autoInstallOnAppQuit = true
  readonly calls: string[] = []
  checkResult: Promise<unknown> = Promise.resolve(null)
  checkForUpdates(): Promise<unknown> {
    this.calls.push('checkForUpdates')
    return this.checkResult
  }
  downloadUpdate(): Promise<unknown> {
    this.calls.push('downloadUpdate')
    return Promise.resolve([])
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.calls.push(`quitAndInstall ${String(isSilent)} ${String(isForceRunAfter)}`)
  }
}

class ManualTimers implements UpdateTimers {
  readonly timeouts: Array<{ run: () => void; ms: number }> = []
  readonly intervals: Array<{ run: () => void; ms: number }> = []
  cleared = 0
  setTimeout(run: () => void, ms: number) {
    this.timeouts.push({ run, ms })
    return this.timeouts.length
  }
  setInterval(run: () => void, ms: number) {
    this.intervals.push({ run, ms })
    return -this.intervals.length
  }
  clear() {
    this.cleared += 1
  }
}

const INFO: UpdateInfoLike = {
  version: '0.2.0',
  releaseNotes: '<h2>What changed</h2><ul><li>Faster reports &amp; fewer timeouts</li></ul>',
}

function setup(updater: ScriptedUpdater | null = new ScriptedUpdater()) {
  const notifications: Array<{ title: string; body: string }> = []
  const timers = new ManualTimers()
  const { services, target, logger } = servicesFor({
    updates: { updater, notify: (title, body) => notifications.push({ title, body }), timers },
  })
  const actions: TrayActions = {
    generateReport: vi.fn(),
    openSettings: vi.fn(),
    openReportsFolder: vi.fn(),
    quit: vi.fn(),
    ...(services.updates.enabled
      ? {
          checkForUpdates: () => services.updates.check(true),
          installUpdate: () => void services.updates.install(),
          postponeUpdate: () => void services.updates.later(),
        }
      : {}),
  }
  const tray = () =>
    buildTrayMenuTemplate(services.status.get(), actions, { startAtLogin: false, update: services.updates.get() })
  const trayItem = (id: string) => tray().find((item) => item.id === id)
  const windowStates = () =>
    target.sent.filter((entry) => entry.channel === 'update:changed').map((entry) => entry.payload as UpdateStatus)
  const invoke = (channel: string) => services.dispatch(channel, TRUSTED, undefined)
  return { services, updater, logger, notifications, timers, tray, trayItem, windowStates, invoke, actions }
}

describe('updates: notify, then consent', () => {
  it('turns off electron-updater’s silent download and install, checks at start and daily', () => {
    const { updater, timers, services } = setup()
    expect(updater).toMatchObject({ autoDownload: false, autoInstallOnAppQuit: false })
    services.updates.start()
    expect(timers.timeouts).toHaveLength(1)
    expect(timers.intervals.map((interval) => interval.ms)).toEqual([24 * 60 * 60 * 1000])
    timers.timeouts[0]!.run()
    timers.intervals[0]!.run()
    // The daily check while the first one still runs does not start a second.
    expect(updater!.calls).toEqual(['checkForUpdates'])
    services.updates.stop()
    expect(timers.cleared).toBe(2)
  })

  it('available → notified (tray, window, notification) → consent → download → restart into it', async () => {
    const { updater, notifications, trayItem, windowStates, invoke, services } = setup()
    services.updates.check()
    updater!.emit('checking-for-update')
    updater!.emit('update-available', INFO)

    expect(notifications).toEqual([
      { title: 'Update available', body: 'Version 0.2.0 is available. Open UniFi Scanner to install it.' },
    ])
    expect(updater!.calls).toEqual(['checkForUpdates'])
    expect(trayItem('update-available')).toMatchObject({ label: 'Version 0.2.0 is available', enabled: false })
    expect(trayItem('update-release-notes')).toMatchObject({ label: 'Release notes…' })
    expect(trayItem('update-install')).toMatchObject({ label: 'Install and restart' })
    expect(trayItem('update-later')).toMatchObject({ label: 'Later' })
    const offered = windowStates().at(-1)
    expect(offered).toMatchObject({ state: 'available', version: '0.2.0', dismissed: false })
    expect(offered?.releaseNotes).toBe('What changed\nFaster reports & fewer timeouts')
    expect(await invoke('update:get')).toEqual({ ok: true, value: offered })

    // Nothing is downloaded before consent; the window's "Install and restart" gives it.
    const accepted = await invoke('update:install')
    expect(accepted).toMatchObject({ ok: true, value: { state: 'downloading', percent: 0 } })
    expect(updater!.calls).toEqual(['checkForUpdates', 'downloadUpdate'])
    updater!.emit('download-progress', { percent: 42.5 })
    expect(trayItem('update-progress')).toMatchObject({ label: 'Downloading version 0.2.0… 43 %', enabled: false })
    expect(trayItem('update-install')).toBeUndefined()
    expect(trayItem('check-for-updates')).toMatchObject({ enabled: false })
    updater!.emit('update-downloaded', INFO)
    expect(updater!.calls.at(-1)).toBe('quitAndInstall false true')
    expect(windowStates().at(-1)).toMatchObject({ state: 'installing', version: '0.2.0' })
    expect(trayItem('update-progress')).toMatchObject({ label: 'Restarting to install version 0.2.0…' })
  })

  it('the tray’s "Install and restart" is the same consent', () => {
    const { updater, trayItem, services } = setup()
    services.updates.check()
    updater!.emit('update-available', INFO)
    ;(trayItem('update-install') as { click: () => void }).click()
    expect(updater!.calls).toEqual(['checkForUpdates', 'downloadUpdate'])
  })

  it('declined: "Later" hides the offer, nothing is downloaded, the next daily check does not nag again', async () => {
    const { updater, notifications, trayItem, windowStates, invoke, services, timers } = setup()
    services.updates.start()
    timers.timeouts[0]!.run()
    updater!.emit('update-available', INFO)
    expect(await invoke('update:later')).toMatchObject({ ok: true, value: { state: 'available', dismissed: true } })
    expect(trayItem('update-install')).toBeUndefined()
    expect(trayItem('update-available')).toBeUndefined()
    expect(windowStates().at(-1)).toMatchObject({ dismissed: true })

    timers.intervals[0]!.run()
    updater!.emit('update-available', INFO)
    expect(notifications).toHaveLength(1)
    expect(windowStates().at(-1)).toMatchObject({ state: 'available', dismissed: true })
    expect(updater!.calls).not.toContain('downloadUpdate')
    expect(updater!.calls.filter((call) => call.startsWith('quitAndInstall'))).toEqual([])

    // "Check for updates" from the tray asks again on purpose: the offer comes back.
    ;(trayItem('check-for-updates') as { click: () => void }).click()
    updater!.emit('update-available', INFO)
    expect(notifications).toHaveLength(2)
    expect(trayItem('update-install')).toBeDefined()
  })

  it('a failed check is quiet and logged once: no notification, tray back to "Check for updates"', async () => {
    const { updater, notifications, trayItem, logger, windowStates, services } = setup()
    const failure = new Error('net::ERR_INTERNET_DISCONNECTED')
    updater!.checkResult = Promise.reject(failure)
    services.updates.check(true)
    expect(trayItem('check-for-updates')).toMatchObject({ label: 'Checking for updates…', enabled: false })
    updater!.emit('error', failure)
    await Promise.resolve()
    await Promise.resolve()
    expect(notifications).toEqual([])
    expect(logger.records.filter((record) => record.message === 'update check failed')).toHaveLength(1)
    expect(trayItem('check-for-updates')).toMatchObject({ label: 'Check for updates', enabled: true })
    expect(windowStates().at(-1)).toMatchObject({ state: 'idle', version: null })
  })

  it('a failed download keeps the offer so the admin can try again', async () => {
    const { updater, trayItem, invoke, services, logger } = setup()
    services.updates.check()
    updater!.emit('update-available', INFO)
    await invoke('update:install')
    updater!.emit('error', new Error('sha512 checksum mismatch'))
    expect(logger.records.some((record) => record.message === 'update download failed')).toBe(true)
    expect(trayItem('update-install')).toBeDefined()
    expect(updater!.calls.filter((call) => call.startsWith('quitAndInstall'))).toEqual([])
  })

  it('a failed re-check keeps an offer already shown', () => {
    const { updater, trayItem, services } = setup()
    services.updates.check()
    updater!.emit('update-available', INFO)
    services.updates.check()
    updater!.emit('error', new Error('timeout'))
    expect(trayItem('update-available')).toMatchObject({ label: 'Version 0.2.0 is available' })
  })

  it('disabled when not packaged: no checks, no tray item, the window is told', async () => {
    const { trayItem, invoke, services, timers } = setup(null)
    services.updates.start()
    expect(timers.timeouts).toEqual([])
    expect(trayItem('check-for-updates')).toBeUndefined()
    expect(await invoke('update:get')).toMatchObject({ ok: true, value: { state: 'disabled' } })
    expect(await invoke('update:install')).toMatchObject({ ok: true, value: { state: 'disabled' } })
  })
})

describe('releaseNotesText', () => {
  it('turns GitHub’s HTML into text and joins per-version notes', () => {
    expect(releaseNotesText('<p>One<br>Two</p><script>x</script>')).toBe('One\nTwo\nx')
    expect(
      releaseNotesText([
        { version: '0.2.0', note: 'A' },
        { version: '0.1.1', note: null },
        { version: '0.1.0', note: 'B' },
      ]),
    ).toBe('A\n\nB')
    expect(releaseNotesText(null)).toBeNull()
    expect(releaseNotesText('   ')).toBeNull()
    expect(releaseNotesText('x'.repeat(5000))).toHaveLength(4001)
  })
})
