/**
 * The CLI's exit codes. Scripts and monitoring branch on these, so they never change meaning:
 * integration failures never change the code of a written report.
 */
import { toScannerError } from '../core/errors.js'

export const ExitCode = {
  ok: 0,
  config: 1,
  unreachable: 2,
  auth: 3,
  tls: 4,
  other: 5,
} as const
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode]

/** Exit code for an error raised while talking to the controller (or before, while configuring). */
export function exitCodeForError(error: unknown): ExitCodeValue {
  const failure = toScannerError(error)
  switch (failure.kind) {
    case 'config':
      return ExitCode.config
    // A controller that never answers is as unreachable as one that refuses the connection.
    case 'unreachable':
    case 'timeout':
      return ExitCode.unreachable
    // A login lock-out (429) is an authentication problem for the admin, whatever the HTTP layer calls it.
    case 'auth':
    case 'rate-limited':
      return ExitCode.auth
    case 'tls-untrusted':
      return ExitCode.tls
    default:
      return ExitCode.other
  }
}

/** A run stopped by Ctrl+C or SIGTERM (128 + SIGINT), the shell convention; `schedule` exits 0 instead. */
export const INTERRUPTED_EXIT_CODE = 130
