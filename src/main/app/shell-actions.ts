import { mkdir } from 'node:fs/promises'
import { clipboard, Notification, shell } from 'electron'
import type { ScannerError } from '../../core/errors.js'
import type { Logger } from '../../core/logger.js'
import type { ReportSummary } from '../../shared/ipc/payloads.js'
import { reportNotification } from '../notifications/report-notification.js'
import { reportPathInside } from '../reports/report-paths.js'

/** Electron's shell, clipboard and notifications behind the tray's actions; paths checked before opening. */
export function shellActions(logger: Logger, reportsDir: () => string) {
  const openReportFile = async (file: string): Promise<void> => {
    const safe = await reportPathInside(reportsDir(), file)
    const problem = await shell.openPath(safe)
    if (problem) logger.warn('could not open the report', { problem })
  }
  return {
    openFolder: async (dir: string): Promise<void> => {
      await mkdir(dir, { recursive: true, mode: 0o700 })
      const problem = await shell.openPath(dir)
      if (problem) logger.warn('could not open a folder', { dir, problem })
    },
    openReportFile: (file: string): void => {
      openReportFile(file).catch((error: unknown) => {
        logger.warn('report not opened', { reason: error instanceof Error ? error.message : 'unknown' })
      })
    },
    copyText: (text: string): void => void clipboard.writeText(text),
    /** One notification per run; quiet otherwise. Click opens the report. */
    notifyReport: (outcome: { summary: ReportSummary } | { error: ScannerError }): void => {
      if (!Notification.isSupported()) return
      const notice = reportNotification(outcome)
      const notification = new Notification({ title: notice.title, body: notice.body })
      const target = notice.open
      if (target) notification.on('click', () => void openReportFile(target).catch(() => undefined))
      notification.show()
    },
    notify: (title: string, body: string): void => {
      if (Notification.isSupported()) new Notification({ title, body }).show()
    },
  }
}
