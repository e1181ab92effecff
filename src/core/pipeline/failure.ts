/** Describes a UniFi collection error for the report, the run result and the exit code. */
import { failureClassOf } from '../exit-codes.js'
import { TlsTrustError, toScannerError } from '../errors.js'
import type { UnifiFailure } from '../report/input.js'

export function classifyUnifiError(error: unknown): UnifiFailure {
  const failure = toScannerError(error)
  return {
    class: failureClassOf(failure),
    kind: failure.kind,
    code: failure.code,
    message: failure.message,
    presentedFingerprint: failure instanceof TlsTrustError ? failure.presentedFingerprint : null,
  }
}
