import path from 'node:path'
import type { AppState } from '../../shared/ipc/payloads.js'

/**
 * The tray icon file for a platform and state (files made by `scripts/make-icons.mjs`, kept under
 * `resources/tray` with unhashed names so macOS finds the `@2x` variant next to each Template image).
 * - macOS: black + alpha Template images (the menu bar tints them); one glyph per state.
 * - Windows: multi-size ICO.
 * - Linux: coloured 32 px PNG (pure black disappears on dark panels).
 */
export function trayIconPath(trayDir: string, platform: NodeJS.Platform, state: AppState): string {
  if (platform === 'darwin')
    return path.join(trayDir, state === 'idle' ? 'trayTemplate.png' : `tray-${state}Template.png`)
  if (platform === 'win32') return path.join(trayDir, `tray-${state}.ico`)
  return path.join(trayDir, `tray-${state}.png`)
}
