import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { redactSecrets, type LogRecord } from '../../core/logger.js'

export interface RotatingLogOptions {
  dir: string
  /** Base name: `main.log`, rotated to `main.1.log`, `main.2.log`, … */
  name?: string
  maxBytes?: number
  /** Files kept in total, the current one included. */
  maxFiles?: number
  /** Current secret values (settings), redacted in addition to the generic patterns. */
  knownSecrets?: () => readonly string[]
}

/**
 * Structured log lines (one JSON object per line) in a size-rotated file set: when a write would push the file
 * past `maxBytes`, files shift up by one and the oldest is dropped. Every line passes `redactSecrets` with the
 * known secret values first, so a secret slipping into a message or field never reaches the disk.
 */
export class RotatingLogFile {
  private readonly name: string
  private readonly maxBytes: number
  private readonly maxFiles: number
  private size: number | null = null

  constructor(private readonly options: RotatingLogOptions) {
    this.name = options.name ?? 'main.log'
    this.maxBytes = options.maxBytes ?? 1024 * 1024
    this.maxFiles = Math.max(1, options.maxFiles ?? 3)
  }

  get current(): string {
    return path.join(this.options.dir, this.name)
  }

  /** The rotated file `index` (0 = current). */
  file(index: number): string {
    if (index === 0) return this.current
    const ext = path.extname(this.name)
    return path.join(this.options.dir, `${path.basename(this.name, ext)}.${index}${ext}`)
  }

  write(record: LogRecord): void {
    const line = `${redactSecrets(
      JSON.stringify({
        at: new Date(record.at).toISOString(),
        level: record.level,
        message: record.message,
        ...record.fields,
      }),
      this.options.knownSecrets?.() ?? [],
    )}\n`
    const bytes = Buffer.byteLength(line)
    if (this.size === null) {
      mkdirSync(this.options.dir, { recursive: true, mode: 0o700 })
      this.size = existsSync(this.current) ? statSync(this.current).size : 0
    }
    if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate()
    appendFileSync(this.current, line, { mode: 0o600 })
    this.size += bytes
  }

  private rotate(): void {
    rmSync(this.file(this.maxFiles - 1), { force: true })
    for (let index = this.maxFiles - 2; index >= 0; index -= 1) {
      if (existsSync(this.file(index))) renameSync(this.file(index), this.file(index + 1))
    }
    this.size = 0
  }
}
