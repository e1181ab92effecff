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
    const { autoUpdater } = await import('electron-updater')
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
