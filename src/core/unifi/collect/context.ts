/** What every collector gets for one run, and how it reports back. */
import { ScannerError } from '../../errors.js'
import type { Logger } from '../../logger.js'
import type { EndpointUnsupportedError } from '../errors.js'
import type { DataKind, ReportWindow } from '../model.js'
import type { UnifiSession } from '../session.js'
import type { SourceBook } from '../source-memory.js'
import type { SourceLog } from '../source-log.js'
import { asSentence, joinMessage } from '../../../shared/text/message-parts.js'

export interface CollectContext {
  session: UnifiSession
  site: string
  window: ReportWindow
  book: SourceBook
  logger: Logger
  now: () => number
}

/**
 * Whether an entry belongs to the window asked for. The window is taken as given: the pipeline has already
 * widened it for clock skew (report/files/window.ts), so widening it here again would double the tolerance.
 */
export function inWindow(timestampMs: number | null, window: ReportWindow): boolean {
  if (timestampMs === null) return true
  return timestampMs >= window.since && timestampMs < window.until
}

/**
 * Failures that make the whole collection meaningless (the session is gone, the certificate is not
 * trusted, the caller gave up) propagate; everything else becomes a per-source record.
 */
export function isFatal(error: unknown): boolean {
  if (!(error instanceof ScannerError)) return false
  return error.kind === 'auth' || error.kind === 'aborted' || error.kind === 'tls-untrusted'
}

/** Records an unsupported endpoint in the log and in the per-controller memory. */
export function noteUnsupported(
  ctx: CollectContext,
  log: SourceLog,
  data: DataKind,
  error: EndpointUnsupportedError,
  next: string | null,
): void {
  const reason = `${error.endpoint} is not available on this controller (${error.detail})`
  log.unsupported(
    data,
    error.endpoint,
    next === null ? asSentence(reason) : joinMessage(reason, `; using ${next} instead.`),
  )
  if (error.missing) ctx.book.markUnsupported(error.endpoint, error.detail)
}

/** The remembered reason to skip `endpoint`, logged as a skip; null when it should be tried. */
export function skipIfKnownUnsupported(ctx: CollectContext, log: SourceLog, data: DataKind, endpoint: string): boolean {
  const reason = ctx.book.knownUnsupported(endpoint)
  if (reason === null) return false
  log.skipped(
    data,
    endpoint,
    `${endpoint} answered ${reason} on an earlier run against this controller version; not asked again.`,
  )
  return true
}
