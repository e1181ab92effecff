import { EventEmitter } from 'node:events'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** A recording stand-in for the parts of `electron` the main process touches. Only Electron is ever faked. */
export function createFakeElectron(options: { singleInstance: boolean; isPackaged?: boolean }) {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-main-'))
  const appListeners = new Map<string, Array<(...args: unknown[]) => void>>()
  const ipcHandlers = new Map<string, (event: unknown, payload: unknown) => unknown>()
  const windows: FakeBrowserWindow[] = []
  const trays: FakeTray[] = []
  const calls: string[] = []
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>()
  const privilegedSchemes: Array<{ scheme: string; privileges: Record<string, boolean> }> = []
  /** powerMonitor: the test emits 'suspend' and 'resume'. */
  const power = new EventEmitter()
  let nextId = 1

  class FakeWebContents {
    readonly id = nextId++
    readonly sent: Array<[string, unknown]> = []
    private readonly listeners = new Map<string, () => void>()
    once(event: string, listener: () => void) {
      this.listeners.set(event, listener)
    }
    emit(event: string) {
      this.listeners.get(event)?.()
    }
    isDestroyed() {
      return false
    }
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload])
    }
  }

  class FakeBrowserWindow {
    readonly webContents = new FakeWebContents()
    loaded: string | null = null
    shown = 0
    focused = 0
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this)
    }
    once(event: string, listener: () => void) {
      if (event === 'ready-to-show') queueMicrotask(listener)
    }
    on() {
      return this
    }
    loadFile(file: string) {
      this.loaded = file
      return Promise.resolve()
    }
    loadURL(url: string) {
      this.loaded = url
      return Promise.resolve()
    }
    show() {
      this.shown += 1
    }
    focus() {
      this.focused += 1
    }
    restore() {}
    isMinimized() {
      return false
    }
    isDestroyed() {
      return false
    }
  }

  class FakeTray {
    menu: Array<Record<string, unknown>> = []
    tooltip = ''
    constructor(public image: { path: string }) {
      trays.push(this)
    }
    on() {}
    setImage(image: { path: string }) {
      this.image = image
    }
    setToolTip(text: string) {
      this.tooltip = text
    }
    setContextMenu(menu: Array<Record<string, unknown>>) {
      this.menu = menu
    }
    destroy() {}
  }

  class FakeNotification {
    static isSupported() {
      return true
    }
    private readonly listeners = new Map<string, () => void>()
    constructor(readonly options: { title: string; body: string }) {
      notifications.push(this)
    }
    on(event: string, listener: () => void) {
      this.listeners.set(event, listener)
      return this
    }
    click() {
      this.listeners.get('click')?.()
    }
    show() {
      calls.push(`notification ${this.options.title}`)
    }
  }
  const notifications: FakeNotification[] = []

  const app = {
    isPackaged: options.isPackaged ?? false,
    requestSingleInstanceLock: () => options.singleInstance,
    quit: () => calls.push('app.quit'),
    exit: (code: number) => calls.push(`app.exit ${code}`),
    on: (event: string, listener: (...args: unknown[]) => void) => {
      appListeners.set(event, [...(appListeners.get(event) ?? []), listener])
      return app
    },
    whenReady: () => Promise.resolve(),
    getPath: (_name: string) => userData,
    getAppPath: () => process.cwd(),
    getName: () => 'unifi-scanner',
    getVersion: () => '0.1.0',
    setAppUserModelId: (id: string) => calls.push(`setAppUserModelId ${id}`),
    setLoginItemSettings: (settings: { openAtLogin: boolean }) => calls.push(`login ${settings.openAtLogin}`),
    getLoginItemSettings: () => ({ openAtLogin: false }),
    dock: { hide: () => calls.push('dock.hide') },
  }

  const electron = {
    app,
    utilityProcess: {
      fork: (modulePath: string) => {
        calls.push(`utilityProcess.fork ${modulePath}`)
        throw new Error('no utility process in unit tests')
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>) => {
        calls.push('protocol.registerSchemesAsPrivileged')
        privilegedSchemes.push(...schemes)
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        calls.push(`protocol.handle ${scheme}`)
        protocolHandlers.set(scheme, handler)
      },
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, payload: unknown) => unknown) =>
        ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => ipcHandlers.delete(channel),
      on: () => undefined,
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => calls.push('setPermissionRequestHandler'),
        setPermissionCheckHandler: () => calls.push('setPermissionCheckHandler'),
      },
    },
    shell: {
      openPath: (file: string) => {
        calls.push(`shell.openPath ${file}`)
        return Promise.resolve('')
      },
      showItemInFolder: (file: string) => calls.push(`shell.showItemInFolder ${file}`),
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => Buffer.from(text, 'utf8').reverse(),
      decryptString: (data: Buffer) => Buffer.from(data).reverse().toString('utf8'),
    },
    dialog: {
      showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
      showMessageBox: (options: { message: string }) => {
        calls.push(`dialog.showMessageBox ${options.message}`)
        return Promise.resolve({ response: 1 })
      },
    },
    clipboard: { writeText: (text: string) => calls.push(`clipboard ${text.length}`) },
    Notification: FakeNotification,
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    Menu: { buildFromTemplate: (template: Array<Record<string, unknown>>) => template },
    nativeImage: { createFromPath: (file: string) => ({ path: file }) },
    powerMonitor: power,
  }

  const emitApp = (event: string, ...args: unknown[]) => {
    for (const listener of appListeners.get(event) ?? []) listener(...args)
  }
  return {
    electron,
    windows,
    trays,
    ipcHandlers,
    calls,
    emitApp,
    appListeners,
    notifications,
    userData,
    protocolHandlers,
    privilegedSchemes,
    power,
  }
}

export type FakeElectron = ReturnType<typeof createFakeElectron>
