/**
 * Structured logger interface of the engine. The desktop shell writes to a rotating file, the CLI to
 * stderr, tests collect lines. Fields must never carry secrets; `redactSecrets` is applied by sinks as
 * a last line of defence.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogFields = Record<string, string | number | boolean | null | undefined>

export interface Logger {
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
}

export interface LogRecord {
  level: LogLevel
  message: string
  fields: LogFields
  at: number
}

/** A logger that forwards each record to `sink`, optionally tagged with a component name. */
export function createLogger(
  sink: (record: LogRecord) => void,
  component?: string,
  now: () => number = Date.now,
): Logger {
  const emit =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}) => {
      sink({ level, message, fields: component ? { component, ...fields } : fields, at: now() })
    }
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') }
}

/** A logger that drops everything. */
export const silentLogger: Logger = createLogger(() => undefined)

/** A logger that keeps records in memory (tests, diagnostics). */
export function createMemoryLogger(): Logger & { records: LogRecord[] } {
  const records: LogRecord[] = []
  return Object.assign(
    createLogger((record) => records.push(record)),
    { records },
  )
}

const SECRET_PATTERNS: RegExp[] = [
  /("?(?:password|passwd|apiKey|api_key|apiToken|token|secret|authorization|cookie|x-api-key|csrf[-_]?token)"?\s*[:=]\s*)("[^"]*"|[^\s,;}]+)/gi,
  /(Bearer\s+)[A-Za-z0-9._~+/=-]+/g,
  /((?:TOKEN|UOS_TOKEN|unifises)=)[^;\s]+/g,
]

/** Replaces anything that looks like a credential with `[redacted]`; also scrubs the given known values. */
export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let result = text
  for (const secret of knownSecrets) {
    if (secret.length >= 4) result = result.split(secret).join('[redacted]')
  }
  for (const pattern of SECRET_PATTERNS) result = result.replace(pattern, '$1[redacted]')
  return result
}
