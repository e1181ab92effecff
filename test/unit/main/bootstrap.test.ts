import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { INVOKE_CHANNELS } from '../../../src/shared/ipc/contract.js'
import { createFakeElectron, type FakeElectron } from './fake-electron.js'

const state: { fake: unknown } = vi.hoisted(() => ({ fake: null }))

// The factory runs once per file; getters hand each test's fresh fake to the freshly imported main module.
vi.mock('electron', () => {
  const current = () => (state.fake as FakeElectron).electron
  const keys = [
    'app',
    'protocol',
    'utilityProcess',
    'ipcMain',
    'session',
    'shell',
    'BrowserWindow',
    'Tray',
    'Menu',
    'nativeImage',
    'safeStorage',
    'dialog',
    'clipboard',
    'Notification',
    'powerMonitor',
  ] as const
  const electron = Object.fromEntries(keys.map((key) => [key, undefined])) as Record<string, unknown>
  for (const key of keys) Object.defineProperty(electron, key, { get: () => current()[key], enumerable: true })
  Object.defineProperty(electron, 'default', { value: electron, enumerable: true })
  return electron
})

// electron-updater as the shell sees it (loaded by a packaged build only): its autoUpdater, scripted.
vi.mock('electron-updater', async () => {
  const { EventEmitter } = await import('node:events')
  const autoUpdater = Object.assign(new EventEmitter(), {
    autoDownload: true,
    autoInstallOnAppQuit: true,
    logger: null,
    checkForUpdates: () => Promise.resolve(null),
    downloadUpdate: () => Promise.resolve([]),
    quitAndInstall: () => undefined,
  })
  // The module's real shape under ESM: autoUpdater only on the default export (a getter on module.exports).
  return { default: { autoUpdater } }
})

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Imports main and waits (bounded) for start-up: the window when one is expected, else the tray. */
async function boot(
  singleInstance: boolean,
  isPackaged = false,
  expectWindow = true,
  prepare?: (fake: FakeElectron) => void,
): Promise<FakeElectron> {
  const fake = createFakeElectron({ singleInstance, isPackaged })
  prepare?.(fake)
  state.fake = fake
  await import('../../../src/main/index.js')
  if (!singleInstance) {
    await settle(0)
    return fake
  }
  for (let waited = 0; waited < 3_000; waited += 10) {
    if (expectWindow ? fake.windows.length > 0 : fake.trays.length > 0) break
    await settle(10)
  }
  await settle(expectWindow ? 20 : 300)
  return fake
}

const BUS = process.env['DBUS_SESSION_BUS_ADDRESS']

