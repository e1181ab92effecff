import type { AppUpdater } from 'electron-updater'
import type { Logger } from '../../core/logger.js'
import type { UpdaterPort } from './update-controller.js'

/**
 * electron-updater's `autoUpdater`, only in a packaged app: an unpackaged build has no app-update.yml and must
 * never update itself. Loaded lazily so unpackaged runs (and the tests' fake Electron) never load it. Its
 * messages go to our redacting logger.
 */
export async function loadUpdater(isPackaged: boolean, logger: Logger): Promise<UpdaterPort | null> {
  if (!isPackaged) return null
  try {
    // electron-updater defines `autoUpdater` as a lazy getter on module.exports, which Node's ESM loader does not
    // see as a named export: it is reached through the default export (module.exports) instead.
    const loaded = (await import('electron-updater')) as {
      autoUpdater?: AppUpdater
      default?: { autoUpdater?: AppUpdater }
    }
    const autoUpdater = loaded.default?.autoUpdater ?? loaded.autoUpdater
    if (!autoUpdater) throw new Error('electron-updater has no autoUpdater')
    autoUpdater.logger = {
      info: (message?: unknown) => logger.info('updater', { message: String(message) }),
      warn: (message?: unknown) => logger.warn('updater', { message: String(message) }),
      error: (message?: unknown) => logger.warn('updater error', { message: String(message) }),
      debug: () => undefined,
    }
    return autoUpdater
  } catch (error) {
    logger.warn('updates unavailable', { reason: error instanceof Error ? error.message : 'unknown' })
    return null
  }
}
