/**
 * Per-run record of every endpoint tried for every kind of data (SourceAttempt), with a plain-English
 * reason for each fallback or failure, plus the warnings that go into the collection.
 */
import { toScannerError } from '../errors.js'
import type { DataKind, SourceAttempt } from './model.js'

export class SourceLog {
  readonly attempts: SourceAttempt[] = []
  readonly warnings: string[] = []

  used(data: DataKind, endpoint: string, count: number, truncated = false, detail: string | null = null): void {
    this.attempts.push({ data, endpoint, outcome: count > 0 ? 'used' : 'empty', detail, count, truncated })
  }

  unsupported(data: DataKind, endpoint: string, detail: string): void {
    this.attempts.push({ data, endpoint, outcome: 'unsupported', detail, count: 0, truncated: false })
  }

  skipped(data: DataKind, endpoint: string, detail: string): void {
    this.attempts.push({ data, endpoint, outcome: 'skipped', detail, count: 0, truncated: false })
  }

  failed(data: DataKind, endpoint: string, error: unknown): void {
    const scanner = toScannerError(error)
    this.attempts.push({
      data,
      endpoint,
      outcome: 'failed',
      detail: scanner.message,
      count: 0,
      truncated: false,
      errorCode: scanner.code,
      errorKind: scanner.kind,
    })
    this.warnings.push(`${endpoint} (${data}) failed: ${scanner.message}`)
  }

  warn(message: string): void {
    this.warnings.push(message)
  }

  /** Attempts and warnings of one data kind (for runAccess callers that want only theirs). */
  slice(data: DataKind): SourceAttempt[] {
    return this.attempts.filter((attempt) => attempt.data === data)
  }
}
