/**
 * The app's identity as the OS knows it. `APP_ID` must equal `appId` in electron-builder.yml: Windows ties
 * notifications and taskbar grouping to the AppUserModelID of the Start Menu shortcut the installer creates.
 */
export const APP_ID = 'com.unifi-scanner.app'
export const PRODUCT_NAME = 'UniFi Scanner'

/** Started by the login item (`--hidden`, or macOS saying so): tray only, no window. */
export function startedHidden(argv: readonly string[], openedAtLogin: boolean): boolean {
  return openedAtLogin || argv.includes('--hidden')
}
