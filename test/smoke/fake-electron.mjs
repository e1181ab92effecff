// A recording stand-in for Electron, so the BUILT main bundle can be evaluated in plain Node.
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const calls = []
const record = (...entry) => calls.push(entry)
const userData = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-smoke-'))
let nextId = 1

export const app = {
  isPackaged: false,
  requestSingleInstanceLock: () => (record('app.requestSingleInstanceLock'), true),
  quit: () => record('app.quit'),
  exit: (code) => record('app.exit', code),
  on: (event) => (record('app.on', event), app),
  whenReady: () => Promise.resolve(),
  getPath: (name) => (record('app.getPath', name), userData),
  getAppPath: () => process.cwd(),
  getName: () => 'unifi-scanner',
  getVersion: () => '0.0.0-smoke',
  dock: { hide: () => record('app.dock.hide') },
  getLoginItemSettings: () => ({ openAtLogin: false }),
  setLoginItemSettings: (settings) => record('app.setLoginItemSettings', settings),
}
export const protocol = {
  registerSchemesAsPrivileged: (schemes) => record('protocol.registerSchemesAsPrivileged', schemes),
  handle: (scheme) => record('protocol.handle', scheme),
}
export const utilityProcess = { fork: (modulePath, args) => record('utilityProcess.fork', modulePath, args) }
export const ipcMain = {
  handle: (channel) => record('ipcMain.handle', channel),
  removeHandler: () => undefined,
  on: (channel) => record('ipcMain.on', channel),
}
export const session = {
  defaultSession: {
    setPermissionRequestHandler: () => record('session.setPermissionRequestHandler'),
    setPermissionCheckHandler: () => record('session.setPermissionCheckHandler'),
  },
}
export const shell = { openPath: () => Promise.resolve(''), showItemInFolder: () => undefined }
export const safeStorage = {
  isEncryptionAvailable: () => (record('safeStorage.isEncryptionAvailable'), true),
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (text) => Buffer.from(text, 'utf8').reverse(),
  decryptString: (data) => Buffer.from(data).reverse().toString('utf8'),
}
export const dialog = {
  showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
  showMessageBox: (options) => (record('dialog.showMessageBox', options.message), Promise.resolve({ response: 1 })),
}
export const clipboard = { writeText: () => undefined }
export class Notification {
  static isSupported() {
    return true
  }
  constructor(options) {
    record('Notification', options.title)
  }
  on() {
    return this
  }
  show() {}
}
export class BrowserWindow {
  constructor(options) {
    record('BrowserWindow', options.webPreferences)
    const id = nextId++
    this.webContents = { id, once: () => undefined, send: () => undefined, isDestroyed: () => false }
  }
  once() {}
  on() {}
  loadFile(file) {
    record('loadFile', file)
    return Promise.resolve()
  }
  loadURL(url) {
    record('loadURL', url)
    return Promise.resolve()
  }
  show() {}
  focus() {}
  isDestroyed() {
    return false
  }
  isMinimized() {
    return false
  }
}
export class Tray {
  constructor(image) {
    record('Tray', image.path)
  }
  on() {}
  setImage() {}
  setToolTip() {}
  setContextMenu(menu) {
    record(
      'Tray.setContextMenu',
      menu.map((item) => item.label ?? '---'),
    )
  }
  destroy() {}
}
export const Menu = { buildFromTemplate: (template) => template }
export const powerMonitor = { on: (event) => record('powerMonitor.on', event), removeListener: () => undefined }
export const nativeImage = { createFromPath: (file) => ({ path: file }) }

const electron = {
  app,
  ipcMain,
  session,
  shell,
  safeStorage,
  dialog,
  clipboard,
  Notification,
  BrowserWindow,
  Tray,
  Menu,
  nativeImage,
  powerMonitor,
}
export default electron
