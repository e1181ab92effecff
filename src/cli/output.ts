/**
 * Output plumbing. Human-readable lines (progress, results, engine logs) always go to stderr; stdout carries
 * only JSON when `--json` is given, one object per line, so `report --json | jq` and `schedule --json` work.
 * Every line is scrubbed of the secrets in use before it is written.
 */
import type { Writable } from 'node:stream'
import { createLogger, redactSecrets, type LogRecord, type Logger } from '../core/logger.js'

export interface CliOutput {
  readonly jsonMode: boolean
  /** A human line on stderr. */
  say: (line: string) => void
  /** A warning line on stderr. */
  warn: (line: string) => void
  /** One JSON object as one line on stdout (only in --json mode; ignored otherwise). */
  json: (value: unknown) => void
  /** Engine logger writing to stderr. */
  logger: Logger
  /** Adds secret values to scrub from everything written from now on. */
  addSecrets: (values: readonly string[]) => void
}

export interface OutputOptions {
  json: boolean
  verbose?: boolean
  stdout?: Writable
  stderr?: Writable
}

export function createCliOutput(options: OutputOptions): CliOutput {
  const stdout = options.stdout ?? process.stdout
  const stderr = options.stderr ?? process.stderr
  const secrets: string[] = []
  const clean = (text: string) => terminalSafe(redactSecrets(text, secrets))
  const writeErr = (line: string) => stderr.write(`${clean(line)}\n`)
  const logger = createLogger((record) => {
    if (record.level === 'debug' && !options.verbose) return
    writeErr(formatRecord(record))
  })
  return {
    jsonMode: options.json,
    say: writeErr,
    warn: (line) => writeErr(`warning: ${line}`),
    json(value) {
      // Only known values are scrubbed here: the pattern-based scrubbing could cut a JSON string in half.
      if (options.json) stdout.write(`${escapeC1(scrubKnown(JSON.stringify(value), secrets))}\n`)
    },
    logger,
    addSecrets(values) {
      for (const value of values) if (value && !secrets.includes(value)) secrets.push(value)
    },
  }
}

/**
 * Controller strings (host names, site descriptions, error texts) reach the terminal in these lines: control
 * characters other than newline and tab become `?`, so no escape sequence, BEL or carriage return from the
 * data can move the cursor, retitle the window or hide a line — as the text report already does.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the purpose of this pattern
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_CONTROL, '?')
}

/** JSON.stringify leaves DEL and the C1 controls raw; as `\u` escapes the JSON means the same and is inert. */
const C1_CONTROL = /[\u007f-\u009f]/g

function escapeC1(json: string): string {
  return json.replace(C1_CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

function formatRecord(record: LogRecord): string {
  const fields = Object.entries(record.fields)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(
      ([key, value]) =>
        `${key}=${typeof value === 'string' && /\s/.test(value) ? JSON.stringify(value) : String(value)}`,
    )
  const prefix = record.level === 'info' ? '' : `${record.level}: `
  return `${prefix}${record.message}${fields.length > 0 ? ` (${fields.join(' ')})` : ''}`
}

/** Waits until everything written to the stream has been flushed (before process exit with a pipe). */
export function flush(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    if (stream.writableLength === 0) resolve()
    else stream.write('', () => resolve())
  })
}

function scrubKnown(json: string, secrets: readonly string[]): string {
  let result = json
  for (const secret of secrets) {
    if (secret.length < 4) continue
    const escaped = JSON.stringify(secret).slice(1, -1)
    result = result.split(escaped).join('[redacted]')
  }
  return result
}
