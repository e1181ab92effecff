/**
 * The one mapping from a failure to the CLI's exit code. `report`, `check` and `schedule` (and the report's
 * UniFi failure section) all classify through here, so the same problem exits with the same code whichever
 * command met it. Scripts and monitoring branch on these codes, so they never change meaning; integration
 * failures never change the code of a written report.
 */
import { toScannerError } from './errors.js'

export const ExitCode = {
  ok: 0,
  config: 1,
  unreachable: 2,
  auth: 3,
  tls: 4,
  other: 5,
  /** A report was written but a core source (events, threats, devices) was unavailable. */
  incomplete: 6,
} as const
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode]

/** Why a run or a check failed, in the classes the exit codes distinguish. */
export type FailureClass = Exclude<keyof typeof ExitCode, 'ok' | 'incomplete'>

/** A run stopped by Ctrl+C or SIGTERM (128 + SIGINT), the shell convention; `schedule` exits 0 instead. */
export const INTERRUPTED_EXIT_CODE = 130

export function failureClassOf(error: unknown): FailureClass {
  switch (toScannerError(error).kind) {
    // Wrong address, wrong site, missing permission, invalid settings: the admin has to change something.
    case 'config':
      return 'config'
    // A controller that never answers is as unreachable as one that refuses the connection.
    case 'unreachable':
    case 'timeout':
      return 'unreachable'
    // A login lock-out (429) is an authentication problem for the admin, whatever the HTTP layer calls it.
    case 'auth':
    case 'rate-limited':
      return 'auth'
    case 'tls-untrusted':
      return 'tls'
    default:
      return 'other'
  }
}

export function exitCodeForError(error: unknown): ExitCodeValue {
  return ExitCode[failureClassOf(error)]
}
