/**
 * Per-run record of every endpoint tried for every kind of data (SourceAttempt), with a plain-English
 * reason for each fallback or failure, plus the warnings that go into the collection.
 */
import { HttpStatusError, toScannerError } from '../errors.js'
import { MAX_REJECT_REASONS, TIME_BUDGET_REASON } from './coverage.js'
import { EndpointUnsupportedError } from './errors.js'
import type { DataKind, SourceAttempt } from './model.js'

/** Code of the error a collector sees when the collection's time budget ran out. */
export const BUDGET_ERROR_CODE = 'UNIFI_COLLECTION_BUDGET'

/** Records of one endpoint dropped because of their shape: how many, and the first few reasons. */
export class Rejections {
  count = 0
  readonly reasons: string[] = []

  add(reason: string): void {
    this.count += 1
    if (this.reasons.length < MAX_REJECT_REASONS && !this.reasons.includes(reason)) this.reasons.push(reason)
  }
}

export class SourceLog {
  readonly attempts: SourceAttempt[] = []
  readonly warnings: string[] = []

  used(
    data: DataKind,
    endpoint: string,
    count: number,
    truncated = false,
    detail: string | null = null,
    rejections: Rejections | null = null,
  ): void {
    const attempt: SourceAttempt = { data, endpoint, outcome: count > 0 ? 'used' : 'empty', detail, count, truncated }
    if (rejections !== null && rejections.count > 0) {
      attempt.rejected = rejections.count
      attempt.rejectReasons = [...rejections.reasons]
    }
    this.attempts.push(attempt)
  }

  unsupported(data: DataKind, endpoint: string, detail: string): void {
    this.attempts.push({
      data,
      endpoint,
      outcome: 'unsupported',
      detail,
      count: 0,
      truncated: false,
      reason: 'not supported by this firmware',
    })
  }

  /** Not asked for: by default because an earlier run found it missing; `reason` says otherwise. */
  skipped(data: DataKind, endpoint: string, detail: string, reason = 'not supported by this firmware'): void {
    this.attempts.push({ data, endpoint, outcome: 'skipped', detail, count: 0, truncated: false, reason })
  }

  failed(data: DataKind, endpoint: string, error: unknown, rejections: Rejections | null = null): void {
    const scanner = toScannerError(error)
    const attempt: SourceAttempt = {
      data,
      endpoint,
      outcome: 'failed',
      detail: scanner.message,
      count: 0,
      truncated: false,
      errorCode: scanner.code,
      errorKind: scanner.kind,
      reason: shortReason(error),
    }
    if (rejections !== null && rejections.count > 0) {
      attempt.rejected = rejections.count
      attempt.rejectReasons = [...rejections.reasons]
    }
    this.attempts.push(attempt)
    this.warnings.push(`${endpoint} (${data}) failed: ${scanner.message}`)
  }

  warn(message: string): void {
    this.warnings.push(message)
  }

  /** Takes over another log's attempts and warnings, after this one's. */
  append(other: SourceLog): void {
    this.attempts.push(...other.attempts)
    this.warnings.push(...other.warnings)
  }

  /** Attempts and warnings of one data kind (for runAccess callers that want only theirs). */
  slice(data: DataKind): SourceAttempt[] {
    return this.attempts.filter((attempt) => attempt.data === data)
  }
}

/** A failure in a few words for the coverage panel and `report --json`: never upstream text. */
export function shortReason(error: unknown): string {
  if (error instanceof EndpointUnsupportedError) return `not supported by this firmware (HTTP ${error.status})`
  const scanner = toScannerError(error)
  if (scanner.code === BUDGET_ERROR_CODE) return TIME_BUDGET_REASON
  if (scanner.code === 'UNIFI_UNEXPECTED_SHAPE') return 'unexpected shape'
  if (scanner.code === 'UNIFI_API_ERROR') return 'refused by the controller'
  if (scanner instanceof HttpStatusError) return `HTTP ${scanner.statusCode}`
  switch (scanner.kind) {
    case 'timeout':
      return 'timeout'
    case 'parse':
      return 'unexpected shape'
    case 'unreachable':
      return `connection failed (${scanner.code})`
    case 'too-large':
      return 'response too large'
    case 'server':
      return 'server error'
    case 'config':
      return 'refused by the controller'
    default:
      return 'failed'
  }
}
