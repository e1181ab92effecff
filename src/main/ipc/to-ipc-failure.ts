import { ScannerError } from '../../core/errors.js'
import type { IpcFailure } from '../../shared/result.js'

const INTERNAL_MESSAGE = 'Something went wrong inside UniFi Scanner. Try again; if it keeps happening, check the log.'

/**
 * What the renderer learns about an error. Engine errors carry a user-facing message written not to contain
 * secrets; anything else is a bug of ours whose message could hold anything, so only a generic line crosses IPC.
 */
export function toIpcFailure(error: unknown): IpcFailure {
  if (error instanceof ScannerError && error.kind !== 'internal') {
    return { code: error.code, kind: error.kind, message: error.message }
  }
  return { code: 'INTERNAL', kind: 'internal', message: INTERNAL_MESSAGE }
}