describe('main bootstrap (electron mocked)', () => {
  beforeEach(() => {
    vi.resetModules()
    // A bus that cannot be asked: the tray-host probe answers "unknown" and main assumes a tray, as on most desktops.
    process.env['DBUS_SESSION_BUS_ADDRESS'] = 'unix:path=/nonexistent/unifi-scanner-test-bus'
  })
  afterEach(() => {
    state.fake = null
    if (BUS === undefined) delete process.env['DBUS_SESSION_BUS_ADDRESS']
    else process.env['DBUS_SESSION_BUS_ADDRESS'] = BUS
  })

  it('quits at once when another instance holds the lock', async () => {
    const fake = await boot(false)
    expect(fake.calls).toEqual(['app.quit'])
    expect(fake.ipcHandlers.size).toBe(0)
    expect(fake.trays).toHaveLength(0)
  })

  it('wires hardening, IPC, tray and the settings window', async () => {
    const fake = await boot(true)
    expect(fake.calls).toEqual(
      expect.arrayContaining(['dock.hide', 'setPermissionRequestHandler', 'setPermissionCheckHandler']),
    )
    expect(fake.calls).not.toContain('app.quit')
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort())
    // Keeps running when the window closes: a listener exists and does not quit.
    fake.emitApp('window-all-closed')
    expect(fake.calls).not.toContain('app.quit')

    // Nothing configured on first run: the tray says why and the window opens.
    const [tray] = fake.trays
    expect(tray?.image.path).toMatch(/resources[/\\]tray[/\\]/)
    const generate = tray?.menu.find((item) => item.id === 'generate-report')
    expect(generate).toMatchObject({ label: 'Generate report now', enabled: false })
    expect(fake.windows).toHaveLength(1)
    const window = fake.windows[0]!
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    })
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/preload[/\\]index\.cjs$/)
    expect(window.loaded).toBe('app://renderer/index.html')

    // A second launch focuses the existing window instead of opening another.
    fake.emitApp('second-instance')
    expect(fake.windows).toHaveLength(1)
    expect(window.focused).toBeGreaterThan(0)
  })

  it('answers IPC only from the settings window showing our page', async () => {
    const fake = await boot(true)
    const window = fake.windows[0]!
    const handler = fake.ipcHandlers.get('status:get')!
    const pageUrl = window.loaded!
    const trusted = await handler({ sender: { id: window.webContents.id }, senderFrame: { url: pageUrl } }, undefined)
    expect(trusted).toMatchObject({ ok: true, value: { state: 'attention' } })
    const stranger = await handler({ sender: { id: 999 }, senderFrame: { url: pageUrl } }, undefined)
    expect(stranger).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })

    // Once the window's webContents is destroyed its id is no longer trusted.
    window.webContents.emit('destroyed')
    const after = await handler({ sender: { id: window.webContents.id }, senderFrame: { url: pageUrl } }, undefined)
    expect(after).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
  })

  it('the tray shows the saved schedule, pauses and resumes it, and follows powerMonitor', async () => {
    const fake = await boot(true, false, true, (next) => {
      const schedule = { enabled: true, preset: { kind: 'daily', time: '07:00' } }
      writeFileSync(path.join(next.userData, 'config.json'), JSON.stringify({ schemaVersion: 2, schedule }))
    })
    const [tray] = fake.trays
    const next = tray?.menu.find((item) => item.id === 'next-report')
    expect(String(next?.label)).toMatch(/^Next report: (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} 07:00$/)
    expect(tray?.tooltip).toContain(String(next?.label))
    const pause = tray?.menu.find((item) => item.id === 'pause-schedule') as { click: () => void } | undefined
    pause?.click()
    expect(tray?.menu.find((item) => item.id === 'next-report')?.label).toBe('Schedule paused')
    const resume = tray?.menu.find((item) => item.id === 'resume-schedule') as { click: () => void } | undefined
    resume?.click()
    expect(tray?.menu.find((item) => item.id === 'next-report')?.label).toBe(next?.label)
    expect(fake.power.listenerCount('suspend')).toBe(1)
    expect(fake.power.listenerCount('resume')).toBe(1)
    fake.power.emit('suspend')
    expect(tray?.menu.find((item) => item.id === 'next-report')?.label).toBe(next?.label)
  })

  it('started by the login item (--hidden): tray only, no window, no question', async () => {
    process.argv.push('--hidden')
    try {
      const fake = await boot(true, false, false)
      expect(fake.trays).toHaveLength(1)
      expect(fake.windows).toHaveLength(0)
      expect(fake.calls.filter((call) => call.startsWith('dialog.showMessageBox'))).toEqual([])
    } finally {
      process.argv.splice(process.argv.indexOf('--hidden'), 1)
    }
  })

  it.runIf(process.platform === 'linux')(
    'without a tray host (no session bus) it opens the window, says why, and quits when it closes',
    async () => {
      delete process.env['DBUS_SESSION_BUS_ADDRESS']
      process.argv.push('--hidden')
      try {
        const fake = await boot(true)
        expect(fake.windows).toHaveLength(1)
        expect(fake.calls).toContain('dialog.showMessageBox No system tray found')
        fake.emitApp('window-all-closed')
        expect(fake.calls).toContain('app.quit')
      } finally {
        process.argv.splice(process.argv.indexOf('--hidden'), 1)
      }
    },
  )

  it('updates are disabled in an unpackaged build: no updater loaded, no tray item', async () => {
    const fake = await boot(true)
    expect(fake.trays[0]?.menu.some((item) => item.id === 'check-for-updates')).toBe(false)
    const handler = fake.ipcHandlers.get('update:get')!
    const window = fake.windows[0]!
    const answer = await handler(
      { sender: { id: window.webContents.id }, senderFrame: { url: window.loaded } },
      undefined,
    )
    expect(answer).toMatchObject({ ok: true, value: { state: 'disabled' } })
  })

  it('hardens every webContents that gets created', async () => {
    const fake = await boot(true)
    const setWindowOpenHandler = vi.fn()
    const on = vi.fn<(event: string, listener: unknown) => void>()
    fake.emitApp('web-contents-created', {}, { setWindowOpenHandler, on })
    expect(setWindowOpenHandler).toHaveBeenCalledOnce()
    expect(on.mock.calls.map((call) => call[0])).toEqual([
      'will-navigate',
      'will-redirect',
      'will-attach-webview',
      'will-frame-navigate',
    ])
  })

  it('registers app:// as a privileged scheme before ready and serves the renderer through it', async () => {
    const fake = await boot(true)
    expect(fake.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false } },
    ])
    expect(fake.calls.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(
      fake.calls.indexOf('protocol.handle app'),
    )
    const handler = fake.protocolHandlers.get('app')!
    const page = await handler(new Request('app://renderer/index.html'))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await page.text()).toContain('<div id="root"></div>')
    expect((await handler(new Request('app://renderer/%2e%2e/%2e%2e/package.json'))).status).not.toBe(200)
  })

  it('honours ELECTRON_RENDERER_URL only for http://localhost and never when packaged', async () => {
    const previous = process.env['ELECTRON_RENDERER_URL']
    const resources = process.resourcesPath
    try {
      process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173'
      expect((await boot(true)).windows[0]?.loaded).toBe('http://localhost:5173/')
      vi.resetModules()
      process.env['ELECTRON_RENDERER_URL'] = 'http://evil.example:5173'
      expect((await boot(true)).windows[0]?.loaded).toBe('app://renderer/index.html')
      vi.resetModules()
      process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173'
      Object.assign(process, { resourcesPath: process.cwd() })
      const packaged = await boot(true, true)
      expect(packaged.windows[0]?.loaded).toBe('app://renderer/index.html')
      expect(packaged.windows[0]?.options.webPreferences).toMatchObject({ devTools: false })
      // Packaged: the updater is loaded and "Check for updates" is in the tray.
      expect(packaged.trays[0]?.menu.some((item) => item.id === 'check-for-updates')).toBe(true)
    } finally {
      if (previous === undefined) delete process.env['ELECTRON_RENDERER_URL']
      else process.env['ELECTRON_RENDERER_URL'] = previous
      Object.assign(process, { resourcesPath: resources })
    }
  })
})
