/**
 * Delivery failures. A webhook URL is a secret (chat services put the token in it), so no message names it:
 * every upstream error is reworded here with the channel's name and the kind of failure, and the original error
 * (whose text may carry the URL) is not kept as the cause.
 */
import { ScannerError, type ErrorKind } from '../errors.js'

export class DeliveryError extends ScannerError {
  constructor(
    kind: ErrorKind,
    code: string,
    message: string,
    /** From `Retry-After` on a 429, in milliseconds. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(kind, code, message)
  }
}

const KIND_TEXT: Partial<Record<ErrorKind, string>> = {
  unreachable: 'could not be reached',
  timeout: 'did not answer in time',
  'tls-untrusted': 'presented a certificate that is not trusted',
  'too-large': 'sent an oversized answer',
  aborted: 'was cancelled',
}

/** A transport failure of `label`'s request, without the address. */
export function rewordTransportError(label: string, error: unknown): DeliveryError {
  const kind: ErrorKind = error instanceof ScannerError ? error.kind : 'internal'
  const code = error instanceof ScannerError ? error.code : 'INTERNAL'
  return new DeliveryError(kind, code, `${label} ${KIND_TEXT[kind] ?? 'failed'}.`)
}
