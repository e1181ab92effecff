/** Maps a UniFi collection error onto the run's failure classes and the CLI exit codes. */
import { TlsTrustError, toScannerError } from '../errors.js'
import type { UnifiFailure, UnifiFailureClass } from '../report/input.js'

export type RunExitCode = 0 | 2 | 3 | 4 | 5

export const EXIT_CODE_FOR_CLASS: Record<UnifiFailureClass, RunExitCode> = {
  unreachable: 2,
  auth: 3,
  tls: 4,
  other: 5,
}

export function classifyUnifiError(error: unknown): UnifiFailure {
  const failure = toScannerError(error)
  let failureClass: UnifiFailureClass
  switch (failure.kind) {
    // A controller that never answers is as unreachable as one that refuses the connection.
    case 'unreachable':
    case 'timeout':
      failureClass = 'unreachable'
      break
    // A login lock-out (429) is an authentication problem for the admin.
    case 'auth':
    case 'rate-limited':
      failureClass = 'auth'
      break
    case 'tls-untrusted':
      failureClass = 'tls'
      break
    default:
      failureClass = 'other'
  }
  return {
    class: failureClass,
    kind: failure.kind,
    code: failure.code,
    message: failure.message,
    presentedFingerprint: failure instanceof TlsTrustError ? failure.presentedFingerprint : null,
  }
}
