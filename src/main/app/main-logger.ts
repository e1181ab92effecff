import { createLogger, redactSecrets, type Logger, type LogRecord } from '../../core/logger.js'

/** Console logger of the main process; every line passes through redaction before it is written. */
export function createMainLogger(): Logger {
  return createLogger(writeRecord, 'main')
}

function writeRecord(record: LogRecord): void {
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
