import { createLogger, redactSecrets, type Logger, type LogRecord } from '../../core/logger.js'
import type { RotatingLogFile } from './rotating-log.js'

export interface MainLogger extends Logger {
  /** From now on also write to the app's rotating log file (the folder is known once the app is ready). */
  attachFile(file: RotatingLogFile): void
}

/** Logger of the main process: console plus, once attached, a rotating file; every line is redacted first. */
export function createMainLogger(): MainLogger {
  let file: RotatingLogFile | null = null
  const logger = createLogger((record) => {
    writeConsole(record)
    try {
      file?.write(record)
    } catch {
      // A full or read-only disk must not take the app down; the console still has the line.
    }
  }, 'main')
  return Object.assign(logger, {
    attachFile: (next: RotatingLogFile) => {
      file = next
    },
  })
}

function writeConsole(record: LogRecord): void {
  const line = redactSecrets(
    JSON.stringify({
      at: new Date(record.at).toISOString(),
      level: record.level,
      message: record.message,
      ...record.fields,
    }),
  )
  if (record.level === 'error' || record.level === 'warn') console.error(line)
  else console.log(line)
}
