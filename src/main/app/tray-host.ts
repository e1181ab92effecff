import { execFile } from 'node:child_process'

/**
 * Linux shows tray icons only through a StatusNotifier host (KDE, most desktops; on GNOME the AppIndicator
 * extension). Electron cannot tell whether one exists, so we ask the session bus whether anyone owns
 * `org.kde.StatusNotifierWatcher`. true/false when the bus answered, null when we could not ask (then we
 * assume a tray, as before, rather than nag).
 */
export type TrayHostProbe = () => Promise<boolean | null>

export function parseNameHasOwner(output: string): boolean | null {
  const match = /\bboolean\s+(true|false)\b/.exec(output)
  return match ? match[1] === 'true' : null
}

export function dbusTrayHostProbe(env: NodeJS.ProcessEnv = process.env): TrayHostProbe {
  return () =>
    new Promise((resolve) => {
      if (!env['DBUS_SESSION_BUS_ADDRESS']) {
        resolve(false)
        return
      }
      execFile(
        'dbus-send',
        [
          '--session',
          '--print-reply',
          '--dest=org.freedesktop.DBus',
          '/org/freedesktop/DBus',
          'org.freedesktop.DBus.NameHasOwner',
          'string:org.kde.StatusNotifierWatcher',
        ],
        { timeout: 2_000, env },
        (error, stdout) => resolve(error ? null : parseNameHasOwner(stdout)),
      )
    })
}

export const NO_TRAY_HOST_MESSAGE = {
  title: 'No system tray found',
  body:
    'UniFi Scanner lives in the system tray, but this desktop has no tray host (a StatusNotifier/AppIndicator ' +
    'service; on GNOME install and enable the "AppIndicator and KStatusNotifierItem Support" extension). ' +
    'The app keeps its window open instead, and closing the window quits it.',
}

/** Whether to run window-only: Linux with a bus that says no host is there. */
export async function lacksTrayHost(platform: NodeJS.Platform, probe: TrayHostProbe): Promise<boolean> {
  if (platform !== 'linux') return false
  return (await probe()) === false
}
