/**
 * How one call through an integration's breaker ended: the refusal error of an open breaker, and the result
 * classes the status store counts.
 */
import { ScannerError, countsAsFailure } from '../errors.js'
import type { ErrorKind } from '../errors.js'

/** The call was refused without running because the breaker is open (or its single trial is taken). */
export class CircuitOpenError extends ScannerError {
  constructor(
    message: string,
    /** Epoch ms when the next trial is admitted; null while half-open (the trial is running). */
    readonly nextTrialAt: number | null,
    /** Kind of the failure that opened the breaker, so the UI can keep showing the cause. */
    kind: ErrorKind,
  ) {
    super(kind, 'CIRCUIT_OPEN', message)
  }
}

/** How one call through the breaker ended, for the status store. */
export type CallResult = 'success' | 'failure' | 'timeout' | 'short-circuit' | 'not-counted' | 'cancelled'

export interface BreakerCallRecord {
  result: CallResult
  /** Null for short-circuited calls (nothing ran). */
  latencyMs: number | null
  error: ScannerError | null
}

export function resultFor(error: ScannerError): CallResult {
  if (error instanceof CircuitOpenError) return 'short-circuit'
  if (error.kind === 'aborted') return 'cancelled'
  if (!countsAsFailure(error)) return 'not-counted'
  return error.kind === 'timeout' ? 'timeout' : 'failure'
}
