import os from 'node:os'
import type { App } from 'electron'
import { autostartDir, XdgAutostart } from './autostart.js'

export interface LoginItem {
  isEnabled(): boolean
  setEnabled(enabled: boolean): void
}

/** "Start at login": the OS login items on macOS/Windows, an XDG autostart entry on Linux. */
export function loginItemFor(app: Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings' | 'getName'>): LoginItem {
  if (process.platform === 'linux') {
    const exec = process.env['APPIMAGE'] ?? process.execPath
    return new XdgAutostart(autostartDir(process.env, os.homedir()), {
      id: 'unifi-scanner',
      name: 'UniFi Scanner',
      exec,
      comment: 'Security reports of your UniFi network, from the tray',
    })
  }
  return {
    isEnabled: () => app.getLoginItemSettings().openAtLogin,
    setEnabled: (enabled) => app.setLoginItemSettings({ openAtLogin: enabled, args: ['--hidden'] }),
  }
}
